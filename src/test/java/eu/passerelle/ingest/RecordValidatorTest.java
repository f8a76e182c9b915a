package eu.passerelle.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.passerelle.model.Json;
import eu.passerelle.model.PlaceRef;
import eu.passerelle.model.Posting;
import eu.passerelle.model.Training;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
    private static Posting posting(String title, String employer, List<String> skills, PlaceRef place) {
        return new Posting("posting:qa-1", null, null, title, null, employer, null, null, place, null, null, skills, null, null, null, null, null, null);
    }

    @Test
    void everyTextAndListIsCappedNestedOnesToo() {
        assertThat(RecordValidator.posting(posting("Animatrice", "Crèche", List.of("soins"), null))).isEmpty();
        assertThat(RecordValidator.posting(posting("t".repeat(301), null, null, null)).orElseThrow().field()).isEqualTo("title");
        assertThat(RecordValidator.posting(posting("x", "e".repeat(1001), null, null)).orElseThrow().field()).isEqualTo("employer");
        assertThat(RecordValidator.posting(posting("x", null, Collections.nCopies(201, "soins"), null)).orElseThrow().detail())
                .isEqualTo("skills has 201 entries; at most 200 are accepted");
        assertThat(RecordValidator.posting(posting("x", null, List.of("a", "s".repeat(1001)), null)).orElseThrow().field()).isEqualTo("skills[1]");
        assertThat(RecordValidator.posting(posting("x", null, null, new PlaceRef("n".repeat(1001), 49.6, 5.8, "BE"))).orElseThrow().field())
                .isEqualTo("place.name");
        Training t = new Training("training:qa-1", "course", "Formation", null, null, null, null, null, null, null, null, null, null,
                null, List.of(new PlaceRef("Arl\u0000on", 49.6, 5.8, "BE")), null, null, null, null, null, null, null, null);
        assertThat(RecordValidator.training(t).orElseThrow().field()).isEqualTo("places[0].name");
    }

    @Test
    void textWithControlCharactersLoneSurrogatesOrUndecodableBytesIsRefused() {
        assertThat(RecordValidator.characters("Animatrice\tpériscolaire\r\n😀")).isEmpty();
        assertThat(RecordValidator.characters("a\u0000b")).contains("contains a control character (code 0) at position 2");
        assertThat(RecordValidator.characters("a\u007fb")).isPresent();
        assertThat(RecordValidator.characters("a\ud800b")).hasValueSatisfying(m -> assertThat(m).contains("lone UTF-16 surrogate"));
        assertThat(RecordValidator.characters("a\udc00")).isPresent();
        assertThat(RecordValidator.characters("Anima\ufffdtrice")).hasValueSatisfying(m -> assertThat(m).contains("not valid UTF-8"));
    }

    @Test
    void aValueOfTheWrongKindNamesTheFieldAndWhatItTakes() throws Exception {
        assertThatThrownBy(() -> JsonBinding.read(Json.MAPPER.readTree("{\"title\":true}"), Posting.class))
                .isInstanceOfSatisfying(JsonBinding.Refused.class, e -> assertThat(e.field()).isEqualTo("title"))
                .hasMessage("'title' must be text, not true or false");
        assertThatThrownBy(() -> JsonBinding.read(Json.MAPPER.readTree("{\"title\":\"x\",\"places\":[{\"lat\":\"49\"}]}"), Training.class))
                .hasMessage("'places[0].lat' must be a number, not text");
        assertThatThrownBy(() -> JsonBinding.read(Json.MAPPER.readTree("{\"title\":\"x\",\"providers\":\"OF\"}"), Training.class))
                .hasMessage("'providers' must be a list, not text");
        assertThatThrownBy(() -> JsonBinding.read(Json.MAPPER.readTree("{\"title\":\"x\",\"provenance\":[]}"), Posting.class))
                .hasMessage("'provenance' must be an object with source, reference, example and synthetic, not a list");
        assertThat(JsonBinding.read(Json.MAPPER.readTree("{\"title\":\"x\",\"hours\":35}"), Training.class).hours()).isEqualTo(35);
    }
}
