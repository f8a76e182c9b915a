package eu.passerelle.search;

import eu.passerelle.index.Analysis;
import eu.passerelle.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Marks the query's words in a record's title or in the label that matched best ("Animateur / Animatrice
 * d'accueil de loisirs (<b>centre aéré</b>)"): what an advisor needs to see, at the cost of analysing a few
 * short strings. Words are compared after French analysis, so "animatrice" marks "Animateur".
 */
final class LabelHighlighter {
    /** A word of a label: its analysed term and where it stands in the label. */
    private record Word(String term, int start, int end) {
    }

    /** Titles and labels repeat from query to query: each is analysed once (bounded, ~100k labels). */
    private static final com.github.benmanes.caffeine.cache.Cache<String, List<Word>> WORDS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000).executor(Runnable::run).build();

    private LabelHighlighter() {
    }

    private static List<Word> words(String text) {
        return WORDS.get(text, t -> {
            List<Word> out = new java.util.ArrayList<>();
            try (TokenStream ts = Analysis.forQuery(Fields.TITLE).tokenStream(Fields.TITLE, t)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    out.add(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.copyOf(out);
        });
    }

    /** The title or label that matched best, as written and marked up. */
    record Marked(String label, String marked) {
    }

    /** The best-matching text among title and labels; null when none contains a query word. */
    static Marked highlight(String title, List<String> labels, Set<String> words) {
        Marked best = null;
        int bestCount = 0;
        String marked = mark(title, words);
        if (marked != null) {
            best = new Marked(title, marked);
            bestCount = count(marked);
        }
        for (String label : labels) {
            String m = mark(label, words);
            if (m != null && count(m) > bestCount) {
                best = new Marked(label, m);
                bestCount = count(m);
            }
        }
        return best;
    }

    private static int count(String marked) {
        int n = 0;
        for (int i = marked.indexOf("<b>"); i >= 0; i = marked.indexOf("<b>", i + 3)) {
            n++;
        }
        return n;
    }

    /** The text, HTML-escaped, with each query word in &lt;b&gt;, adjacent words merged; null when nothing matched. */
    static String mark(String text, Set<String> words) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        int openEnd = -1;
        boolean any = false;
        for (Word w : words(text)) {
            {
                if (!words.contains(w.term())) {
                    continue;
                }
                int start = w.start();
                int end = w.end();
                if (openEnd >= 0 && text.substring(openEnd, start).isBlank()) {
                    out.setLength(out.length() - 4); // extend the open <b> over the space
                    escape(out, text, openEnd, end).append("</b>");
                } else {
                    escape(out, text, last, start).append("<b>");
                    escape(out, text, start, end).append("</b>");
                }
                last = end;
                openEnd = end;
                any = true;
            }
        }
        return any ? escape(out, text, last, text.length()).toString() : null;
    }

    /**
     * Appends text[from, to) HTML-escaped: the answer's only markup is our &lt;b&gt;, so a client that
     * inserts it as HTML never runs markup a record's title carried ("&lt;img onerror=…&gt;" stays text).
     */
    static StringBuilder escape(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }
}
