package eu.passerelle.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /docs}: the API reference, openapi.json rendered by Swagger UI. Swagger UI comes from its WebJar
 * on the classpath and is served by the service itself, so the reference works without any CDN (and
 * offline). Only the files the page uses are served, from an allow-list.
 */
final class DocsController {
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    /** Swagger UI's files the page loads, with their types. */
    private static final Map<String, String> SWAGGER_FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    /** Passerelle's own files of the page. */
    private static final Map<String, String> OWN_FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "docs.js", "text/javascript; charset=utf-8",
            "docs.css", "text/css; charset=utf-8");

    private final String swaggerDir;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    DocsController() {
        // The WebJar's own version, so a version bump in pom.xml needs no change here.
        try (InputStream in = DocsController.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            swaggerDir = WEBJAR + p.getProperty("version") + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void page(Context ctx) {
        send(ctx, "/docs/index.html", OWN_FILES.get("index.html"), false);
    }

    void file(Context ctx) {
        String name = ctx.pathParam("file");
        if (SWAGGER_FILES.containsKey(name)) {
            send(ctx, swaggerDir + name, SWAGGER_FILES.get(name), true);
        } else if (OWN_FILES.containsKey(name) && !name.endsWith(".html")) {
            send(ctx, "/docs/" + name, OWN_FILES.get(name), false);
        } else {
            throw ApiProblem.notFound("No file " + name + " in the API reference.");
        }
    }

    private void send(Context ctx, String resource, String type, boolean stable) {
        byte[] body = cache.computeIfAbsent(resource, r -> {
            try (InputStream in = DocsController.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException(r + " is missing from the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ctx.contentType(type).header("X-Content-Type-Options", "nosniff")
                // Swagger UI's files change only with the WebJar's version; the page and its script with each release.
                .header("Cache-Control", stable ? "public, max-age=86400" : "no-cache")
                .result(body);
    }
}
