package eu.passerelle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.config.AppConfig;
import eu.passerelle.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code scripts/bench}: the service's speed and memory measured from outside, never part of the tests.
 * <ol>
 *   <li>the service in its own JVM (as scripts/run starts it, rate limits off through the operator's settings):
 *       first start on an empty data dir; with {@code --postings N}, N synthetic postings generated and imported
 *       from the command line; a later start over the same dir;</li>
 *   <li>the load client in another process (wrk with a Lua script cycling the request list; without wrk, this
 *       JVM's HTTP client): search, postings alone, and match, uncached ({@code Cache-Control: no-cache}) and
 *       cached, at 1, 4 and 8 clients: p50, p99, p99.9, throughput and errors;</li>
 *   <li>where a search's time goes, from each answer's {@code Server-Timing} header;</li>
 *   <li>the same searches on raw Lucene (this JVM, the same index, top k only) at 1, 2 and 8 threads, and the
 *       service/raw ratio;</li>
 *   <li>heap after GC and RSS of the service's process, index and store size on disk.</li>
 * </ol>
 * <pre>scripts/bench [--seconds N] [--warm-up N] [--postings N] [--heap 1g] [--port 7102] [--index-data DIR] [--data-dir DIR] [--keep]</pre>
 * {@code --warm-up} sets the seconds of uncached load (two thirds searches, one third matches) before the tables; by default
 * half of {@code --seconds} of searches (at least 5) and a third of matches (at least 3). The JIT compilers' share of the
 * service's CPU during the warm-up is printed: a longer warm-up leaves less of it in the tables.
 * {@code --data-dir} keeps the data dir there (made on the first run, reused after: a scale run's postings are
 * generated and imported once).
 */
public final class Bench {
    private static final int[] CLIENTS = {1, 4, 8};
    private static final String CPU_LEGEND = "cpu ms/req: the service process's CPU time per request answered (from /proc; wrk's own is not in it), "
            + "split into its search/match workers (work), HTTP threads (http), JIT compilers (jit), garbage collector (gc) and the rest";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;
    private int warmUpSeconds = -1;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        int warmUp = -1;
        int postings = 0;
        int port = 7102;
        String heap = "1g";
        boolean keep = false;
        Path dataDir = null;
        Path indexData = AppConfig.DEFAULT_INDEX_DATA;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
                case "--postings" -> postings = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--index-data" -> indexData = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (scripts/bench [--seconds N] [--warm-up N] [--postings N] [--heap 1g] [--port N] [--index-data DIR] [--data-dir DIR] [--keep])");
            }
        }
        Path work = Files.createTempDirectory("passerelle-bench-");
        try {
            Bench bench = new Bench();
            bench.warmUpSeconds = warmUp;
            bench.run(work, dataDir, indexData.toAbsolutePath(), postings, port, heap, seconds);
        } finally {
            if (keep) {
                System.out.println("kept: " + work);
            } else {
                delete(work);
            }
        }
    }

    /** @param dataDir an existing data dir to reuse (its first start and import are not measured again), or null */
    private void run(Path work, Path dataDir, Path indexData, int postings, int port, String heap, int seconds) throws Exception {
        Path data = dataDir != null ? dataDir : work.resolve("data");
        boolean reuse = dataDir != null && Files.isDirectory(data.resolve("index"));
        Path log = work.resolve("service.log");
        base = "http://localhost:" + port;
        System.out.printf(Locale.ROOT, "machine: %d cores (%s), Java %s; service: own JVM, -Xmx%s, rate limits off; load client: %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"), heap,
                Wrk.findOrNull(work, base) != null ? "wrk (own process)" : "JDK HttpClient in the benchmark's JVM (wrk not found)");
        if (reuse) {
            System.out.println("data dir reused: " + data + " (first start and import not measured)");
        } else {
            try (ServiceProcess first = ServiceProcess.start(data, indexData, port, heap, log)) {
                System.out.printf(Locale.ROOT, "first start (import + index, empty data dir): %.1f s%n", first.startSeconds);
            }
        }
        if (postings > 0 && !reuse) {
            Path feed = work.resolve("postings.jsonld");
            double gen = ServiceProcess.runToEnd(ServiceProcess.java(heap, "eu.passerelle.Main", "generate-postings", "--count", String.valueOf(postings),
                    "--seed", "7", "--out", feed.toString(), "--index-data", indexData.toString()), log);
            System.out.printf(Locale.ROOT, "generate %,d postings: %.1f s (%,.0f postings/s), %,d MiB file, -Xmx%s%n", postings, gen, postings / gen,
                    Files.size(feed) >> 20, heap);
            double imp = ServiceProcess.runToEnd(ServiceProcess.java(heap, "eu.passerelle.Main", "import", "--type", "posting", "--source", "bench",
                    "--data-dir", data.toString(), "--index-data", indexData.toString(), feed.toString()), log);
            System.out.printf(Locale.ROOT, "import from the command line: %.1f s (%,.0f postings/s, start-up included), -Xmx%s%n", imp, postings / imp, heap);
            Files.delete(feed);
        }
        try (ServiceProcess service = ServiceProcess.start(data, indexData, port, heap, log)) {
            System.out.printf(Locale.ROOT, "later start (store and index reused): %.1f s%n", service.startSeconds);
            System.out.printf(Locale.ROOT, "on disk: index %,d MiB, store %,d MiB; service RSS after start %,d MiB%n",
                    size(data.resolve("index")) >> 20, (size(data.resolve("passerelle.db")) + size(data.resolve("passerelle.db-wal"))) >> 20,
                    service.rssBytes() >> 20);
            measure(work, data, indexData, seconds, service);
        }
    }

    private void measure(Path work, Path data, Path indexData, int seconds, ServiceProcess service) throws Exception {
        List<Mix.Search> searches = Mix.searches(Path.of("src/test/resources/relevance/search-judgments.tsv"));
        List<Mix.Search> postingSearches = searches.stream().filter(s -> "posting".equals(s.params().get("type"))).toList();
        List<String> matches = Mix.matches(Path.of("src/test/resources/relevance/match-judgments.tsv"));
        // One pass first: every request must answer 200, and raw Lucene needs the place and radius the service used.
        List<RawLucene.Case> rawCases = new ArrayList<>();
        for (Mix.Search s : searches) {
            JsonNode a = Json.MAPPER.readTree(send("GET", s.path(), null, true).body());
            JsonNode near = a.get("near");
            rawCases.add(new RawLucene.Case(s.params(), near == null ? null : new double[] {near.get("lat").asDouble(), near.get("lon").asDouble()},
                    a.has("radiusKm") ? a.get("radiusKm").asDouble() : null));
        }
        Load load = new Load(work, base, ProcessCpu.of(service.pid()));
        Path searchNoCache = load.file("search-uncached", searches.stream().map(s -> get(s.path(), true)).toList());
        Path searchCached = load.file("search-cached", searches.stream().map(s -> get(s.path(), false)).toList());
        Path postingNoCache = load.file("posting-uncached", postingSearches.stream().map(s -> get(s.path(), true)).toList());
        Path matchNoCache = load.file("match-uncached", matches.stream().map(b -> new String[] {"POST", "/api/v1/match", "1", b}).toList());
        Path matchCached = load.file("match-cached", matches.stream().map(b -> new String[] {"POST", "/api/v1/match", "0", b}).toList());
        System.out.printf(Locale.ROOT, "mix: %d searches (%d of postings alone, with and without a place), %d match profiles (2-3 targets each)%n",
                searches.size(), postingSearches.size(), matches.size());
        int warmSearch = warmUpSeconds < 0 ? Math.max(5, seconds / 2) : Math.max(1, warmUpSeconds * 2 / 3);
        int warmMatch = warmUpSeconds < 0 ? Math.max(3, seconds / 3) : Math.max(1, warmUpSeconds - warmSearch);
        Row warmSearches = load.run("warm-up", 8, warmSearch, searchNoCache);
        Row warmMatches = load.run("warm-up", 8, warmMatch, matchNoCache);
        if (warmSearches.cpu() != null && warmMatches.cpu() != null) {
            System.out.printf(Locale.ROOT, "warm-up: %d s of uncached searches, %d s of matches at 8 clients; JIT compilers %.0f %% and %.0f %% of the service's CPU in them%n",
                    warmSearch, warmMatch, 100 * jitShare(warmSearches.cpu()), 100 * jitShare(warmMatches.cpu()));
        }
        System.out.println(Row.header());
        System.out.println(CPU_LEGEND);
        List<Row> rows = new ArrayList<>();
        for (int c : CLIENTS) {
            rows.add(print(load.run("search uncached", c, seconds, searchNoCache)));
        }
        for (int c : CLIENTS) {
            print(load.run("search cached", c, seconds, searchCached));
        }
        for (int c : CLIENTS) {
            print(load.run("postings uncached", c, seconds, postingNoCache));
        }
        for (int c : CLIENTS) {
            print(load.run("match uncached", c, seconds, matchNoCache));
        }
        for (int c : CLIENTS) {
            print(load.run("match cached", c, seconds, matchCached));
        }
        phases(searches, matches);
        Path synonyms = indexData.resolve("curated").resolve("synonyms-fr.txt");
        try (RawLucene raw = new RawLucene(data.resolve("index"), synonyms)) {
            for (int i = 0; i < 3; i++) {
                for (RawLucene.Case c : rawCases) {
                    raw.run(c); // warm-up
                }
            }
            List<Row> rawRows = new ArrayList<>();
            for (int t : new int[] {1, 2, 8}) {
                rawRows.add(print(raw.load("raw Lucene (threads)", t, seconds, rawCases)));
            }
            System.out.printf(Locale.ROOT, "service uncached / raw Lucene, p50: %s at 1 client, %s at 8 clients (raw at 8 threads); p99 at 8: %s%n",
                    ratio(rows.get(0).p50Ms(), rawRows.get(0).p50Ms()), ratio(rows.get(2).p50Ms(), rawRows.get(2).p50Ms()),
                    ratio(rows.get(2).p99Ms(), rawRows.get(2).p99Ms()));
        }
        ProcessCpu cpu = ProcessCpu.of(service.pid());
        if (cpu != null) {
            // The JIT's share is a cost of the first minutes after a start: it shrinks as the code gets compiled.
            System.out.println("service CPU since its start (import and index build included on a first start) " + cpu.sinceStart());
        }
        long heap = service.heapAfterGcBytes();
        System.out.printf(Locale.ROOT, "service heap after GC: %s; RSS: %,d MiB%n", heap < 0 ? "unknown (no jcmd)" : String.format(Locale.ROOT, "%,d MiB", heap >> 20),
                service.rssBytes() >> 20);
    }

    /** Mean milliseconds per phase over the mix, read from each answer's Server-Timing header (1 client, uncached). */
    private void phases(List<Mix.Search> searches, List<String> matches) throws Exception {
        Map<String, double[]> search = new LinkedHashMap<>();
        Map<String, double[]> everyFacet = new LinkedHashMap<>();
        Map<String, double[]> match = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (Mix.Search s : searches) {
                timing(send("GET", s.path(), null, true), search);
                // The same search counting every facet: every match scored, as every search did before facets were asked for.
                timing(send("GET", s.params().containsKey("facets") ? s.path() : s.path() + "&facets=all", null, true), everyFacet);
            }
            for (String m : matches) {
                timing(send("POST", "/api/v1/match", m, true), match);
            }
        }
        System.out.println("phases: CPU time of the worker thread per phase; queue and wall are wall-clock");
        report("search", search, 3 * searches.size());
        report("search with facets=all", everyFacet, 3 * searches.size());
        report("match", match, 3 * matches.size());
    }

    private static void report(String what, Map<String, double[]> phases, int requests) {
        if (phases.isEmpty()) {
            System.out.printf("%s phases: no Server-Timing header%n", what);
            return;
        }
        StringBuilder b = new StringBuilder(what + " phases, mean ms per request (1 client, uncached):");
        phases.forEach((phase, sum) -> b.append(String.format(Locale.ROOT, "  %s %.3f", phase, sum[0] / requests)));
        System.out.println(b);
    }

    private static void timing(HttpResponse<String> r, Map<String, double[]> into) {
        r.headers().firstValue("Server-Timing").ifPresent(h -> {
            for (String part : h.split(",")) {
                String[] f = part.strip().split(";dur=");
                if (f.length == 2) {
                    into.computeIfAbsent(f[0], k -> new double[1])[0] += Double.parseDouble(f[1]);
                }
            }
        });
    }

    private HttpResponse<String> send(String method, String path, String body, boolean noCache) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (noCache) {
            b.header("Cache-Control", "no-cache");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static double jitShare(ProcessCpu.PerRequest cpu) {
        return cpu.totalMs() <= 0 ? 0 : cpu.byGroupMs()[ProcessCpu.JIT] / cpu.totalMs();
    }

    /** "n/a" when a run completed no request (a request slower than the run: raise --seconds). */
    private static String ratio(double service, double raw) {
        return service <= 0 || raw <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1fx", service / raw);
    }

    private static String[] get(String path, boolean noCache) {
        return new String[] {"GET", path, noCache ? "1" : "0", ""};
    }

    private static Row print(Row r) {
        System.out.println(r.format());
        return r;
    }

    /**
     * wrk when installed, else this JVM's HTTP client: either way, another process than the service's. Each run's
     * row carries the service process's CPU per request when /proc can be read.
     */
    private static final class Load {
        private final Path work;
        private final Wrk wrk;
        private final LoadRun fallback;
        private final ProcessCpu cpu;

        Load(Path work, String base, ProcessCpu cpu) throws IOException {
            this.work = work;
            this.wrk = Wrk.findOrNull(work, base);
            this.fallback = new LoadRun(base);
            this.cpu = cpu;
        }

        Path file(String name, List<String[]> requests) throws IOException {
            return Wrk.requests(work.resolve(name + ".tsv"), requests);
        }

        Row run(String name, int clients, int seconds, Path requests) throws Exception {
            ProcessCpu.Snapshot before = cpu == null ? null : cpu.snapshot();
            Row row = load(name, clients, seconds, requests);
            return cpu == null ? row : row.withCpu(ProcessCpu.perRequest(before, cpu.snapshot(), row.requests()));
        }

        private Row load(String name, int clients, int seconds, Path requests) throws Exception {
            if (wrk != null) {
                return wrk.run(name, clients, seconds, requests);
            }
            List<LoadRun.Call> calls = Files.readAllLines(requests).stream().map(l -> l.split("\t", 4))
                    .map(f -> new LoadRun.Call(f[0], f[1], f.length > 3 && !f[3].isEmpty() ? f[3] : null, "1".equals(f[2]))).toList();
            return fallback.run(name, clients, Duration.ofSeconds(seconds), i -> calls.get(i % calls.size())).row();
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
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
