package eu.passerelle.api;

import eu.passerelle.Passerelle;
import eu.passerelle.config.AppConfig;
import eu.passerelle.model.Json;
import eu.passerelle.model.RecordType;
import eu.passerelle.search.StatusService;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;

/**
 * Builds the HTTP application over an opened {@link Passerelle}, unstarted, so a test can start it on a
 * random port. Every route and error handler is declared here, in one place.
 */
public final class AppFactory {
    static final int MAX_REQUEST_LINE_BYTES = 64 * 1024;

    private AppFactory() {
    }

    public static Javalin create(Passerelle p) {
        return create(p, p.config().rateLimit());
    }

    /** @param rateLimit the limits to apply (the benchmark turns them off) */
    public static Javalin create(Passerelle p, eu.passerelle.config.RateLimit rateLimit) {
        return create(p, p.config().withRateLimit(rateLimit));
    }

    /** @param operating where the rate limits, trusted proxies and work pool are read (tests vary them) */
    public static Javalin create(Passerelle p, AppConfig operating) {
        eu.passerelle.config.RateLimit rateLimit = operating.rateLimit();
        SearchController search = new SearchController(p.concepts(), p.suggest(), p.gazetteer());
        RecordController records = new RecordController(p.records(), new StatusService(p.store(), p.index()));
        OpenApiController openApi = new OpenApiController();
        Auth auth = new Auth(p.config().apiKeys());
        MatchController match = new MatchController(p.match(), p.store().candidates(), auth);
        WriteController writes = new WriteController(p.intake(), auth);
        Observability observability = new Observability(p);
        RateLimiter limiter = new RateLimiter(rateLimit);
        ClientAddress clients = new ClientAddress(operating.trustedProxies());
        WorkQueue work = new WorkQueue(operating.workPool());
        observability.workRejected(work::rejected);
        return Javalin.create(config -> {
            config.events.serverStopped(work::close);
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = AppConfig.MAX_BODY_BYTES;
            config.http.defaultContentType = "application/json";
            // gzip at level 1 for clients that ask (browsers: the page, the widget): Javalin's default level 6 cost the HTTP
            // thread 0.25 ms per search answer and 1.06 ms per match answer, level 1 0.11 and 0.37 for answers 2-3 KB
            // larger (README, Speed, "CPU outside the worker thread").
            config.http.compressionStrategy = new io.javalin.compression.CompressionStrategy(null, new io.javalin.compression.Gzip(1));
            config.startup.showJavalinBanner = false;
            // Room for a long query string, so an over-long 'q' reaches validation and gets a 400 that names it.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_LINE_BYTES));
            // Jetty's own refusals (bad request line, 414, 431) as problem+json too, not its HTML page.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblems()));
            Problems.register(config);
            observability.register(config);
            config.routes.before(RequestChecks::address);
            Cors cors = new Cors(p.config().corsOrigins());
            config.routes.before("/api/v1/*", cors::headers);
            config.routes.options("/api/v1/*", cors::preflight);
            config.routes.before("/api/v1/*", ctx -> {
                String key = auth.validKey(ctx.header("Authorization"));
                long wait = limiter.acquire(key != null ? "key:" + key : "ip:" + clients.of(ctx.ip(), ctx.header("Forwarded"), ctx.header("X-Forwarded-For")), key != null);
                if (wait > 0) {
                    observability.rejected(key != null ? "key" : "ip");
                    ctx.header("Retry-After", String.valueOf(wait));
                    throw new ApiProblem(429, "Too many requests", "Too many requests from this " + (key != null ? "API key" : "address")
                            + "; retry in " + wait + " s.", null);
                }
            });
            config.routes.before("/api/v1/*", RequestChecks::body);

            config.routes.get("/api/v1/health", records::health);
            config.routes.get("/api/v1/search", work.wrap(search::search));
            config.routes.get("/api/v1/suggest", search::suggest);
            for (RecordType type : RecordType.values()) {
                config.routes.get("/api/v1/" + type.collection() + "/{id}", ctx -> records.get(ctx, type));
            }
            for (RecordType type : new RecordType[] {RecordType.POSTING, RecordType.TRAINING}) {
                config.routes.put("/api/v1/" + type.collection() + "/{id}", ctx -> writes.put(ctx, type));
                config.routes.delete("/api/v1/" + type.collection() + "/{id}", ctx -> writes.delete(ctx, type));
                config.routes.post("/api/v1/" + type.collection() + "/bulk", ctx -> writes.bulk(ctx, type));
            }
            config.routes.post("/api/v1/match", work.wrap(match::match));
            config.routes.put("/api/v1/candidates/{id}", match::putCandidate);
            config.routes.get("/api/v1/candidates/{id}", match::getCandidate);
            config.routes.get("/api/v1/candidates/{id}/matches", work.wrap(match::candidateMatches));
            config.routes.delete("/api/v1/candidates/{id}", match::deleteCandidate);
            config.routes.get("/openapi.json", openApi::document);
            DocsController docs = new DocsController();
            config.routes.get("/docs", docs::page);
            config.routes.get("/docs/{file}", docs::file);
            WebAssets web = new WebAssets();
            config.routes.get("/", ctx -> web.serve(ctx, "index.html"));
            config.routes.get("/widget.js", ctx -> web.serve(ctx, "widget.js"));
            config.routes.get("/widget-demo.html", ctx -> web.serve(ctx, "widget-demo.html"));
            config.routes.get("/web/{file}", ctx -> web.serve(ctx, ctx.pathParam("file")));
        });
    }
}
