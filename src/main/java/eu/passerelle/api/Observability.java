package eu.passerelle.api;

import eu.passerelle.Passerelle;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics (Prometheus text at GET /metrics) and one structured log line per request. Labels and log lines
 * carry the route template ("/api/v1/candidates/{id}"), never the path, query or body: no personal data.
 */
final class Observability {
    private static final Logger LOG = LoggerFactory.getLogger("passerelle.requests");
    static final String REQUEST_ID = "X-Request-Id";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final java.util.concurrent.ConcurrentHashMap<TimerKey, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private record TimerKey(String route, String method, int status) {
    }

    Observability(Passerelle p) {
        Gauge.builder("passerelle_index_documents", p.index(), i -> i.counts().values().stream().mapToLong(Long::longValue).sum())
                .description("documents in the Lucene index").register(registry);
        Gauge.builder("passerelle_index_generation", p.index(), i -> i.generation()).description("index changes since start").register(registry);
        Gauge.builder("passerelle_cache_hit_ratio", p.search(), s -> s.cacheStats().hitRate()).tag("cache", "search").register(registry);
        Gauge.builder("passerelle_cache_hit_ratio", p.match(), m -> m.cacheStats().hitRate()).tag("cache", "match").register(registry);
        p.startupSeconds().forEach((phase, seconds) -> Gauge.builder("passerelle_startup_seconds", () -> seconds).tag("phase", phase)
                .description("time spent at start: import, index, crosswalk (0 when reused)").register(registry));
    }

    void register(JavalinConfig config) {
        config.routes.before(ctx -> {
            String id = ctx.header(REQUEST_ID);
            if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
                id = UUID.randomUUID().toString();
            }
            ctx.header(REQUEST_ID, id);
        });
        config.requestLogger.http((ctx, ms) -> {
            String route = route(ctx);
            int status = ctx.statusCode();
            String method = ctx.method().name();
            // One timer per route, method and status, looked up rather than built and registered anew for every request.
            timers.computeIfAbsent(new TimerKey(route, method, status), k -> Timer.builder("passerelle_http_requests").tag("route", route)
                    .tag("method", method).tag("status", String.valueOf(status)).publishPercentileHistogram().register(registry))
                    .record(Duration.ofNanos((long) (ms * 1e6)));
            if (LOG.isInfoEnabled()) {
                LOG.info("request route=\"{}\" method={} status={} durationMs={} requestId={}", route, method, status,
                        String.format(java.util.Locale.ROOT, "%.1f", ms), ctx.res().getHeader(REQUEST_ID));
            }
        });
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }

    /** Requests turned away with a 503 because the search/match workers and their queue were full. */
    void workRejected(java.util.function.LongSupplier count) {
        io.micrometer.core.instrument.FunctionCounter.builder("passerelle_work_rejected", count, c -> c.getAsLong())
                .description("requests refused with 503: every worker busy and the queue full").register(registry);
    }

    void rejected(String reason) {
        registry.counter("passerelle_rate_limited", "client", reason).increment();
    }

    /** The matched route template, or "unmatched": the path itself may hold personal data. */
    static String route(Context ctx) {
        try {
            var matched = ctx.endpoints().matchedHttpEndpoint();
            return matched == null ? "unmatched" : matched.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
