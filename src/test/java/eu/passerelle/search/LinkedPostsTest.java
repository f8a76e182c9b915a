package eu.passerelle.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.TestService;
import eu.passerelle.index.Fields;
import eu.passerelle.model.Json;
import eu.passerelle.model.Place;
import eu.passerelle.model.RecordType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The posts a match looks at, over the embedded default's 3,000 posts. */
class LinkedPostsTest {
    private static final Set<String> CHILDCARE = new TreeSet<>(Set.of("rome:K2104", "rome:J1304", "rome:K1303", "rome:G1203", "rome:K1302", "rome:K2111", "rome:K1207"));

    @ParameterizedTest(name = "{0} within {3} km, countries [{4}], {5} posts")
    @CsvSource({
            "Longwy, 49.5198, 5.7661, 60, '', 20",
            "Longwy, 49.5198, 5.7661, 40, 'BE LU', 20",
            "Arlon, 49.6833, 5.8167, 60, FR, 10",
            "Virton, 49.5667, 5.5333, 60, 'FR LU', 200",
            "Thionville, 49.3579, 6.1683, 15, '', 5",
            "Luxembourg, 49.6117, 6.1319, 100, FR, 50",
    })
    void postsNearAPlaceAreTheNearestTheWholeRadiusHolds(String name, double lat, double lon, double radiusKm, String countries, int limit) {
        Place place = new Place(name, lat, lon, "", "", "");
        Set<String> inCountries = countries.isBlank() ? Set.of() : Set.of(countries.split(" "));
        List<String> asked = ids(TestService.passerelle().search().linkedSources(RecordType.POSTING, CHILDCARE, place, radiusKm, inCountries, limit));
        // The answer before circles were asked one after the other: the whole radius sorted by distance, then id.
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new TermInSetQuery(Fields.OCCUPATION, CHILDCARE.stream().map(BytesRef::new).toList()), Occur.MUST)
                .add(new TermQuery(new Term(Fields.TYPE, "posting")), Occur.FILTER)
                .add(LatLonPoint.newDistanceQuery(Fields.LOCATION, lat, lon, radiusKm * 1000), Occur.FILTER);
        if (!inCountries.isEmpty()) {
            b.add(new TermInSetQuery(Fields.COUNTRY, inCountries.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        Sort nearest = new Sort(LatLonDocValuesField.newDistanceSort(Fields.LOCATION, lat, lon), new SortedSetSortField(Fields.ID, false));
        List<String> whole = TestService.passerelle().index().search(searcher -> {
            List<String> out = new ArrayList<>();
            for (ScoreDoc d : searcher.search(new ConstantScoreQuery(b.build()), limit, nearest).scoreDocs) {
                out.add(searcher.storedFields().document(d.doc, Set.of(Fields.ID)).get(Fields.ID));
            }
            return out;
        });
        assertThat(whole).as("the embedded default has posts of these occupations there").isNotEmpty();
        assertThat(asked).isEqualTo(whole);
    }

    @Test
    void postsWithoutAPlaceComeFreshestFirst() {
        SearchService search = TestService.passerelle().search();
        List<JsonNode> first = items(search.linkedSources(RecordType.POSTING, CHILDCARE, null, null, Set.of(), 30));
        List<JsonNode> all = items(search.linkedSources(RecordType.POSTING, CHILDCARE, null, null, Set.of(), 100_000));
        assertThat(first).hasSize(30);
        assertThat(all.size()).isGreaterThan(100);
        String freshest = all.stream().map(i -> i.path("postedAt").asText()).max(String::compareTo).orElseThrow();
        assertThat(first.get(0).path("postedAt").asText()).isEqualTo(freshest);
        for (int i = 1; i < all.size(); i++) {
            String before = all.get(i - 1).path("postedAt").asText();
            String after = all.get(i).path("postedAt").asText();
            assertThat(after).as("post %d", i).isLessThanOrEqualTo(before);
            if (after.equals(before)) {
                assertThat(all.get(i).path("id").asText()).isGreaterThan(all.get(i - 1).path("id").asText());
            }
        }
        assertThat(first).isEqualTo(all.subList(0, 30));
        // Few enough to be asked of the freshest days first: the same posts as the whole index gives first.
        assertThat(items(search.linkedSources(RecordType.POSTING, CHILDCARE, null, null, Set.of(), 3))).isEqualTo(all.subList(0, 3));
        assertThat(items(search.linkedSources(RecordType.POSTING, CHILDCARE, null, null, Set.of("LU"), 4)))
                .isEqualTo(all.stream().filter(i -> i.path("country").asText().equals("LU")).limit(4).toList());
    }

    private static List<JsonNode> items(List<byte[]> sources) {
        List<JsonNode> out = new ArrayList<>();
        for (byte[] s : sources) {
            try {
                out.add(Json.MAPPER.readTree(s));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    private static List<String> ids(List<byte[]> sources) {
        return items(sources).stream().map(i -> i.path("id").asText()).toList();
    }
}
