package eu.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.Http;
import eu.passerelle.TestService;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** A result carries what a person needs to act on it: the link, the date, the working time, the contact. */
class ActionableResultsTest {
    private static Http.Response put(String path, String body) {
        return Http.send(Http.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)), TestService.WRITER_KEY);
    }

    private static void delete(String path) {
        Http.send(Http.request(path).DELETE(), TestService.WRITER_KEY);
    }

    @Test
    void aPostItemHasTheLinkDateAndWorkingTimeOfItsSource() {
        String id = "posting:actqa-vq77";
        String body = "{\"title\":\"Gardienne de phares vq77\",\"employer\":\"Commune exemple\",\"contract\":\"CDD\",\"workingTime\":\"Temps partiel, 24 h\","
                + "\"postedAt\":\"2026-11-02\",\"url\":\"https://emploi.example/offres/vq77\","
                + "\"place\":{\"name\":\"Arlon\",\"lat\":49.68333,\"lon\":5.81667,\"country\":\"BE\"},\"country\":\"BE\"}";
        try {
            assertThat(put("/api/v1/postings/" + id, body).status()).isEqualTo(201);
            JsonNode item = Http.get("/api/v1/search?q=" + Http.enc("phares vq77") + "&type=posting&lang=nl").json().at("/items/0");
            assertThat(item.get("id").asText()).isEqualTo(id);
            assertThat(item.get("url").asText()).isEqualTo("https://emploi.example/offres/vq77");
            assertThat(item.get("postedAt").asText()).isEqualTo("2026-11-02");
            assertThat(item.get("workingTime").asText()).isEqualTo("Temps partiel, 24 h");
            assertThat(item.get("employer").asText()).isEqualTo("Commune exemple");
            assertThat(item.has("labelLang")).as("a post is in its source's words: no language claimed").isFalse();
        } finally {
            delete("/api/v1/postings/" + id);
        }
    }

    @Test
    void aTrainingHasItsPageNextSessionAddressAndContact() {
        String id = "training:actqa-formation-phares-vq78";
        String body = "{\"kind\":\"course\",\"title\":\"Formation gardiennage de phares vq78\",\"country\":\"FR\",\"nextSession\":\"2027-01-04\","
                + "\"url\":\"https://organisme.example/phares\",\"address\":\"1 rue de l'Exemple, 54400 Longwy\",\"contact\":\"Accueil, accueil@organisme.example\","
                + "\"cost\":\"900 € TTC\",\"provenance\":{\"source\":\"example\",\"reference\":\"test record\",\"example\":true}}";
        try {
            assertThat(put("/api/v1/trainings/" + id, body).status()).isEqualTo(201);
            JsonNode item = Http.get("/api/v1/search?q=" + Http.enc("phares vq78") + "&type=training").json().at("/items/0");
            assertThat(item.get("id").asText()).isEqualTo(id);
            assertThat(item.get("url").asText()).isEqualTo("https://organisme.example/phares");
            assertThat(item.get("nextSession").asText()).isEqualTo("2027-01-04");
            JsonNode record = Http.get("/api/v1/trainings/" + id).json();
            assertThat(record.get("address").asText()).isEqualTo("1 rue de l'Exemple, 54400 Longwy");
            assertThat(record.get("contact").asText()).contains("accueil@organisme.example");
            assertThat(record.get("cost").asText()).isEqualTo("900 € TTC");
        } finally {
            delete("/api/v1/trainings/" + id);
        }
    }
}
