package eu.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.Http;
import eu.passerelle.TestService;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Writes through the API: upsert, delete, feeds; searchable on the 2xx answer; validation and roles. */
class WriteApiTest {
    private static Http.Response put(String path, String body, String key) {
        return Http.send(Http.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)), key);
    }

    private static Http.Response delete(String path, String key) {
        return Http.send(Http.request(path).DELETE(), key);
    }

    private static long hits(String q, String type) {
        return Http.get("/api/v1/search?q=" + Http.enc(q) + "&type=" + type).json().get("total").asLong();
    }

    @Test
    void aPostingIsSearchableAsSoonAsThePutAnswersAndGoneAsSoonAsTheDeleteAnswers() {
        String id = "posting:partnerqa-zq81";
        String body = "{\"title\":\"Soigneur de lamas xq81\",\"description\":\"Annonce de test\",\"employer\":\"Ferme exemple\","
                + "\"contract\":\"CDD\",\"place\":{\"name\":\"Arlon\",\"lat\":49.68333,\"lon\":5.81667,\"country\":\"BE\"},\"country\":\"BE\"}";
        Http.Response created = put("/api/v1/postings/" + id, body, TestService.WRITER_KEY);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(hits("lamas xq81", "posting")).isEqualTo(1);
        JsonNode found = Http.get("/api/v1/search?q=" + Http.enc("lamas xq81") + "&near=Virton").json().get("items").get(0);
        assertThat(found.get("id").asText()).isEqualTo(id);
        assertThat(found.get("distanceKm").asDouble()).isBetween(20.0, 30.0);
        assertThat(Http.get("/api/v1/postings/" + id).json().at("/provenance/source").asText()).isEqualTo("api");

        assertThat(put("/api/v1/postings/" + id, body, TestService.ADMIN_KEY).status()).as("idempotent").isEqualTo(200);
        assertThat(hits("lamas xq81", "posting")).isEqualTo(1);

        assertThat(delete("/api/v1/postings/" + id, TestService.WRITER_KEY).status()).isEqualTo(204);
        assertThat(hits("lamas xq81", "posting")).isZero();
        assertThat(Http.get("/api/v1/postings/" + id).status()).isEqualTo(404);
        assertThat(delete("/api/v1/postings/" + id, TestService.WRITER_KEY).status()).isEqualTo(404);
    }

    @Test
    void aSchemaOrgJobPostingCanBePutAsIs() {
        String body = "{\"@context\":\"https://schema.org/\",\"@type\":\"JobPosting\",\"identifier\":\"qa-44\",\"title\":\"Dresseur de furets qa44\","
                + "\"jobLocation\":{\"address\":{\"addressLocality\":\"Virton\",\"addressCountry\":\"BE\"}},\"employmentType\":\"FULL_TIME\"}";
        Http.Response r = put("/api/v1/postings/posting:partnerqa-qa-44", body, TestService.WRITER_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().at("/place/lat").asDouble()).isEqualTo(49.56824);
        assertThat(hits("furets qa44", "posting")).isEqualTo(1);
        assertThat(delete("/api/v1/postings/posting:partnerqa-qa-44", TestService.ADMIN_KEY).status()).isEqualTo(204);
    }

    @Test
    void aTrainingCanBeWrittenAndErased() {
        String id = "training:qa-formation-apiculture-zz9";
        String body = "{\"kind\":\"course\",\"title\":\"Formation apiculture urbaine zz9\",\"hours\":35,\"modality\":\"distance\",\"country\":\"LU\","
                + "\"provenance\":{\"source\":\"example\",\"reference\":\"test record\",\"example\":true}}";
        assertThat(put("/api/v1/trainings/" + id, body, TestService.WRITER_KEY).status()).isEqualTo(201);
        JsonNode item = Http.get("/api/v1/search?q=" + Http.enc("apiculture zz9") + "&type=training&modality=distance").json().get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("example").asBoolean()).isTrue();
        assertThat(delete("/api/v1/trainings/" + id, TestService.WRITER_KEY).status()).isEqualTo(204);
        assertThat(Http.get("/api/v1/search?q=" + Http.enc("apiculture zz9") + "&type=training").json().get("items"))
                .noneMatch(i -> i.get("id").asText().equals(id));
    }

    @Test
    void aFeedIsReportedLineByLineAndABadLineNeverStopsTheOthers() {
        String ndjson = """
                {"@type":"JobPosting","identifier":"f1","title":"Gardien de phare fd71","jobLocation":{"address":{"addressLocality":"Arlon","addressCountry":"BE"}}}
                {"@type":"JobPosting","identifier":"f2"}
                this is not json
                {"id":"posting:feedqa-f4","title":"Cordonnier fd71","country":"Belgique"}
                {"id":"posting:feedqa-f5","title":"Horloger fd71","country":"LU"}
                """;
        Http.Response r = Http.send(Http.request("/api/v1/postings/bulk?source=feedqa").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)), TestService.WRITER_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("refused").asInt()).isEqualTo(3);
        assertThat(report.at("/lines/0/status").asText()).isEqualTo("accepted");
        assertThat(report.at("/lines/0/id").asText()).isEqualTo("posting:feedqa-f1");
        assertThat(report.at("/lines/1/error").asText()).contains("title");
        assertThat(report.at("/lines/2/line").asInt()).isEqualTo(3);
        assertThat(report.at("/lines/3/field").asText()).isEqualTo("country");
        assertThat(hits("fd71", "posting")).isEqualTo(2);
        delete("/api/v1/postings/posting:feedqa-f1", TestService.WRITER_KEY);
        delete("/api/v1/postings/posting:feedqa-f5", TestService.WRITER_KEY);
        assertThat(hits("fd71", "posting")).isZero();
    }

    @Test
    void aBulkFeedLargerThanTheOneMebibyteOfOtherRoutesIsStreamedInAndReportedInFull() {
        StringBuilder feed = new StringBuilder();
        String text = "Offre de test (pas une vraie offre) : accueil d'enfants, activités d'éveil, lien avec les familles. ".repeat(30);
        int count = 400;
        for (int i = 1; i <= count; i++) {
            if (i == 200) {
                feed.append("{\"id\":\"posting:bigqa-bad\",\"title\":\"Ligne refusée bk93\",\"country\":\"Luxembourg\"}\n");
            }
            feed.append("{\"id\":\"posting:bigqa-").append(i).append("\",\"title\":\"Souffleuse de verre bk93 n").append(i)
                    .append("\",\"country\":\"LU\",\"occupations\":[\"rome:G1203\"],\"description\":\"").append(text).append("\"}\n");
        }
        assertThat(feed.length()).as("over the 1 MiB every other route takes").isGreaterThan(1 << 20);
        Http.Response r = Http.send(Http.request("/api/v1/postings/bulk?source=bigqa").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(feed.toString())), TestService.WRITER_KEY);
        try {
            assertThat(r.status()).as(r.body().substring(0, Math.min(500, r.body().length()))).isEqualTo(200);
            JsonNode report = r.json();
            assertThat(report.get("accepted").asInt()).isEqualTo(count);
            assertThat(report.get("refused").asInt()).isEqualTo(1);
            assertThat(report.get("lines")).hasSize(count + 1);
            assertThat(report.at("/lines/199/status").asText()).isEqualTo("refused");
            assertThat(report.at("/lines/199/field").asText()).isEqualTo("country");
            assertThat(report.at("/lines/" + count + "/id").asText()).isEqualTo("posting:bigqa-" + count);
            assertThat(hits("bk93", "posting")).isEqualTo(count);
        } finally {
            for (int i = 1; i <= count; i++) {
                TestService.passerelle().intake().delete(eu.passerelle.model.RecordType.POSTING, "posting:bigqa-" + i);
            }
        }
        assertThat(hits("bk93", "posting")).isZero();
    }

    @Test
    void anLheoFeedIsImportedOverHttpAndItsTrainingsFoundNearTheirPlace() throws Exception {
        String xml = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/feeds/lheo-sample.xml"));
        Http.Response r = Http.send(Http.request("/api/v1/trainings/bulk?source=qa-lheo").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)), TestService.WRITER_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(2);
        JsonNode near = Http.get("/api/v1/search?type=training&near=Longwy&radiusKm=5").json();
        assertThat(near.get("items")).anyMatch(i -> i.get("id").asText().equals("training:qa-lheo-form-ex-1-act-1"));
        assertThat(delete("/api/v1/trainings/training:qa-lheo-form-ex-1-act-1", TestService.WRITER_KEY).status()).isEqualTo(204);
        assertThat(delete("/api/v1/trainings/training:qa-lheo-form-ex-1-act-2", TestService.WRITER_KEY).status()).isEqualTo(204);
    }

    @Test
    void aLeForemFeedIsImportedClassifiedUnderRomeFichesAndMatchedAcrossTheBorder() throws Exception {
        String feed = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/feeds/leforem-offres-sample.json"));
        Http.Response r = Http.send(Http.request("/api/v1/postings/bulk?source=leforem").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(feed)), TestService.WRITER_KEY);
        try {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode report = r.json();
            assertThat(report.get("accepted").asInt()).isEqualTo(3);
            assertThat(report.get("refused").asInt()).isEqualTo(1);
            assertThat(report.at("/lines/3/error").asText()).contains("titreoffre");

            JsonNode byOccupation = report.at("/lines/0/classification");
            assertThat(byOccupation.get("from").asText()).isEqualTo("occupation");
            assertThat(byOccupation.get("via").asText()).isEqualTo("exact label");
            assertThat(byOccupation.get("confidence").asDouble()).isEqualTo(1.0);
            assertThat(byOccupation.get("occupation").asText()).as("the ROME fiche with the appellation « Accueillant / Accueillante d'enfants »")
                    .isEqualTo(romeFicheWithAppellation("Accueillant / Accueillante d'enfants"));

            JsonNode byTitle = report.at("/lines/1/classification");
            assertThat(byTitle.get("from").asText()).isEqualTo("title");
            assertThat(byTitle.get("via").asText()).isEqualTo("label in words");
            assertThat(byTitle.get("occupation").asText()).isEqualTo(romeFicheWithAppellation("Animateur / Animatrice d'enfants"));
            assertThat(byTitle.get("confidence").asDouble()).isLessThan(1.0);
            assertThat(report.at("/lines/2/classification").isMissingNode()).as("nothing readable: left unclassified, not guessed").isTrue();

            JsonNode stored = Http.get("/api/v1/postings/posting:leforem-9900001").json();
            assertThat(stored.at("/classification/occupation").asText()).isEqualTo(byOccupation.get("occupation").asText());
            assertThat(stored.get("occupations")).extracting(JsonNode::asText).containsExactly(byOccupation.get("occupation").asText());
            assertThat(Http.get("/api/v1/search?type=posting&contract=CDI&q=" + Http.enc("accueillante enfants")).json().get("items"))
                    .anyMatch(i -> i.get("id").asText().equals("posting:leforem-9900001"));

            // A French animator near the border finds the Belgian post, and the answer says how it was classified.
            JsonNode results = MatchApiTest.match("{\"profile\":{\"occupations\":[\"Animateur / Animatrice d'enfants\"],\"location\":\"Longwy\","
                    + "\"countries\":[\"FR\",\"BE\"]},\"targets\":[\"posting\"],\"limit\":50}").at("/results/posting");
            JsonNode post = java.util.stream.StreamSupport.stream(results.spliterator(), false)
                    .filter(i -> i.get("id").asText().equals("posting:leforem-9900002")).findFirst().orElseThrow();
            assertThat(post.at("/explanation/reasons").toString()).contains("d'après son intitulé", "libellé écrit en toutes lettres");
            assertThat(post.has("recognition")).as("a French person, a Belgian post").isTrue();
        } finally {
            for (String n : new String[] {"9900001", "9900002", "9900003"}) {
                delete("/api/v1/postings/posting:leforem-" + n, TestService.WRITER_KEY);
            }
        }
    }

    /** The ROME fiche an appellation belongs to, read from the referential file the test service imported. */
    private static String romeFicheWithAppellation(String appellation) throws java.io.IOException {
        java.util.List<String> codes = new java.util.ArrayList<>();
        eu.passerelle.ingest.Csv.forEachRecord(TestService.indexData().resolve("rome/unix_referentiel_appellation_v460_utf8.csv"), ',', row -> {
            if (row.get("libelle_appellation_long").equals(appellation)) {
                codes.add("rome:" + row.get("code_rome"));
            }
        });
        assertThat(codes).as("appellation " + appellation).hasSize(1);
        return codes.get(0);
    }

    @ParameterizedTest(name = "{1} → {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "posting:qa-bad1|{\"title\":\"\"}|400|title",
        "posting:qa-bad2|{\"title\":\"x\",\"place\":{\"lat\":95,\"lon\":5}}|400|place",
        "posting:qa-bad3|{\"id\":\"posting:other\",\"title\":\"x\"}|400|id",
        "posting:qa-bad4|{\"title\":\"x\",\"country\":\"Belgium\"}|400|country",
        "posting:qa-bad5|not json|400|body",
    })
    void badRecordsAreA400NamingTheField(String id, String body, int status, String param) {
        Http.Response r = put("/api/v1/postings/" + id, body, TestService.WRITER_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("param").asText()).isEqualTo(param);
        assertThat(Http.get("/api/v1/postings/" + id).status()).isEqualTo(404);
    }

    @Test
    void writesNeedAWriterOrAdminKey() {
        String body = "{\"title\":\"x\"}";
        assertThat(put("/api/v1/postings/posting:qa-role", body, null).status()).isEqualTo(401);
        assertThat(put("/api/v1/postings/posting:qa-role", body, TestService.ADVISOR_KEY).status()).isEqualTo(403);
        assertThat(delete("/api/v1/trainings/rncp:RNCP28048", TestService.ADVISOR_KEY).status()).isEqualTo(403);
        assertThat(Http.get("/api/v1/trainings/rncp:RNCP28048").status()).isEqualTo(200);
    }
}
