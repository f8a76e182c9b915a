package eu.passerelle.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the OpenAPI document kept beside the code (src/main/resources/openapi.json). A test checks that
 * every registered route is in it, since no generator exists for Javalin 7.
 */
final class OpenApiController {
    private final String document;

    OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void document(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
