package eu.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.TestService;
import eu.passerelle.model.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A client that accepts gzip gets the same answer compressed (at the cheap level); one that does not gets it plain. */
class CompressionTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> search(boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestService.baseUrl() + "/api/v1/search?q=animateur&limit=20"));
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aSearchAnswerIsGzippedForClientsThatAskAndPlainOtherwise() throws Exception {
        HttpResponse<byte[]> plain = search(false);
        HttpResponse<byte[]> gzipped = search(true);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes();
        // The same answer, but for the time it took (the second one comes from the answer cache).
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(plain.body());
        var actual = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(unzipped);
        expected.remove("tookMs");
        actual.remove("tookMs");
        assertThat(actual).isEqualTo(expected);
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
    }
}
