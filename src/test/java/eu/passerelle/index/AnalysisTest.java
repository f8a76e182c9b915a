package eu.passerelle.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisTest {
    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource({
        "animatrice, animateur",
        "éducatrice de jeunes enfants, éducateur de jeunes enfants",
        "accompagnante, accompagnant",
        "puéricultrice, puériculteur",
        "infirmière, infirmier",
        "technicienne, technicien",
        "coiffeuse, coiffeur",
        "crèche, creche",
        "L'enfant, enfant",
        "d'accueil, accueil",
        "animateurs, animateur",
        "enfants, enfant",
        "Animateur / Animatrice jeunesse, animateur jeunesse",
        "éducatrice spécialisée, éducateur spécialisé",
        "Educateur spécialisé / Educatrice spécialisée, éducateur spécialisé",
        "assistante maternelle agréée, assistant maternel agréé",
        "diplômées, diplômés",
    })
    void frenchFormsOfTheSameWordAnalyseAlike(String a, String b) {
        assertThat(Analysis.tokens(Fields.TITLE, a)).isEqualTo(Analysis.tokens(Fields.TITLE, b));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource({
        "éducateur, éducation",
        "vente, vent",
        "animateur, animation",
        "aide, aider-soignant",
    })
    void differentWordsStayApart(String a, String b) {
        assertThat(Analysis.tokens(Fields.TITLE, a)).isNotEqualTo(Analysis.tokens(Fields.TITLE, b));
    }

    @ParameterizedTest
    @CsvSource({"de la, ''", "le des et, ''"})
    void stopWordsAloneAnalyseToNothing(String text, String expected) {
        assertThat(String.join(" ", Analysis.tokens(Fields.TITLE, text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"kinderbegeleiders, kinderbegeleider", "Verantwoordelijke kinderopvang, verantwoordelijke kinderopvang"})
    void dutchLabelsAreStemmedWithTheDutchAnalyzer(String a, String b) {
        assertThat(Analysis.tokens(Fields.TITLE_NL, a)).isEqualTo(Analysis.tokens(Fields.TITLE_NL, b));
    }

    @ParameterizedTest
    @CsvSource({"animatrice, animateur", "formatrices, formateurs", "vente, vente", "fière, fière", "AESH, AESH"})
    void feminineRulesOnlyTouchJobNouns(String in, String out) {
        assertThat(FeminineFormFilter.masculine(in)).isEqualTo(out);
    }

    /** The filter rewrites on the term's buffer; it must give what masculine() gives, word for word. */
    @ParameterizedTest
    @CsvSource({"animatrice", "formatrices", "vente", "fière", "infirmière", "infirmières", "technicienne", "assistante", "assistantes",
        "présidente", "bouchère", "sportive", "spécialisée", "agréées", "coiffeuses", "ée", "trice", "plante", "éducatrice"})
    void theFilterRewritesAsTheRulesSay(String word) throws java.io.IOException {
        org.apache.lucene.analysis.Tokenizer words = new org.apache.lucene.analysis.core.WhitespaceTokenizer();
        words.setReader(new java.io.StringReader(word + " " + word));
        java.util.List<String> out = new java.util.ArrayList<>();
        try (FeminineFormFilter filter = new FeminineFormFilter(words)) {
            var term = filter.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            filter.reset();
            while (filter.incrementToken()) {
                out.add(term.toString());
            }
            filter.end();
        }
        assertThat(out).containsExactly(FeminineFormFilter.masculine(word), FeminineFormFilter.masculine(word));
    }
}
