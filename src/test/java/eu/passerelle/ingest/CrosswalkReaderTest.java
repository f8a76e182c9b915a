package eu.passerelle.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrosswalkReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheMappingTemplateWithItsMetadataBlock() throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, """
                Mapping project name,ESCO - ROME
                Mapping project version,V1.4
                Mapping project version date,07/06/2022
                Classification 1 Name,ESCO
                Classification 1 Version,1.0.9
                Classification 2 Name,ROME\s
                Classification 2 Version,V3.0

                classification 1 ID,classification 1 prefered label,classification 2 ID,classification 2 prefered label,mapping relation
                http://data.europa.eu/esco/occupation/abc,balayeur/balayeuse,12345,Agent / Agente de propreté urbaine,skos:exactMatch
                http://data.europa.eu/esco/occupation/abc,balayeur/balayeuse,12346,Cantonnier / Cantonnière,skos:relatedMatch
                http://data.europa.eu/esco/occupation/def,"souscripteur, IARD",12347,Souscripteur,skos:broadMatch
                """);
        OrphanCounter orphans = new OrphanCounter();
        CrosswalkReader.CrosswalkFile file = CrosswalkReader.read(f, "unused", orphans);
        assertThat(file.version()).isEqualTo("V1.4 (07/06/2022)");
        assertThat(file.escoVersion()).isEqualTo("1.0.9");
        assertThat(file.mappings()).extracting(CrosswalkReader.Mapping::code).containsExactly("12345", "12347");
        assertThat(file.mappings().get(0).label()).isEqualTo("Agent / Agente de propreté urbaine");
        assertThat(file.mappings().get(1).relation()).isEqualTo("broad");
        assertThat(orphans.counts()).containsEntry("crosswalk row with an unknown relation", 1L);
    }

    @Test
    void readsAPlainCutWithTheEscoColumnLast() throws Exception {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, """
                competent_code,label_fr,label_nl,esco_uri,relation
                OP-1,Agent d'accueil en tourisme (h/f/x),Onthaalmedewerker toerisme,http://data.europa.eu/esco/occupation/b5d7,skos:narrowMatch
                ,sans code,,http://data.europa.eu/esco/occupation/b5d7,skos:exactMatch
                """);
        OrphanCounter orphans = new OrphanCounter();
        CrosswalkReader.CrosswalkFile file = CrosswalkReader.read(f, "V1.0", orphans);
        assertThat(file.version()).isEqualTo("V1.0");
        assertThat(file.mappings()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("OP-1");
            assertThat(m.escoUri()).endsWith("/b5d7");
            assertThat(m.label()).startsWith("Agent d'accueil");
            assertThat(m.relation()).isEqualTo("narrow");
        });
        assertThat(orphans.total()).isEqualTo(1);
    }
}
