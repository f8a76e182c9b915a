package eu.passerelle.bench;

import eu.passerelle.Passerelle;
import eu.passerelle.api.AppFactory;
import eu.passerelle.config.AppConfig;
import eu.passerelle.eval.Judgments;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code scripts/bench}: the speed and memory of the embedded default, never part of the tests.
 * <ol>
 *   <li>first start on an empty data dir: import + index time;</li>
 *   <li>a restart over the same dir (what every later start costs);</li>
 *   <li>search over HTTP with 1, 4 and 8 closed-loop clients on a mix of typical queries
 *       (the relevance set's queries, text + place, filters alone, facets): first with
 *       "Cache-Control: no-cache" (every answer computed), then with the answer cache;</li>
 *   <li>match over HTTP (POST /api/v1/match, all three targets) on the relevance set's profiles, uncached
 *       then cached;</li>
 *   <li>heap after GC, index and store size on disk.</li>
 * </ol>
 * The load clients run in the same JVM and share the machine's cores with the server, so the numbers are
 * pessimistic on a 2-core machine.
 *
 * <pre>scripts/bench [--seconds N] [--keep DIR]</pre>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 15;
        Path indexData = AppConfig.DEFAULT_INDEX_DATA;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--index-data" -> indexData = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("passerelle-bench-");
        try {
            System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
            long t0 = System.nanoTime();
            Passerelle first = Passerelle.open(AppConfig.defaults(dir, indexData));
            double firstStart = (System.nanoTime() - t0) / 1e9;
            first.close();
            t0 = System.nanoTime();
            Passerelle p = Passerelle.open(AppConfig.defaults(dir, indexData));
            double restart = (System.nanoTime() - t0) / 1e9;
            Javalin app = AppFactory.create(p, eu.passerelle.config.RateLimit.OFF).start(0);
            try {
                List<LoadRun.Call> searches = searchMix(Path.of("src/test/resources/relevance/search-judgments.tsv"));
                LoadRun load = new LoadRun("http://localhost:" + app.port());
                System.out.printf(Locale.ROOT, "first start (import + index, empty data dir): %.1f s%n", firstStart);
                System.out.printf(Locale.ROOT, "later start (store and index reused):          %.1f s%n", restart);
                System.out.printf(Locale.ROOT, "search mix: %d distinct requests%n", searches.size());
                load.run("warm-up", 8, Duration.ofSeconds(Math.max(5, seconds / 2)), i -> searches.get(i % searches.size()));
                for (int clients : new int[] {1, 4, 8}) {
                    System.out.println(load.run("search uncached", clients, Duration.ofSeconds(seconds), i -> uncached(searches.get(i % searches.size()))).format());
                }
                for (int clients : new int[] {1, 4, 8}) {
                    System.out.println(load.run("search cached", clients, Duration.ofSeconds(seconds), i -> searches.get(i % searches.size())).format());
                }
                System.out.printf(Locale.ROOT, "search cache: %s%n", p.search().cacheStats());
                List<LoadRun.Call> matches = matchMix(Path.of("src/test/resources/relevance/match-judgments.tsv"));
                System.out.printf(Locale.ROOT, "match mix: %d distinct profiles (all three targets)%n", matches.size());
                load.run("warm-up", 8, Duration.ofSeconds(Math.max(5, seconds / 2)), i -> uncached(matches.get(i % matches.size())));
                for (int clients : new int[] {1, 4, 8}) {
                    System.out.println(load.run("match uncached", clients, Duration.ofSeconds(seconds), i -> uncached(matches.get(i % matches.size()))).format());
                }
                for (int clients : new int[] {1, 4, 8}) {
                    System.out.println(load.run("match cached", clients, Duration.ofSeconds(seconds), i -> matches.get(i % matches.size())).format());
                }
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "heap used after GC: %d MiB; index on disk: %d MiB; store on disk: %d MiB%n",
                        (rt.totalMemory() - rt.freeMemory()) >> 20, size(dir.resolve("index")) >> 20, size(dir.resolve("passerelle.db")) >> 20);
            } finally {
                app.stop();
                p.close();
            }
        } finally {
            delete(dir);
        }
    }

    static List<LoadRun.Call> searchMix(Path judgments) throws IOException {
        List<LoadRun.Call> calls = new ArrayList<>();
        for (Judgments.Case c : Judgments.read(judgments).cases()) {
            String params = String.join("&", c.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            calls.add(get("/api/v1/search?q=" + enc(c.query()) + (params.isEmpty() ? "" : "&" + params)));
            calls.add(get("/api/v1/search?q=" + enc(c.query())));
        }
        for (String place : List.of("Arlon", "Virton", "Longwy", "Luxembourg", "Thionville", "Bastogne", "49.68,5.82")) {
            calls.add(get("/api/v1/search?near=" + enc(place) + "&type=posting"));
            calls.add(get("/api/v1/search?q=" + enc("animateur") + "&near=" + enc(place) + "&radiusKm=30"));
            calls.add(get("/api/v1/search?q=" + enc("auxiliaire de puériculture") + "&type=posting&country=BE,LU&near=" + enc(place)));
        }
        calls.add(get("/api/v1/search?type=training&level=3"));
        calls.add(get("/api/v1/search?type=training&modality=hybride"));
        calls.add(get("/api/v1/suggest?q=anim"));
        calls.add(get("/api/v1/suggest?q=AESH"));
        return calls;
    }

    static List<LoadRun.Call> matchMix(Path judgments) throws IOException {
        List<LoadRun.Call> calls = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var c : eu.passerelle.eval.MatchEvaluation.read(judgments)) {
            String profile = eu.passerelle.model.Json.MAPPER.writeValueAsString(c.profile());
            if (seen.add(profile)) {
                calls.add(new LoadRun.Call("POST", "/api/v1/match", "{\"profile\":" + profile + ",\"limit\":10}", false));
            }
        }
        return calls;
    }

    private static LoadRun.Call get(String path) {
        return new LoadRun.Call("GET", path, null, false);
    }

    private static LoadRun.Call uncached(LoadRun.Call c) {
        return new LoadRun.Call(c.method(), c.path(), c.body(), true);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long size(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
