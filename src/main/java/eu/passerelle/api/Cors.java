package eu.passerelle.api;

import io.javalin.http.Context;
import java.util.Set;

/**
 * CORS for the API, for the configured partner origins only. A request from another origin gets no CORS
 * headers (the browser then withholds the answer from that page) but is not refused: the service's own page
 * sends an Origin header too (module scripts, POST), and refusing it would break the page itself.
 */
final class Cors {
    private final Set<String> origins;

    Cors(Set<String> origins) {
        this.origins = origins;
    }

    void headers(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", "Retry-After, X-Request-Id");
        }
        ctx.header("Vary", "Origin");
    }

    void preflight(Context ctx) {
        headers(ctx);
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST");
            ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Request-Id");
            ctx.header("Access-Control-Max-Age", "600");
        }
        ctx.status(204);
    }
}
