package eu.passerelle.api;

import static eu.passerelle.Http.enc;
import static eu.passerelle.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search contract, against the real service over the real reference data. */
class SearchApiTest {
    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static JsonNode search(String query) {
        Http.Response r = get("/api/v1/search?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    @Test
    void healthCountsEveryReferentialAndNamesEachSourceWithItsVersion() {
        JsonNode h = get("/api/v1/health").json();
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.at("/counts/occupation").asLong()).isGreaterThanOrEqualTo(5_000);
        assertThat(h.at("/counts/skill").asLong()).isGreaterThanOrEqualTo(10_000);
        assertThat(h.at("/counts/training").asLong()).isGreaterThanOrEqualTo(6_000);
        assertThat(h.at("/counts/posting").asLong()).isGreaterThanOrEqualTo(1_000);
        List<String> sources = StreamSupport.stream(h.get("sources").spliterator(), false).map(s -> s.get("name").asText() + " " + s.get("version").asText()).toList();
        assertThat(sources).anyMatch(s -> s.startsWith("ROME 4.0") && s.contains("25M09"))
                .contains("ESCO 1.1.1", "Compétent 3.8", "ONISEP Idéo 2022", "geonames 2025 build");
        assertThat(h.at("/index/inSyncWithStore").asBoolean()).isTrue();
    }

    @Test
    void anItemCarriesTheContractFields() {
        JsonNode a = search("q=" + enc("auxiliaire de puériculture") + "&type=occupation&scheme=rome&limit=3");
        JsonNode first = a.get("items").get(0);
        assertThat(first.get("id").asText()).isEqualTo("rome:J1304");
        assertThat(first.get("type").asText()).isEqualTo("occupation");
        assertThat(first.get("scheme").asText()).isEqualTo("rome");
        assertThat(first.get("code").asText()).isEqualTo("J1304");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("highlight").asText()).contains("<b>");
        assertThat(a.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(a.has("tookMs")).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "AESH|rome:K2113",
        "accompagnante des élèves en situation de handicap|rome:K2113",
        "animatrice jeunesse|rome:G1203",
        "animatuer jeunesse|rome:G1203",
        "éducatrice de jeunes enfants|rome:K1202",
        "ATSEM|rome:K1308",
        "nounou|rome:K1310",
        "garde d'enfants|rome:K1303",
    })
    void frenchJobTitlesAcronymsTyposAndEverydayWordsFindTheirRomeFiche(String q, String expected) {
        assertThat(ids(search("q=" + enc(q) + "&type=occupation&scheme=rome&limit=3"))).contains(expected);
    }

    @Test
    void dutchLabelsAreSearchable() {
        assertThat(ids(search("q=" + enc("kinderbegeleider baby's") + "&type=occupation&lang=nl&limit=3"))).contains("competent:OP-276");
    }

    @Test
    void synonymExpansionIsExplained() {
        JsonNode a = search("q=nounou&type=occupation&limit=3");
        assertThat(a.get("expanded").get(0).get("matched").asText()).isEqualTo("nounou");
        assertThat(a.get("expanded").get(0).get("with").toString()).contains("assistant maternel");
        assertThat(a.get("expanded").get(0).get("source").asText()).contains("ROME");
    }

    @Test
    void nearAPlaceWithoutTextListsTheNearestFirstWithDistances() {
        JsonNode a = search("near=Virton&type=training&radiusKm=30");
        assertThat(ids(a)).first().isEqualTo("training:bachelier-aeje-virton");
        assertThat(a.get("items").get(0).get("distanceKm").asDouble()).isLessThan(0.5);
        assertThat(a.at("/near/name").asText()).isEqualTo("Virton");
        JsonNode postings = search("near=" + enc("49.68,5.82") + "&type=posting&limit=20");
        double previous = -1;
        for (JsonNode item : postings.get("items")) {
            double d = item.get("distanceKm").asDouble();
            assertThat(d).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(postings.get("radiusKm").asDouble());
            previous = d;
        }
    }

    @Test
    void theRadiusWidensByItselfWhenNothingIsCloseAndSaysSo() {
        JsonNode near = search("near=Arlon&type=posting&limit=1");
        assertThat(near.get("radiusKm").asDouble()).isEqualTo(20.0);
        // Chalon-sur-Saône is ~300 km from the border area of the demo postings: nothing within 20..200 km.
        JsonNode far = search("near=" + enc("Chalon-sur-Saône") + "&type=posting&limit=1");
        assertThat(far.get("total").asLong()).isZero();
        assertThat(far.get("radiusKm").asDouble()).isEqualTo(200.0);
        JsonNode training = search("near=" + enc("Chalon-sur-Saône") + "&type=training&limit=1");
        assertThat(ids(training)).containsExactly("training:cpjeps-aavq-aesh-formapi-chalon");
        assertThat(training.get("radiusKm").asDouble()).isEqualTo(20.0);
    }

    @Test
    void countryFilterKeepsOtherCountriesInItsFacet() {
        JsonNode a = search("q=animateur&type=posting&country=BE&limit=50&facets=country");
        a.get("items").forEach(i -> assertThat(i.get("country").asText()).isEqualTo("BE"));
        List<String> countries = StreamSupport.stream(a.at("/facets/country").spliterator(), false).map(f -> f.get("value").asText()).toList();
        assertThat(countries).contains("BE", "FR", "LU");
        long be = StreamSupport.stream(a.at("/facets/country").spliterator(), false).filter(f -> f.get("value").asText().equals("BE")).findFirst().orElseThrow().get("count").asLong();
        assertThat(a.get("total").asLong()).isEqualTo(be);
    }

    @Test
    void typeAndSchemeFiltersAndFacets() {
        JsonNode a = search("q=" + enc("petite enfance") + "&type=occupation,training&scheme=rome,esco&limit=50&facets=all");
        a.get("items").forEach(i -> {
            assertThat(i.get("type").asText()).isIn("occupation", "training");
            assertThat(i.get("scheme").asText()).isIn("rome", "esco");
        });
        List<String> types = StreamSupport.stream(a.at("/facets/type").spliterator(), false).map(f -> f.get("value").asText()).toList();
        assertThat(types).contains("occupation", "skill"); // trainings and postings have other schemes
        JsonNode trainings = search("q=" + enc("petite enfance") + "&type=training&level=3&facets=level");
        trainings.get("items").forEach(i -> assertThat(i.get("level").asText()).isEqualTo("3"));
        assertThat(trainings.at("/facets/level").size()).isGreaterThan(1);
    }

    @Test
    void facetsAreCountedOnlyWhenAskedAndTheAnswerKeepsItsShape() {
        JsonNode plain = search("q=" + enc("petite enfance") + "&type=training&level=3");
        assertThat(plain.get("facets").isObject()).isTrue();
        assertThat(plain.get("facets").size()).isZero();
        JsonNode some = search("q=" + enc("petite enfance") + "&type=training&level=3&facets=level,type");
        List<String> dims = new ArrayList<>();
        some.get("facets").fieldNames().forEachRemaining(dims::add);
        assertThat(dims).containsExactly("type", "level");
        assertThat(ids(some)).as("counting facets changes no hit").isEqualTo(ids(plain));
        assertThat(some.get("total").asLong()).isEqualTo(plain.get("total").asLong());
        assertThat(search("q=" + enc("petite enfance") + "&facets=all").get("facets").has("scheme")).isTrue();
        assertThat(search("q=" + enc("petite enfance") + "&facets=none").get("facets").size()).isZero();
    }

    @Test
    void pastAThousandMatchesTheTotalIsALowerBoundUnlessFacetsAreCounted() {
        JsonNode skills = search("type=skill&limit=5");
        assertThat(skills.get("totalRelation").asText()).isEqualTo("gte");
        assertThat(skills.get("total").asLong()).isGreaterThanOrEqualTo(1_000);
        JsonNode counted = search("type=skill&limit=5&facets=type");
        assertThat(counted.get("totalRelation").asText()).isEqualTo("eq");
        long skillCount = StreamSupport.stream(counted.at("/facets/type").spliterator(), false)
                .filter(f -> f.get("value").asText().equals("skill")).findFirst().orElseThrow().get("count").asLong();
        assertThat(counted.get("total").asLong()).isEqualTo(skillCount).isGreaterThanOrEqualTo(skills.get("total").asLong());
        assertThat(ids(counted)).isEqualTo(ids(skills));
        JsonNode few = search("q=" + enc("auxiliaire de puériculture") + "&type=occupation&scheme=rome");
        assertThat(few.get("totalRelation").asText()).isEqualTo("eq");
    }

    @Test
    void everyAnswerSaysWhereItsTimeWentInServerTiming() {
        Http.Response r = Http.send(Http.request("/api/v1/search?q=animateur").header("Cache-Control", "no-cache").GET(), null);
        String timing = r.raw().headers().firstValue("Server-Timing").orElseThrow();
        assertThat(timing).contains("resolve;dur=", "collect;dur=", "json;dur=");
        assertThat(timing).matches("([a-z+]+;dur=[0-9.]+)(, [a-z+]+;dur=[0-9.]+)*");
    }

    @Test
    void paginationIsStable() {
        String q = "q=" + enc("enfant") + "&type=skill";
        List<String> all = ids(search(q + "&limit=10"));
        List<String> pages = new ArrayList<>(ids(search(q + "&limit=5&offset=0")));
        pages.addAll(ids(search(q + "&limit=5&offset=5")));
        assertThat(pages).isEqualTo(all).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void filtersAloneSelectWithoutText() {
        JsonNode a = search("type=training&modality=hybride");
        assertThat(ids(a)).contains("training:certificat-direction-milieux-accueil-petite-enfance");
        JsonNode real = search("type=posting&synthetic=false");
        assertThat(real.get("total").asLong()).isZero();
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "type=job|type",
        "limit=0|limit",
        "limit=10000|limit",
        "limit=ten|limit",
        "offset=-1|offset",
        "near=Arlon&radiusKm=-5|radiusKm",
        "radiusKm=10|radiusKm",
        "near=91.5,400|near",
        "near=Atlantis|near",
        "q=title:(a OR|q",
        "q=*:*|q",
        "q=(aesh|q",
        "country=Belgium|country",
        "lang=de|lang",
        "sort=distance|sort",
        "raduisKm=10|raduisKm",
        "q=a&q=b|q",
        "facets=salary|facets",
    })
    void badParametersAreA400ProblemThatNamesTheParameter(String query, String param) {
        Http.Response r = get("/api/v1/search?" + query.replace(" ", "%20").replace("(", "%28").replace("*", "%2A"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("param").asText()).isEqualTo(param);
        assertThat(p.get("title").asText() + p.get("detail").asText()).contains(param);
        assertThat(p.has("type")).isTrue();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aTenKilobyteQueryIsRefusedNotSearched() {
        Http.Response r = get("/api/v1/search?q=" + "a".repeat(10_000));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("param").asText()).isEqualTo("q");
    }

    @Test
    void userTextIsNeverParsedAsQuerySyntax() {
        for (String q : List.of("\"animateur", "animateur AND -enfant", "enfant~2", "a+b", "C++ / C#", "Python (main)", "[crèche]", "AESH!", "\\", "{}")) {
            Http.Response r = get("/api/v1/search?q=" + enc(q));
            assertThat(r.status()).as(q).isEqualTo(200);
        }
        assertThat(search("q=" + enc("de la")).get("total").asLong()).isZero();
    }

    @Test
    void recordsAreServedWithWhatSurroundsThem() {
        JsonNode fiche = get("/api/v1/occupations/rome:G1203").json();
        assertThat(fiche.get("title").asText()).isEqualTo("Animateur / Animatrice jeunesse");
        assertThat(fiche.get("labels").toString()).contains("centre aéré");
        assertThat(fiche.get("skills").size()).isGreaterThan(10);
        assertThat(fiche.get("skills")).anyMatch(s -> s.path("core").asBoolean() && s.get("essential").asBoolean());
        assertThat(fiche.get("mobilities").size()).isPositive();
        JsonNode esco = get("/api/v1/occupations/" + enc("esco:234be692-befb-41df-bdf0-e1b2f4eaf5e7")).json();
        assertThat(esco.get("uri").asText()).startsWith("http://data.europa.eu/esco/occupation/");
        assertThat(esco.get("skills")).anyMatch(s -> s.get("essential").asBoolean());
        JsonNode competence = get("/api/v1/skills/competent:KN-10").json();
        assertThat(competence.get("labelNl").asText()).isEqualTo("Dierlijke fysiologie");
        assertThat(competence.get("mappings").get(0).get("id").asText()).startsWith("esco:");
        JsonNode cpjeps = get("/api/v1/trainings/rncp:RNCP32369").json();
        assertThat(cpjeps.get("title").asText()).contains("CPJEPS");
        JsonNode seed = get("/api/v1/trainings/training:cpjeps-aavq-aesh-formapi-chalon").json();
        assertThat(seed.get("hours").asInt()).isEqualTo(280);
        assertThat(seed.at("/provenance/reference").asText()).contains("shared/seeds/004");
        assertThat(get("/api/v1/postings/posting:synthetic-00001").json().at("/provenance/synthetic").asBoolean()).isTrue();
    }

    @Test
    void unknownIdsAre404AndMalformedIds400() {
        Http.Response missing = get("/api/v1/occupations/rome:Z9999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/occupations/" + enc("no id here")).status()).isEqualTo(400);
        Http.Response nowhere = get("/api/v1/nowhere");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.contentType()).startsWith("application/problem+json");
    }

    @Test
    void suggestCompletesTitlesWithTheLabelThatMatchedAndPlaces() {
        JsonNode s = get("/api/v1/suggest?q=AESH&type=occupation").json();
        assertThat(s.get("items").get(0).get("id").asText()).isEqualTo("rome:K2113");
        assertThat(s.get("items").get(0).get("label").asText()).contains("AESH");
        JsonNode loisirs = get("/api/v1/suggest?q=" + enc("anim loisirs")).json();
        assertThat(loisirs.get("items")).anyMatch(i -> i.get("label").asText().toLowerCase().contains("loisirs"));
        JsonNode places = get("/api/v1/suggest?q=arl&type=place").json();
        assertThat(places.get("items").get(0).get("label").asText()).isEqualTo("Arlon (BE)");
        JsonNode typo = get("/api/v1/suggest?q=" + enc("puéricultrise") + "&type=occupation").json();
        assertThat(typo.get("items").size()).isPositive();
        assertThat(get("/api/v1/suggest").status()).isEqualTo(400);
        assertThat(get("/api/v1/suggest?q=a&type=planet").status()).isEqualTo(400);
    }
}
