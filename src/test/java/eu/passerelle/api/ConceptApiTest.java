package eu.passerelle.api;

import static eu.passerelle.Http.enc;
import static eu.passerelle.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.Http;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One occupation across ROME, ESCO and Compétent, through the real service over the real crosswalks. */
class ConceptApiTest {
    private static JsonNode search(String query) {
        Http.Response r = get("/api/v1/search?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode answer, int n) {
        List<String> ids = new ArrayList<>();
        answer.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids.subList(0, Math.min(n, ids.size()));
    }

    @Test
    void aDutchTitleRestrictedToRomeReachesTheChildcareFichesThroughCompetent() {
        JsonNode answer = search("q=kinderbegeleider&type=occupation&scheme=rome&lang=nl");
        assertThat(ids(answer, 3)).contains("rome:K1303").doesNotContain("rome:G1203");
        JsonNode k1303 = null;
        for (JsonNode i : answer.get("items")) {
            if (i.get("id").asText().equals("rome:K1303")) {
                k1303 = i;
            }
        }
        assertThat(k1303.get("via").get("id").asText()).startsWith("competent:");
        assertThat(k1303.get("via").get("label").asText()).containsIgnoringCase("kinderbegeleider");
        assertThat(k1303.get("via").get("provenance").asText()).isIn("official", "computed");
    }

    @Test
    void aReferentialNamedWithoutATypeStillReachesItsOccupationsThroughTheCrosswalks() {
        // scheme=rome alone (no type): the Dutch word names no ROME record, yet the childcare fiches are the answer.
        JsonNode answer = search("q=kinderbegeleider&scheme=rome&lang=nl");
        assertThat(ids(answer, 5)).contains("rome:K1303");
        assertThat(answer.get("items")).allMatch(i -> i.get("id").asText().startsWith("rome:"));
    }

    @Test
    void facetCountsCountTheOccupationsReachedThroughTheCrosswalks() {
        // The Dutch word matches one ROME record by its own words; the other fiches are reached through the crosswalks.
        // The page shows "ROME (n)" beside the list: n must count what the list shows, not only the words' own hits.
        JsonNode answer = search("q=kinderbegeleider&scheme=rome&lang=nl&facets=scheme,type");
        long romeShown = 0;
        for (JsonNode i : answer.get("items")) {
            romeShown += i.get("id").asText().startsWith("rome:") ? 1 : 0;
        }
        long romeCount = -1;
        for (JsonNode v : answer.at("/facets/scheme")) {
            if (v.get("value").asText().equals("rome")) {
                romeCount = v.get("count").asLong();
            }
        }
        assertThat(romeShown).isGreaterThan(1);
        assertThat(romeCount).isGreaterThanOrEqualTo(romeShown).isLessThanOrEqualTo(answer.get("total").asLong());
        assertThat(answer.at("/facets/type/0/count").asLong()).isGreaterThanOrEqualTo(romeShown);
    }

    @Test
    void theChildcareFichesComeFirstThroughEveryOfficialPathNotOnlyTheStoredComposedFew() {
        // Compétent's "Kinderbegeleider baby's en peuters" is officially the babysitter and the early-years educator,
        // broader than ESCO's nanny, narrower than the nursery-school assistant: those lead officially to Garde d'enfant
        // (K1303, through two of them, and from "Kinderbegeleider schoolgaande kinderen" too: a vote), to Assistant
        // maternel (K1310) and to Animateur petite enfance (K1307), which the profile's five stored composed links miss.
        JsonNode answer = search("q=kinderbegeleider&type=occupation&scheme=rome&lang=nl");
        List<String> top = ids(answer, 10);
        assertThat(top.get(0)).isEqualTo("rome:K1303");
        assertThat(top).contains("rome:K1307", "rome:K1310");
        assertThat(top.indexOf("rome:K1310")).isLessThan(top.contains("rome:G1203") ? top.indexOf("rome:G1203") : 10);
        for (JsonNode i : answer.get("items")) {
            if (i.get("id").asText().equals("rome:K1307")) {
                JsonNode via = i.get("via");
                assertThat(via.get("id").asText()).isEqualTo("competent:OP-276");
                assertThat(via.get("provenance").asText()).isEqualTo("computed");
                assertThat(via.get("method").asText()).startsWith("composed through ESCO");
                // Both steps are named, each from an official crosswalk file.
                assertThat(via.get("through")).hasSize(2);
                via.get("through").forEach(step -> assertThat(step.get("provenance").asText()).isEqualTo("official"));
                assertThat(via.get("through").get(0).get("source").asText()).contains("ESCO–BE NOC");
                assertThat(via.get("through").get(1).get("source").asText()).contains("ESCO–ROME");
                assertThat(via.get("through").get(1).get("to").asText()).isEqualTo("rome:K1307");
            }
        }
    }

    @Test
    void aRomeAppellationRestrictedToEscoReachesItsEscoOccupationWhenTheWordsDiffer() {
        JsonNode answer = search("q=" + enc("Agent / Agente de nettoiement d'espace urbain") + "&type=occupation&scheme=esco");
        JsonNode first = answer.get("items").get(0);
        assertThat(first.get("title").asText()).startsWith("balayeur");
        assertThat(first.get("via").get("scheme").asText()).isEqualTo("rome");
        assertThat(first.get("via").get("provenance").asText()).isEqualTo("official");
        assertThat(first.get("via").get("source").asText()).contains("ESCO–ROME V1.4");
    }

    @Test
    void answersAreGroupedByConceptUnlessTheFlatListIsAskedFor() {
        JsonNode grouped = search("q=" + enc("animateur centre de loisirs") + "&type=occupation&limit=20");
        Set<String> shown = new HashSet<>();
        grouped.get("items").forEach(i -> shown.add(i.get("id").asText()));
        for (JsonNode i : grouped.get("items")) {
            for (JsonNode e : i.path("equivalents")) {
                assertThat(e.get("scheme").asText()).isIn("rome", "esco", "competent");
                assertThat(e.get("relation").asText()).isIn("exact", "close", "broad", "narrow");
                assertThat(e.get("provenance").asText()).isIn("official", "computed");
                assertThat(e.get("label").asText()).isNotBlank();
                // An occupation appears once per page: never as an item and as another item's equivalent.
                assertThat(shown).as(i.get("id") + " lists " + e.get("id")).doesNotContain(e.get("id").asText());
            }
        }
        // French reader, no scheme: the concept is shown under its ROME fiche.
        assertThat(grouped.get("items").get(0).get("id").asText()).startsWith("rome:");
        JsonNode flat = search("q=" + enc("animateur centre de loisirs") + "&type=occupation&limit=20&group=none");
        assertThat(flat.get("items").size()).isEqualTo(20);
        assertThat(flat.get("items").get(0).has("equivalents")).isFalse();
    }

    @Test
    void anUnknownGroupingIsA400NamingTheParameter() {
        Http.Response r = get("/api/v1/search?q=anim&group=everything");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("param").asText()).isEqualTo("group");
    }

    @Test
    void occupationRecordsShowTheirOfficialEquivalentsFirst() {
        JsonNode k1303 = get("/api/v1/occupations/rome:K1303").json();
        JsonNode first = k1303.get("equivalents").get(0);
        assertThat(first.get("provenance").asText()).isEqualTo("official");
        assertThat(first.get("scheme").asText()).isEqualTo("esco");
        assertThat(first.get("source").asText()).contains("rome-esco-appellations.csv");
        JsonNode op276 = get("/api/v1/occupations/competent:OP-276").json();
        assertThat(op276.get("equivalents").findValuesAsText("provenance")).contains("official");
    }

    @Test
    void escoOccupationsHaveTheirDutchLabels() {
        JsonNode answer = search("q=kinderverzorgster&type=occupation&scheme=esco&lang=nl&group=none");
        assertThat(answer.get("items").get(0).get("titleNl").asText()).isEqualToIgnoringCase("kinderverzorgster");
    }

    @Test
    void aSkillsOnlyFrenchProfileGetsRomeFiches() {
        JsonNode answer = MatchApiTest.match("""
                {"profile": {"skills": ["garder des enfants", "préparer les repas des enfants", "assurer l'hygiène des enfants"],
                 "countries": ["FR"]}, "targets": ["occupation"], "limit": 10}""");
        List<String> ids = new ArrayList<>();
        answer.get("results").get("occupation").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).contains("rome:K1303");
        assertThat(ids.stream().filter(id -> id.startsWith("rome:")).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anExactDutchLabelBeatsALongerLabelHoldingTheWord() {
        // "kinderbegeleider" is exactly a Dutch label of ESCO's early-years educator; "kinderbegeleider schoolbus" (the
        // school-bus escort) and "Kinderbegeleider schoolgaande kinderen" (Compétent) only hold it.
        JsonNode answer = MatchApiTest.match("""
                {"profile": {"occupations": ["kinderbegeleider"], "location": "Arlon"}, "targets": ["occupation"], "limit": 10}""");
        JsonNode understood = answer.get("profile").get("occupations").get(0);
        assertThat(understood.get("id").asText()).isEqualTo("esco:3413f234-6230-47a8-8cc7-2691fd54ce3a");
        assertThat(understood.get("confidence").asDouble()).isEqualTo(1.0);
        List<String> ids = new ArrayList<>();
        answer.get("results").get("occupation").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).doesNotContain("esco:78eacaf8-06d6-4b78-920f-edece2e41464");
        JsonNode escoSearch = search("q=kinderbegeleider&type=occupation&scheme=esco&lang=nl");
        assertThat(escoSearch.get("items").get(0).get("id").asText()).isEqualTo("esco:3413f234-6230-47a8-8cc7-2691fd54ce3a");
    }

    @Test
    void aProfileNearArlonSeesItsOccupationsUnderCompetentWithEachCodeOncePerPage() {
        JsonNode answer = MatchApiTest.match("""
                {"profile": {"occupations": ["kinderbegeleider baby's en peuters"], "location": "Arlon"}, "targets": ["occupation"], "limit": 10}""");
        Set<String> rows = new HashSet<>();
        answer.get("results").get("occupation").forEach(i -> rows.add(i.get("id").asText()));
        assertThat(rows.stream().filter(id -> id.startsWith("competent:")).count()).isGreaterThanOrEqualTo(3);
        for (JsonNode i : answer.get("results").get("occupation")) {
            for (JsonNode e : i.path("equivalents")) {
                assertThat(rows).as(i.get("id") + " lists " + e.get("id")).doesNotContain(e.get("id").asText());
            }
        }
        // The same profile placed in France reads as French: no Compétent heads where a ROME fiche is in the group.
        JsonNode french = MatchApiTest.match("""
                {"profile": {"occupations": ["kinderbegeleider baby's en peuters"], "location": "Longwy", "countries": ["FR"]}, "targets": ["occupation"], "limit": 10}""");
        long competent = 0;
        for (JsonNode i : french.get("results").get("occupation")) {
            competent += i.get("id").asText().startsWith("competent:") ? 1 : 0;
        }
        assertThat(competent).isLessThan(rows.stream().filter(id -> id.startsWith("competent:")).count());
    }
}
