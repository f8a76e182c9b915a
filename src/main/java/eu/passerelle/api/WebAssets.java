package eu.passerelle.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The page and widget files, served from the classpath with their type and charset; nothing else. */
final class WebAssets {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    void serve(Context ctx, String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        if (!name.matches("[a-z0-9-]+\\.(html|js|css)")) {
            throw ApiProblem.notFound("No file " + name + ".");
        }
        byte[] body = files.computeIfAbsent(name, n -> {
            try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + n)) {
                return in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (body.length == 0) {
            throw ApiProblem.notFound("No file " + name + ".");
        }
        ctx.contentType(TYPES.get(ext)).header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff").result(body);
    }
}
