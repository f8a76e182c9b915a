package eu.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.Http;
import eu.passerelle.TestService;
import eu.passerelle.config.RateLimit;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Metrics, request ids, CORS and rate limits, against the real server. */
class ObservabilityTest {
    @Test
    void metricsArePrometheusTextWithRoutesIndexCachesAndStartupAndNoPersonalData() {
        String candidate = "/api/v1/candidates/secret-person-4455";
        Http.send(Http.request(candidate).PUT(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"occupations\":[\"ATSEM\"],\"text\":\"Marie Dupont 0601020304\"}}")), TestService.ADVISOR_KEY);
        Http.get("/api/v1/search?q=" + Http.enc("Marie Dupont"));
        Http.Response m = Http.get("/metrics");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.contentType()).startsWith("text/plain");
        assertThat(m.body()).contains("passerelle_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/search\",status=\"200\"}")
                .contains("passerelle_http_requests_seconds_bucket")
                .contains("route=\"/api/v1/candidates/{id}\"")
                .contains("passerelle_index_documents").contains("passerelle_index_generation")
                .contains("passerelle_cache_hit_ratio{cache=\"search\"}").contains("passerelle_startup_seconds{phase=\"import\"}");
        assertThat(m.body()).doesNotContain("secret-person-4455").doesNotContain("Marie").doesNotContain("0601020304");
        Http.send(Http.request(candidate).DELETE(), TestService.ADVISOR_KEY);
    }

    @Test
    void everyAnswerCarriesARequestIdAndAGivenOneIsKept() {
        assertThat(Http.get("/api/v1/health").raw().headers().firstValue("X-Request-Id")).isPresent();
        Http.Response r = Http.send(Http.request("/api/v1/health").header("X-Request-Id", "abc-123").GET(), null);
        assertThat(r.raw().headers().firstValue("X-Request-Id")).contains("abc-123");
    }

    @Test
    void corsIsAllowedForConfiguredOriginsOnly() {
        Http.Response allowed = Http.send(Http.request("/api/v1/search?q=AESH").header("Origin", "https://partner.example").GET(), null);
        assertThat(allowed.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("https://partner.example");
        Http.Response other = Http.send(Http.request("/api/v1/search?q=AESH").header("Origin", "https://evil.example").GET(), null);
        assertThat(other.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(allowed.raw().headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(other.status()).as("another origin is not refused, only given no CORS headers").isEqualTo(200);
        Http.Response preflight = Http.send(Http.request("/api/v1/match").header("Origin", "https://partner.example")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()), null);
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(v -> assertThat(v).contains("POST"));
    }

    @Test
    void aClientOverItsRateGetsA429ProblemWithRetryAfterAndAKeyHasItsOwnBudget() throws Exception {
        Javalin app = AppFactory.create(TestService.passerelle(), new RateLimit(1, 1, 2)).start(0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            String url = "http://localhost:" + app.port() + "/api/v1/health";
            int refused = 0;
            HttpResponse<String> last = null;
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 429) {
                    refused++;
                    last = r;
                }
            }
            assertThat(refused).isGreaterThanOrEqualTo(3);
            assertThat(last.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(last.headers().firstValue("Retry-After")).isPresent();
            assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            HttpResponse<String> keyed = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TestService.WRITER_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(keyed.statusCode()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }
}
