package eu.passerelle.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.Place;
import eu.passerelle.model.RecordType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Feeds read as streams: every shape, a refusal in the middle that never stops the others, a last record cut
 * short, and records handed over while the stream is still being read (never the whole feed in memory).
 */
class FeedStreamTest {
    private final Gazetteer gazetteer = new Gazetteer(List.of(new Place("Arlon", 49.68333, 5.81667, "BE", "WAL", "WLX"),
            new Place("Longwy", 49.5217, 5.76192, "FR", "44", "54")));
    private final FeedImport feeds = new FeedImport(gazetteer);

    private List<FeedImport.Line> stream(RecordType type, String content) throws IOException {
        List<FeedImport.Line> lines = new ArrayList<>();
        feeds.stream(type, "qa", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), e -> lines.add(e.line()));
        return lines;
    }

    private static String posting(int n) {
        return "{\"@type\":\"JobPosting\",\"identifier\":\"s" + n + "\",\"title\":\"Animateur périscolaire " + n + "\","
                + "\"occupationalCategory\":\"G1203\",\"jobLocation\":{\"address\":{\"addressLocality\":\"Arlon\",\"addressCountry\":\"BE\"}}}";
    }

    @Test
    void jsonLinesRefuseABadLineInTheMiddleAndALastRecordCutShort() throws Exception {
        String feed = posting(1) + "\n" + "{\"@type\":\"JobPosting\",\"identifier\":\"s2\"}\n" + "not json at all\n\n" + posting(4) + "\n"
                + posting(5).substring(0, 40);
        List<FeedImport.Line> lines = stream(RecordType.POSTING, feed);
        assertThat(lines).extracting(FeedImport.Line::status).containsExactly("accepted", "refused", "refused", "accepted", "refused");
        assertThat(lines).extracting(FeedImport.Line::line).containsExactly(1, 2, 3, 5, 6);
        assertThat(lines.get(1).error()).contains("title");
        assertThat(lines.get(2).error()).contains("not valid JSON");
        assertThat(lines.get(4).error()).contains("not valid JSON");
        assertThat(lines.get(3).id()).isEqualTo("posting:qa-s4");
    }

    @Test
    void aJsonArrayKeepsItsRecordsBeforeARefusalAndAfterItAndSaysWhenItIsCutShort() throws Exception {
        String feed = "[" + posting(1) + ",\n{\"id\":\"posting:qa-x2\",\"title\":\"Cordonnier\",\"country\":\"Belgique\"},\n" + posting(3) + ",\n"
                + posting(4).substring(0, 50);
        List<FeedImport.Line> lines = stream(RecordType.POSTING, feed);
        assertThat(lines).extracting(FeedImport.Line::status).containsExactly("accepted", "refused", "accepted", "refused");
        assertThat(lines.get(1).field()).isEqualTo("country");
        assertThat(lines.get(3).line()).isEqualTo(4);
        assertThat(lines.get(3).error()).contains("cut short");
    }

    @Test
    void aJobPostingGraphAndAFranceTravailEnvelopeAreReadRecordByRecord() throws Exception {
        List<FeedImport.Line> graph = stream(RecordType.POSTING, "{\"@context\":\"https://schema.org/\",\"@graph\":[" + posting(1) + "," + posting(2) + "]}");
        assertThat(graph).extracting(FeedImport.Line::id).containsExactly("posting:qa-s1", "posting:qa-s2");

        // France Travail puts its facets after the offers: they are read past, not taken for an offer.
        String ft = "{\"resultats\":[{\"id\":\"A1\",\"intitule\":\"Auxiliaire de puériculture\",\"romeCode\":\"J1304\",\"lieuTravail\":{\"libelle\":\"54 - LONGWY\"}},"
                + "{\"id\":\"A2\"},"
                + "{\"id\":\"A3\",\"intitule\":\"Animateur\",\"romeCode\":\"G1203\",\"lieuTravail\":{\"libelle\":\"54 - LONGWY\"}}],"
                + "\"filtresPossibles\":[{\"filtre\":\"typeContrat\"}]}";
        List<FeedImport.Line> offers = stream(RecordType.POSTING, ft);
        assertThat(offers).extracting(FeedImport.Line::status).containsExactly("accepted", "refused", "accepted");
        assertThat(offers.get(1).error()).contains("intitule");
        assertThat(offers.get(2).id()).isEqualTo("posting:francetravail-A3");
    }

    @Test
    void aLeForemEnvelopeWithItsCountFirstIsReadRecordByRecord() throws Exception {
        String forem = "{\"total_count\":3,\"results\":[{\"numerooffreforem\":\"1001\",\"titreoffre\":\"Puéricultrice\",\"lieuxtravaillocalite\":[\"ARLON\"]},"
                + "{\"numerooffreforem\":\"1002\"},{\"numerooffreforem\":\"1003\",\"titreoffre\":\"Animateur\"}]}";
        List<FeedImport.Line> lines = stream(RecordType.POSTING, forem);
        assertThat(lines).extracting(FeedImport.Line::status).containsExactly("accepted", "refused", "accepted");
        assertThat(lines.get(1).error()).contains("titreoffre");
    }

    @Test
    void lheoIsReadActionByActionWithABadActionInTheMiddleAndADocumentCutShort() throws Exception {
        String action = "<action numero=\"A%d\"><nombre-heures-total>%s</nombre-heures-total><lieu-de-formation><coordonnees><adresse>"
                + "<ville>Longwy</ville></adresse></coordonnees></lieu-de-formation></action>";
        String xml = "<?xml version=\"1.0\"?><lheo xmlns=\"http://www.lheo.org/2.3\"><offres>"
                + "<formation numero=\"F1\"><intitule-formation>CAP AEPE (exemple)</intitule-formation>" + action.formatted(1, "400")
                + action.formatted(2, "beaucoup") + action.formatted(3, "120") + "</formation>"
                + "<formation numero=\"F2\"><intitule-formation>BPJEPS (exemple)</intitule-formation>" + action.formatted(4, "600");
        List<FeedImport.Line> lines = stream(RecordType.TRAINING, xml.substring(0, xml.length() - 20));
        assertThat(lines).extracting(FeedImport.Line::status).containsExactly("accepted", "refused", "accepted", "refused");
        assertThat(lines.get(1).error()).contains("nombre-heures-total");
        assertThat(lines.get(2).id()).isEqualTo("training:qa-f1-a3");
        assertThat(lines.get(3).line()).isEqualTo(4);
        assertThat(lines.get(3).error()).contains("not valid LHÉO XML");
    }

    /** A feed made as it is read, which says how much of it has been read. */
    private static final class MadeAsRead extends InputStream {
        private final IntFunction<String> record;
        private final int count;
        private final String open;
        private final String separator;
        private final String close;
        private byte[] current = new byte[0];
        private int at;
        private int made;
        private boolean closed;

        MadeAsRead(String open, IntFunction<String> record, String separator, String close, int count) {
            this.open = open;
            this.record = record;
            this.separator = separator;
            this.close = close;
            this.count = count;
            this.current = open.getBytes(StandardCharsets.UTF_8);
        }

        int made() {
            return made;
        }

        @Override
        public int read() {
            while (at == current.length) {
                if (made < count) {
                    made++;
                    current = ((made > 1 ? separator : "") + record.apply(made)).getBytes(StandardCharsets.UTF_8);
                } else if (!closed) {
                    closed = true;
                    current = close.getBytes(StandardCharsets.UTF_8);
                } else {
                    return -1;
                }
                at = 0;
            }
            return current[at++] & 0xFF;
        }
    }

    @Test
    void recordsAreHandedOverWhileTheFeedIsStillBeingRead() throws Exception {
        int count = 20_000;
        for (String[] shape : new String[][] {{"[", ",\n", "]"}, {"", "\n", "\n"}, {"{\"resultats\":[", ",", "]}"}}) {
            MadeAsRead feed = new MadeAsRead(shape[0], FeedStreamTest::posting, shape[1], shape[2], count);
            int[] seen = {0};
            int[] madeWhenFirstSeen = {-1};
            feeds.stream(RecordType.POSTING, "qa", feed, e -> {
                if (seen[0]++ == 0) {
                    madeWhenFirstSeen[0] = feed.made();
                }
            });
            assertThat(seen[0]).as("every record of shape %s", shape[0]).isEqualTo(count);
            assertThat(madeWhenFirstSeen[0]).as("records made when the first was handed over").isLessThan(count / 10);
        }
    }

    @Test
    void anLheoCatalogueIsHandedOverFormationByFormation() throws Exception {
        int count = 5_000;
        MadeAsRead feed = new MadeAsRead("<lheo><offres>", n -> "<formation numero=\"F" + n + "\"><intitule-formation>CAP AEPE " + n
                + "</intitule-formation><action numero=\"A\"><nombre-heures-total>400</nombre-heures-total></action></formation>", "", "</offres></lheo>", count);
        int[] seen = {0};
        int[] madeWhenFirstSeen = {-1};
        feeds.stream(RecordType.TRAINING, "qa", feed, e -> {
            if (seen[0]++ == 0) {
                madeWhenFirstSeen[0] = feed.made();
            }
            assertThat(e.line().status()).isEqualTo("accepted");
        });
        assertThat(seen[0]).isEqualTo(count);
        assertThat(madeWhenFirstSeen[0]).isLessThan(count / 10);
    }
}
