package eu.passerelle.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelHighlighterTest {
    /** The query's words as the highlighter compares them: analysed like titles. */
    private static Set<String> words(String query) throws java.io.IOException {
        Set<String> out = new java.util.HashSet<>();
        try (var ts = eu.passerelle.index.Analysis.forQuery(eu.passerelle.index.Fields.TITLE).tokenStream(eu.passerelle.index.Fields.TITLE, query)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void theTextAroundTheMarksIsEscapedSoOnlyTheMarksAreMarkup() throws java.io.IOException {
        String title = "Animateur <script>alert('x')</script> & \"loisirs\"";
        assertThat(LabelHighlighter.mark(title, words("animateur loisirs")))
                .isEqualTo("<b>Animateur</b> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;<b>loisirs</b>&quot;");
    }

    @Test
    void aTitleHoldingBoldTagsCountsOnlyTheRealMarks() throws java.io.IOException {
        String marked = LabelHighlighter.highlight("<b><b><b>x</b></b></b> animateur", List.of("Animateur de loisirs"), words("animateur loisirs")).marked();
        assertThat(marked).isEqualTo("<b>Animateur</b> de <b>loisirs</b>");
    }
}
