package eu.passerelle.api;

import static eu.passerelle.Http.enc;
import static eu.passerelle.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lang} over the real service: labels in the person's language where a referential has them, and saying so. */
class LanguageApiTest {
    private static JsonNode ok(String pathAndQuery) {
        Http.Response r = get(pathAndQuery);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode item(JsonNode answer, String id) {
        for (JsonNode i : answer.get("items")) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id + " not in " + answer);
    }

    @Test
    void dutchSearchShowsDutchTitlesAndKeepsTheFrenchOne() {
        JsonNode nl = ok("/api/v1/search?q=kinderbegeleider&type=occupation&lang=nl&limit=5");
        JsonNode op276 = item(nl, "competent:OP-276");
        assertThat(op276.get("title").asText()).isEqualTo("Kinderbegeleider baby's en peuters");
        assertThat(op276.get("labelLang").asText()).isEqualTo("nl");
        assertThat(op276.get("titleFr").asText()).isEqualTo("Accompagnateur d'enfants bébés et bambins");
        assertThat(nl.get("lang").asText()).isEqualTo("nl");
        // The flat list: grouped for a French reader, OP-276 sits under its ROME equivalent (K1202) with its French label.
        JsonNode fr = ok("/api/v1/search?q=kinderbegeleider&type=occupation&limit=5&group=none");
        assertThat(item(fr, "competent:OP-276").get("title").asText()).isEqualTo("Accompagnateur d'enfants bébés et bambins");
        assertThat(item(fr, "competent:OP-276").get("labelLang").asText()).isEqualTo("fr");
    }

    @Test
    void escoOccupationsShowTheirDutchLabel() {
        JsonNode nl = ok("/api/v1/search?q=" + enc("animateur") + "&type=occupation&scheme=esco&lang=nl&limit=5");
        assertThat(nl.get("items")).isNotEmpty().anyMatch(i -> i.get("labelLang").asText().equals("nl")
                && !i.get("title").asText().equals(i.get("titleFr").asText()));
        String id = nl.at("/items/0/id").asText();
        JsonNode record = ok("/api/v1/occupations/" + enc(id) + "?lang=nl");
        assertThat(record.get("title").asText()).isEqualTo(nl.at("/items/0/title").asText());
    }

    @Test
    void aRecordWithoutADutchLabelFallsBackToFrenchAndSaysSo() {
        JsonNode nl = ok("/api/v1/search?q=" + enc("AESH") + "&type=occupation&scheme=rome&lang=nl&limit=1");
        JsonNode aesh = nl.get("items").get(0);
        assertThat(aesh.get("id").asText()).isEqualTo("rome:K2113");
        assertThat(aesh.get("labelLang").asText()).isEqualTo("fr");
        assertThat(aesh.has("titleFr")).isFalse();
    }

    @Test
    void englishShowsTheEnglishLabelOfEscoSkills() {
        JsonNode en = ok("/api/v1/search?q=" + enc("jouer avec des enfants") + "&type=skill&scheme=esco&lang=en&limit=3");
        JsonNode play = item(en, "esco:94b01483-f13d-48ba-b8a9-ef8f18fcb2dc");
        assertThat(play.get("title").asText()).isEqualTo("play with children");
        assertThat(play.get("labelLang").asText()).isEqualTo("en");
        assertThat(play.get("titleFr").asText()).isEqualTo("jouer avec des enfants");
    }

    @Test
    void facetValuesAndTitlesAreNamedInTheLanguageAsked() {
        JsonNode nl = ok("/api/v1/search?q=" + enc("auxiliaire de puériculture") + "&lang=nl&facets=all");
        assertThat(label(nl, "type", "posting")).isEqualTo("Vacature");
        assertThat(label(nl, "country", "BE")).isEqualTo("België");
        assertThat(nl.at("/facetTitles/country").asText()).isEqualTo("Land");
        JsonNode fr = ok("/api/v1/search?q=" + enc("auxiliaire de puériculture") + "&facets=all");
        assertThat(label(fr, "country", "BE")).isEqualTo("Belgique");
        assertThat(label(fr, "type", "occupation")).isEqualTo("Métier");
        assertThat(fr.at("/facetTitles/scheme").asText()).isEqualTo("Source");
        JsonNode en = ok("/api/v1/search?type=posting&lang=en&limit=1&facets=all");
        assertThat(label(en, "country", "LU")).isEqualTo("Luxembourg");
        assertThat(label(en, "contract", "CDI")).isEqualTo("Permanent contract");
        // No facet value of any dimension is left as its bare code.
        for (JsonNode answer : List.of(nl, fr, en)) {
            answer.get("facets").fields().forEachRemaining(dim -> dim.getValue().forEach(v -> {
                assertThat(v.get("label").asText()).as(dim.getKey() + " " + v).isNotBlank();
                if (!dim.getKey().equals("contract") || !v.get("value").asText().matches("[A-Z]+.*")) {
                    assertThat(v.get("label").asText()).as(dim.getKey()).isNotEqualTo(v.get("value").asText());
                }
            }));
        }
    }

    private static String label(JsonNode answer, String dim, String value) {
        for (JsonNode v : answer.at("/facets/" + dim)) {
            if (v.get("value").asText().equals(value)) {
                return v.get("label").asText();
            }
        }
        throw new AssertionError(dim + "=" + value + " not among the facets of " + answer.get("facets"));
    }

    @Test
    void suggestTakesLangAndOffersDutchLabels() {
        JsonNode nl = ok("/api/v1/suggest?q=kinderbeg&type=occupation&lang=nl");
        List<String> labels = new ArrayList<>();
        nl.get("items").forEach(i -> labels.add(i.get("label").asText()));
        assertThat(labels).contains("Kinderbegeleider baby's en peuters");
        assertThat(nl.get("items")).allMatch(i -> i.get("labelLang").asText().equals("nl"));
        JsonNode fr = ok("/api/v1/suggest?q=AESH&type=occupation&lang=fr");
        assertThat(fr.at("/items/0/labelLang").asText()).isEqualTo("fr");
    }

    @Test
    void placesCompleteByPopulationAndNearness() {
        JsonNode chal = ok("/api/v1/suggest?q=Chal&type=place&limit=10");
        List<String> labels = new ArrayList<>();
        chal.get("items").forEach(i -> labels.add(i.get("label").asText()));
        assertThat(labels.indexOf("Chalon-sur-Saône (FR)")).isBetween(0, 2);
        assertThat(labels.indexOf("Chalon-sur-Saône (FR)")).isLessThan(labels.indexOf("Châlonvillars (FR)") < 0 ? 99 : labels.indexOf("Châlonvillars (FR)"));
        assertThat(ok("/api/v1/suggest?q=lux&type=place").at("/items/0/label").asText()).isEqualTo("Luxembourg (LU)");
        assertThat(ok("/api/v1/suggest?q=arl&type=place").at("/items/0/label").asText()).isEqualTo("Arlon (BE)");
    }

    @Test
    void recordsAreInTheLanguageAskedWithTheirNeighbours() {
        JsonNode op = ok("/api/v1/occupations/competent:OP-276?lang=nl");
        assertThat(op.get("title").asText()).isEqualTo("Kinderbegeleider baby's en peuters");
        assertThat(op.get("labelLang").asText()).isEqualTo("nl");
        assertThat(op.get("titleFr").asText()).isEqualTo("Accompagnateur d'enfants bébés et bambins");
        JsonNode kn = ok("/api/v1/skills/competent:KN-10?lang=nl");
        assertThat(kn.get("label").asText()).isEqualTo("Dierlijke fysiologie");
        assertThat(kn.get("labelFr").asText()).isEqualTo("Physiologie animale");
        assertThat(kn.get("mappings")).allMatch(m -> m.has("labelLang"));
        JsonNode fiche = ok("/api/v1/occupations/rome:G1203?lang=nl");
        assertThat(fiche.get("labelLang").asText()).isEqualTo("fr");
        assertThat(fiche.get("skills")).allMatch(s -> s.get("labelLang").asText().equals("fr"));
        // A bridged Compétent profile is named in Dutch beside the French ROME fiche.
        // Bridged Compétent profiles are named in Dutch, ESCO occupations in Dutch where ESCO has it, ROME fiches in French.
        fiche.path("bridges").forEach(b -> assertThat(b.get("labelLang").asText()).as(b.toString())
                .isIn(b.get("id").asText().startsWith("competent:") ? List.of("nl") : b.get("id").asText().startsWith("esco:") ? List.of("nl", "fr") : List.of("fr")));
        assertThat(ok("/api/v1/occupations/rome:G1203").get("title").asText()).isEqualTo("Animateur / Animatrice jeunesse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/search?q=a&lang=de", "/api/v1/suggest?q=anim&lang=de", "/api/v1/occupations/rome:G1203?lang=de",
            "/api/v1/skills/competent:KN-10?lang=xx"})
    void anUnknownLanguageIsA400NamingIt(String pathAndQuery) {
        Http.Response r = get(pathAndQuery);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("param").asText()).isEqualTo("lang");
        assertThat(r.json().get("detail").asText()).contains("fr, nl, en");
    }
}
