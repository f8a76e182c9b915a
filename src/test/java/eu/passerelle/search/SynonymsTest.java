package eu.passerelle.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {
    private final Synonyms synonyms = new Synonyms(List.of(
            new Synonyms.Group(List.of("aesh", "accompagnant des élèves en situation de handicap"), "ROME"),
            new Synonyms.Group(List.of("cap aepe", "cap accompagnant éducatif petite enfance"), "ONISEP"),
            new Synonyms.Group(List.of("centre aéré", "accueil de loisirs"), "ROME")));

    @Test
    void acronymsMatchAsWholeWordsOnly() {
        assertThat(synonyms.find("AESH à Chalon")).extracting(Synonyms.Match::matched).containsExactly("aesh");
        assertThat(synonyms.find("aeshna cyanea")).isEmpty();
    }

    @Test
    void aMultiWordVariantNeverFiresOnOneOfItsWords() {
        assertThat(synonyms.find("cap sur la Belgique")).isEmpty();
        assertThat(synonyms.find("titulaire du CAP AEPE")).extracting(Synonyms.Match::matched).containsExactly("cap aepe");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(synonyms.find("Centre Aere")).extracting(Synonyms.Match::matched).containsExactly("centre aéré");
    }

    @Test
    void theShippedListParsesWithASourceForEveryGroup() throws Exception {
        Synonyms shipped = Synonyms.load(Path.of(System.getProperty("passerelle.indexData", "index-data"), "curated", "synonyms-fr.txt"));
        assertThat(shipped.groups()).hasSizeGreaterThan(20);
        assertThat(shipped.groups()).allSatisfy(g -> assertThat(g.source()).isNotBlank());
        assertThat(shipped.find("nounou")).isNotEmpty();
    }
}
