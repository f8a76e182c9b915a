package eu.passerelle.search;

import eu.passerelle.index.Analysis;
import eu.passerelle.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a person typed into a scoring query. User text is only ever analysed, never parsed as
 * query syntax.
 *
 * <ul>
 *   <li>best field wins: title (×3), labels (×2), everything (×1), Dutch title and labels; the other
 *       fields add 30 % (a DisjunctionMax with tie-breaker);</li>
 *   <li>the whole text as a phrase on the title and on the labels (slop 2), so "animateur jeunesse" puts the
 *       fiche of that name first;</li>
 *   <li>curated synonyms: a group matched in the text adds its other variants as phrases;</li>
 *   <li>the exact label: when the analysed text is exactly a title or label, that record gets a strong,
 *       constant bonus;</li>
 *   <li>typos: a word of four letters or more that no title or label contains is taken for a typo and
 *       matches title and label words within one edit (unstemmed, so one typo is one edit), weighing as a
 *       title word; words the index knows are not fuzzed, which would only add noise.</li>
 * </ul>
 */
public final class TextQuery {
    public static final float W_TITLE = 3f, W_LABELS = 2f, W_ALL = 1f, W_NL_TITLE = 3f, W_NL_LABELS = 2f;
    public static final float TIE = 0.3f, W_TITLE_PHRASE = 2f, W_LABEL_PHRASE = 1.5f, W_SYNONYM = 2f, W_TYPO = 3f, W_EXACT_LABEL = 6f;
    private static final int PHRASE_SLOP = 2;

    private final Synonyms synonyms;

    public TextQuery(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    /**
     * The query, the synonym groups that fired (for the explanation) and the words to highlight: plain
     * terms of the highlighted field, so the highlighter reads offsets from the postings instead of
     * re-analysing text as phrase and fuzzy clauses would make it do.
     */
    public record Built(Query query, List<Synonyms.Match> synonyms, Query highlight, Set<String> words) {
    }

    /** @param reader the index as it is now, to tell typos (words it does not contain) from known words */
    public Built build(String text, String lang, IndexReader reader) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        float nlBoost = "nl".equals(lang) ? 1.5f : 1f;
        List<Query> perField = new ArrayList<>();
        add(perField, bool(Fields.TITLE, text), W_TITLE);
        add(perField, bool(Fields.LABELS, text), W_LABELS);
        add(perField, bool(Fields.ALL, text), W_ALL);
        add(perField, bool(Fields.TITLE_NL, text), W_NL_TITLE * nlBoost);
        add(perField, bool(Fields.LABELS_NL, text), W_NL_LABELS * nlBoost);
        boolean any = !perField.isEmpty();
        if (any) {
            b.add(new DisjunctionMaxQuery(perField, TIE), Occur.SHOULD);
        }
        if (Analysis.tokens(Fields.TITLE, text).size() > 1) {
            addClause(b, phrase(Fields.TITLE, text), W_TITLE_PHRASE);
            addClause(b, phrase(Fields.LABELS, text), W_LABEL_PHRASE);
        }
        List<Synonyms.Match> matches = synonyms.find(text);
        for (Synonyms.Match m : matches) {
            List<Query> variants = new ArrayList<>();
            for (String v : m.group().variants()) {
                if (!v.equalsIgnoreCase(m.matched())) {
                    add(variants, phrase(Fields.TITLE, v), W_TITLE);
                    add(variants, phrase(Fields.LABELS, v), W_LABELS);
                    add(variants, phrase(Fields.ALL, v), W_ALL);
                }
            }
            if (!variants.isEmpty()) {
                b.add(new BoostQuery(new DisjunctionMaxQuery(variants, TIE), W_SYNONYM), Occur.SHOULD);
                any = true;
            }
        }
        String key = Analysis.labelKey(text);
        if (!key.isEmpty()) {
            b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.LABEL_KEY, key))), W_EXACT_LABEL), Occur.SHOULD);
        }
        for (String word : Analysis.tokens(Fields.LABEL_WORDS, text)) {
            if (word.length() >= 4 && reader.docFreq(new Term(Fields.LABEL_WORDS, word)) == 0) {
                b.add(new BoostQuery(new FuzzyQuery(new Term(Fields.LABEL_WORDS, word), 1, 1), W_TYPO), Occur.SHOULD);
                any = true;
            }
        }
        Set<String> words = new LinkedHashSet<>(Analysis.tokens(Fields.ALL, text));
        for (Synonyms.Match m : matches) {
            m.group().variants().forEach(v -> words.addAll(Analysis.tokens(Fields.ALL, v)));
        }
        BooleanQuery.Builder h = new BooleanQuery.Builder();
        words.forEach(w -> h.add(new TermQuery(new Term(Fields.ALL, w)), Occur.SHOULD));
        return new Built(any ? b.build() : null, matches, h.build(), words);
    }

    /** Plain BM25 over one StandardAnalyzer field: the baseline the relevance evaluation compares with. */
    public static Query baseline(String text) {
        return new QueryBuilder(Analysis.forQuery(Fields.BASELINE)).createBooleanQuery(Fields.BASELINE, text, Occur.SHOULD);
    }

    static Query bool(String field, String text) {
        return new QueryBuilder(Analysis.forQuery(field)).createBooleanQuery(field, text, Occur.SHOULD);
    }

    static Query phrase(String field, String text) {
        return new QueryBuilder(Analysis.forQuery(field)).createPhraseQuery(field, text, PHRASE_SLOP);
    }

    private static void add(List<Query> list, Query q, float boost) {
        if (q != null) {
            list.add(boost == 1f ? q : new BoostQuery(q, boost));
        }
    }

    private static void addClause(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null) {
            b.add(new BoostQuery(q, boost), Occur.SHOULD);
        }
    }
}
