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
    /**
     * The page runs only its own module scripts and stylesheets and talks only to this server: an injected
     * script or style (a record's text rendered by mistake as markup) is refused by the browser, and no other
     * site may frame the page.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /**
     * The widget demo stands for a partner's page: its hostile stylesheet is inline, and the widget styles its
     * shadow tree itself, so inline styles are allowed there (scripts still only from this server).
     */
    static final String DEMO_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
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
        if (ext.equals("html")) {
            ctx.header("Content-Security-Policy", name.equals("widget-demo.html") ? DEMO_POLICY : PAGE_POLICY);
        }
        ctx.contentType(TYPES.get(ext)).header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff").result(body);
    }
}
