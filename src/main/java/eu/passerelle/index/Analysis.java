package eu.passerelle.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Every analyzer Passerelle uses, and which field gets which. Index and query analysis are the same chain,
 * except for the typeahead field whose index side emits prefixes.
 */
public final class Analysis {
    /** French words elided before a vowel: "l'enfant", "d'accueil", "qu'il". */
    private static final CharArraySet ELISIONS = new CharArraySet(java.util.List.of("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

    /** Keeps the labels of a multi-valued field apart, so a phrase never spans two labels. */
    private static final int LABEL_GAP = 100;

    private Analysis() {
    }

    /**
     * French prose and titles: elision, lower case, French stop words, feminine → masculine job nouns,
     * accent folding, plural stemming only (the light stemmer folds "animateur", "animation" and "animer" into one
     * term, which costs precision on job titles).
     */
    public static Analyzer french() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new ElisionFilter(source, ELISIONS);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, FrenchAnalyzer.getDefaultStopSet());
                s = new FeminineFormFilter(s);
                s = new ASCIIFoldingFilter(s);
                s = new FrenchMinimalStemFilter(s);
                return new TokenStreamComponents(source, s);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, ELISIONS)));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return LABEL_GAP;
            }
        };
    }

    /** Dutch labels (Compétent NL): the stock Dutch analyzer with its stemmer. */
    public static Analyzer dutch() {
        return new DutchAnalyzer();
    }

    /** Typeahead, index side: every word of a label as its prefixes (2–20 chars), folded. */
    public static Analyzer prefixIndex() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new ElisionFilter(source, ELISIONS);
                s = new LowerCaseFilter(s);
                s = new ASCIIFoldingFilter(s);
                s = new EdgeNGramTokenFilter(s, 1, 20, true);
                return new TokenStreamComponents(source, s);
            }
        };
    }

    /** Typeahead, query side: words folded, no prefixes (what was typed is the prefix). */
    public static Analyzer prefixQuery() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new ElisionFilter(source, ELISIONS);
                s = new LowerCaseFilter(s);
                s = new ASCIIFoldingFilter(s);
                return new TokenStreamComponents(source, s);
            }
        };
    }

    /** The analyzer the IndexWriter uses: per field, as declared in {@link Fields}. */
    public static Analyzer indexing() {
        Analyzer fr = french();
        Analyzer nl = dutch();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                Fields.TITLE, fr, Fields.LABELS, fr, Fields.ALL, fr,
                Fields.TITLE_NL, nl, Fields.LABELS_NL, nl,
                Fields.SUGGEST, prefixIndex(), Fields.LABEL_WORDS, prefixQuery(),
                Fields.BASELINE, new StandardAnalyzer()));
    }

    /** The analyzer for a field at query time. */
    public static Analyzer forQuery(String field) {
        return switch (field) {
            case Fields.TITLE_NL, Fields.LABELS_NL -> Holder.NL;
            case Fields.SUGGEST, Fields.LABEL_WORDS -> Holder.PREFIX_QUERY;
            case Fields.BASELINE -> Holder.STANDARD;
            default -> Holder.FR;
        };
    }

    /** The analysed words of a text for a field, in order, repeats kept (for word sequences). */
    public static List<String> tokensInOrder(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = forQuery(field).tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The analysed words of a text for a field, in order, without duplicates. */
    public static List<String> tokens(String field, String text) {
        return new ArrayList<>(new LinkedHashSet<>(tokensInOrder(field, text)));
    }

    /** The exact-label key of a text: its analysed title words, in order, joined by spaces. */
    public static String labelKey(String text) {
        return String.join(" ", tokens(Fields.TITLE, text));
    }

    /** Analyzers are thread-safe and reuse per-thread token streams: one instance each is enough. */
    private static final class Holder {
        static final Analyzer FR = french();
        static final Analyzer NL = dutch();
        static final Analyzer PREFIX_QUERY = prefixQuery();
        static final Analyzer STANDARD = new StandardAnalyzer();
    }
}
