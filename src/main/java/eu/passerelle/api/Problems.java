package eu.passerelle.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error mapper: every 4xx/5xx leaves as application/problem+json with type, title, status and
 * detail. Unexpected failures are logged with their stack trace here and never shown to the client.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    /** Set on a request once its problem body is written, so the status-code handlers leave it alone. */
    private static final String WRITTEN = "passerelle.problem";
    private static final String TYPE_BASE = "https://passerelle.invalid/problems/";

    private Problems() {
    }

    public static void register(JavalinConfig config) {
        config.routes.exception(ApiProblem.class, (e, ctx) -> write(ctx, e.status(), e.title(), e.getMessage(), e.param()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), titleOf(e.getStatus()), e.getMessage(), null));
        config.routes.exception(eu.passerelle.index.IndexUnavailableException.class, (e, ctx) -> {
            ctx.header("Retry-After", "30");
            write(ctx, 503, "Service unavailable", e.getMessage(), null);
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            String ref = Long.toHexString(System.nanoTime());
            LOG.error("unexpected failure on {} {} (ref {})", ctx.method(), Observability.route(ctx), ref, e); // the template: paths may hold personal ids
            write(ctx, 500, "Internal error", "The service failed to answer; the failure is logged under reference " + ref + ".", null);
        });
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 414, 415, 429, 431, 500, 503}) {
            config.routes.error(status, ctx -> {
                if (ctx.attribute(WRITTEN) == null) {
                    write(ctx, status, titleOf(status), defaultDetail(ctx, status), null);
                }
            });
        }
    }

    static void write(Context ctx, int status, String title, String detail, String param) {
        String body = body(status, title, detail, param, ctx.path());
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(status).contentType(CONTENT_TYPE).result(body);
    }

    /** The problem document; {@code instance} is the path asked for. */
    static String body(int status, String title, String detail, String param, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug(title, status));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail == null || detail.isBlank() ? title : detail);
        if (param != null) {
            body.put("param", param);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        return eu.passerelle.model.Json.write(body);
    }

    private static String slug(String title, int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> status >= 500 ? "server-error" : eu.passerelle.model.Text.slug(title);
        };
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request header fields too large";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Client error";
        };
    }

    private static String defaultDetail(Context ctx, int status) {
        return switch (status) {
            case 404 -> "No resource at " + ctx.path() + ".";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path() + ".";
            case 413 -> "The request body is larger than 1 MiB.";
            case 414, 431 -> limitDetail(status);
            default -> titleOf(status) + ".";
        };
    }

    /** The 414 and 431 details, stating the limit (AppFactory.MAX_REQUEST_LINE_BYTES). */
    static String limitDetail(int status) {
        return status == 414 ? "The address is too long (at most 64 KiB with its query)." : "The request headers are too large (at most 64 KiB together).";
    }
}
