package eu.passerelle.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every reason renders in French, Dutch and English, with numbers written as each language writes them. */
class ReasonRendererTest {
    private final ReasonRenderer renderer = ReasonRenderer.load();

    @Test
    void everyLanguageHasEveryMessage() {
        assertThat(renderer.codes("nl")).isEqualTo(renderer.codes("fr"));
        assertThat(renderer.codes("en")).isEqualTo(renderer.codes("fr"));
    }

    @Test
    void numbersFollowTheLanguage() {
        Reason r = Reason.of("training.prepares", "occupation", "Animateur", "link", Reason.of("link.stated"), "confidence", 0.95);
        assertThat(renderer.render(r, "fr")).isEqualTo("Prépare au métier « Animateur », classé pour vous (indiqué par la fiche de la formation, confiance 0,95).");
        assertThat(renderer.render(r, "nl")).contains("betrouwbaarheid 0,95").contains("vermeld in de fiche van de opleiding");
        assertThat(renderer.render(r, "en")).contains("confidence 0.95").contains("stated by the training's record");
    }

    @Test
    void optionalPartsAreLeftOutWhenTheirParameterIsAbsent() {
        Reason with = Reason.of("occupation.pathwayForJob", "job", "AESH", "training", "CPJEPS", "hours", 280);
        Reason without = Reason.of("occupation.pathwayForJob", "job", "AESH", "training", "CPJEPS");
        assertThat(renderer.render(with, "fr")).isEqualTo("Une formation conçue pour les « AESH » y mène : « CPJEPS » (280 h).");
        assertThat(renderer.render(without, "fr")).isEqualTo("Une formation conçue pour les « AESH » y mène : « CPJEPS ».");
    }

    @Test
    void resolutionViasAreRenderable() {
        assertThat(renderer.render(Reason.via("exact label"), "fr")).isEqualTo("libellé exact");
        assertThat(renderer.render(Reason.via("text (« Auxiliaire de puériculture »)"), "nl")).isEqualTo("vrije tekst (« Auxiliaire de puériculture »)");
        assertThat(renderer.render(Reason.via("search (no certification)"), "en")).isEqualTo("search (no certification found)");
        assertThat(renderer.render(Reason.via("unknown RNCP code"), "fr")).isEqualTo("code RNCP inconnu");
    }
}
