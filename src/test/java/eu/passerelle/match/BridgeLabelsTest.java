package eu.passerelle.match;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.model.Occupation;
import eu.passerelle.model.Provenance;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bridge's own word likeness and ESCO hierarchy, over a few hand-built occupations (synthetic, not ESCO's). */
class BridgeLabelsTest {
    private static Occupation esco(String id, String code, String title) {
        return new Occupation(id, "esco", code, "", title, "", List.of(), List.of(), "", "", "", code.substring(0, 4), "", List.of(),
                Provenance.of("esco", "test"));
    }

    private final BridgeLabels labels = new BridgeLabels(List.of(
            esco("esco:lab", "2131.8", "technicien de biologie médicale"),
            esco("esco:ana", "2131.8.1", "technicien en anatomopathologie"),
            esco("esco:cyt", "2131.8.2", "technicien en dépistage cytologique"),
            esco("esco:bio", "2131.4", "biologiste"),
            esco("esco:soc", "2632.6", "sociologue")));

    @Test
    void theFamilyIsReadFromEscoCodes() {
        assertThat(labels.family("esco:lab")).containsOnlyKeys("esco:ana", "esco:cyt").containsValue(1.0);
        // A narrower occupation: its broader one fully, its sibling for half; another branch of the ISCO group not at all.
        assertThat(labels.family("esco:ana")).containsEntry("esco:lab", 1.0).containsEntry("esco:cyt", 0.5).doesNotContainKey("esco:bio");
        assertThat(labels.family("esco:bio")).isEmpty();
        assertThat(labels.family("esco:unknown")).isEmpty();
    }

    @Test
    void wordsOfOneStemCountForHalf() {
        Set<String> title = BridgeLabels.words("Chercheur en sociologie", "fr");
        assertThat(labels.sharingAWord(title, "fr")).contains("esco:soc");
        double stem = labels.similarity(BridgeLabels.words("sociologie", "fr"), BridgeLabels.words("sociologue", "fr"), "fr");
        assertThat(stem).isGreaterThan(0.3).isLessThan(1.0);
        // Short words must agree exactly: "agent" is not "agence".
        assertThat(BridgeLabels.sameStem("agent", "agence")).isFalse();
        assertThat(BridgeLabels.sameStem("toerisme", "toeristisch")).isTrue();
    }
}
