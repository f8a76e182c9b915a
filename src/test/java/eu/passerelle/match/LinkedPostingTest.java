package eu.passerelle.match;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.model.Place;
import eu.passerelle.search.Hit;
import eu.passerelle.search.SearchService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields posting ranking reads by streaming agree with the item read whole, as the search's hit reads it. */
class LinkedPostingTest {
    private static final Place ARLON = new Place("Arlon", 49.68333, 5.81667, "BE", "WAL", "WLX");

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsScoringFieldsAndSkipsTheRest() {
        byte[] item = utf8("""
                {"id":"posting:1","type":"posting","title":"Aide-soignant·e","description":"Longue description, \\"citée\\", ô",
                 "extra":{"nested":[1,{"skills":["not these"]}]},"occupations":["rome:J1501","rome:J1301"],
                 "skills":["Réaliser des soins d'hygiène","Surveiller l'état de santé"],
                 "classification":{"label":"Aide-soignant","from":"title","words":["aide"],"confidence":0.72,"via":"label"},
                 "lat":49.5,"lon":5.9,"synthetic":true}""");
        LinkedPosting p = LinkedPosting.read(item);
        assertThat(p.id()).isEqualTo("posting:1");
        assertThat(p.occupations()).containsExactly("rome:J1501", "rome:J1301");
        assertThat(p.skills()).containsExactly("Réaliser des soins d'hygiène", "Surveiller l'état de santé");
        assertThat(p.sure()).isEqualTo(0.72);
        Hit whole = SearchService.linkedHit(item, ARLON);
        assertThat(p.distanceKm(ARLON)).isEqualTo(whole.distanceKm()).isNotNull();
        assertThat(p.distanceKm(null)).isNull();
    }

    @Test
    void nearestOfItsPlacesWithoutCoordinatesOfItsOwn() {
        byte[] item = utf8("""
                {"id":"posting:2","places":[{"name":"Namur","lat":50.4669,"lon":4.8675},{"name":"Virton","lat":49.56824,"lon":5.53259}],
                 "classification":{"label":"x"}}""");
        LinkedPosting p = LinkedPosting.read(item);
        Hit whole = SearchService.linkedHit(item, ARLON);
        assertThat(p.distanceKm(ARLON)).isEqualTo(whole.distanceKm()).isLessThan(30.0);
        assertThat(whole.record().get("place")).isEqualTo("Virton");
        // A classification without a confidence counts fully, as does a post that came with its occupation.
        assertThat(p.confidence()).isNaN();
        assertThat(p.sure()).isEqualTo(1.0);
        assertThat(p.occupations()).isEqualTo(List.of());
        assertThat(p.skills()).isEqualTo(List.of());
    }

    @Test
    void noPlaceNoDistanceAndNoClassification() {
        LinkedPosting p = LinkedPosting.read(utf8("{\"id\":\"posting:3\",\"classification\":null,\"places\":[]}"));
        assertThat(p.distanceKm(ARLON)).isNull();
        assertThat(p.confidence()).isNull();
        assertThat(p.sure()).isEqualTo(1.0);
    }
}
