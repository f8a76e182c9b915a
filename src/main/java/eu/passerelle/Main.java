package eu.passerelle;

import eu.passerelle.api.AppFactory;
import eu.passerelle.config.AppConfig;
import eu.passerelle.config.ConfigException;
import eu.passerelle.ingest.GeoNamesReader;
import eu.passerelle.ingest.OrphanCounter;
import eu.passerelle.ingest.RomeReader;
import eu.passerelle.ingest.SyntheticPostings;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Command line: {@code serve} (the default), {@code generate-postings}, {@code eval}. Run through
 * scripts/run, scripts/eval and scripts/bench, which find a JDK 21+ and build when needed.
 */
public final class Main {
    /** Options that take no value. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("--reindex");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Deque<String> a = new ArrayDeque<>(List.of(args));
        String command = !a.isEmpty() && !a.peek().startsWith("--") ? a.pop() : "serve";
        try {
            switch (command) {
                case "serve" -> serve(a);
                case "generate-postings" -> generatePostings(a);
                case "eval" -> eu.passerelle.eval.Evaluate.main(a.toArray(String[]::new));
                case "import" -> importFeeds(a);
                case "backup" -> backup(a);
                case "help", "--help" -> usage();
                default -> {
                    System.err.println("unknown command '" + command + "'");
                    usage();
                    System.exit(2);
                }
            }
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (eu.passerelle.store.StoreRefusedException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(3);
        }
    }

    private static void usage() {
        System.err.println("""
                usage: passerelle [serve] [--port N] [--data-dir DIR] [--index-data DIR] [--reindex] [--force-first-start]
                       passerelle backup [--data-dir DIR] FILE   (while the service runs; FILE must not exist)
                       passerelle generate-postings [--out FILE] [--count N] [--seed N] [--index-data DIR]
                       passerelle eval [--data-dir DIR] [--index-data DIR] [--judgments DIR] [--write-golden]
                       passerelle import --type posting|training --source NAME [--data-dir DIR] FILE...   (service stopped)
                environment: PASSERELLE_API_KEYS="key1:admin,key2:advisor,key3:writer", PASSERELLE_CORS_ORIGINS="https://partner.example"
                             PASSERELLE_RATE_LIMIT_IP=20, PASSERELLE_RATE_LIMIT_KEY=200 (requests/s, 0 = off),
                             PASSERELLE_TRUSTED_PROXIES="10.0.0.5,192.168.0.0/16", PASSERELLE_WORKERS=cores, PASSERELLE_WORK_QUEUE=128
                """);
    }

    /** Reads the options shared by the commands; unknown options are an error, not ignored. */
    static AppConfig config(Deque<String> a, List<String> extra, java.util.Map<String, String> extraValues) {
        int port = AppConfig.DEFAULT_PORT;
        Path dataDir = AppConfig.DEFAULT_DATA_DIR;
        Path indexData = AppConfig.DEFAULT_INDEX_DATA;
        boolean reindex = false;
        while (!a.isEmpty()) {
            String opt = a.pop();
            switch (opt) {
                case "--port" -> port = parsePort(value(a, opt));
                case "--data-dir" -> dataDir = Path.of(value(a, opt));
                case "--index-data" -> indexData = Path.of(value(a, opt));
                case "--reindex" -> reindex = true;
                default -> {
                    if (extra.contains(opt)) {
                        extraValues.put(opt, opt.startsWith("--write") ? "true" : value(a, opt));
                    } else {
                        throw new ConfigException("unknown option " + opt);
                    }
                }
            }
        }
        return AppConfig.defaults(dataDir, indexData).withPort(port).withReindex(reindex).withEnvironment(System.getenv());
    }

    private static String value(Deque<String> a, String opt) {
        if (a.isEmpty()) {
            throw new ConfigException(opt + " needs a value");
        }
        return a.pop();
    }

    private static int parsePort(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ConfigException("--port must be a number, got '" + s + "'");
        }
    }

    private static void serve(Deque<String> a) {
        boolean forceFirstStart = a.remove("--force-first-start");
        AppConfig config = config(a, List.of(), new java.util.HashMap<>());
        Passerelle passerelle = Passerelle.open(config, forceFirstStart);
        Javalin app = AppFactory.create(passerelle);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            passerelle.close();
        }, "shutdown"));
        app.start(config.port());
        System.out.println("Passerelle is serving on http://localhost:" + app.port() + "/ (API keys configured: " + config.apiKeys().size() + ")");
    }

    /** Imports feed files (NDJSON or JSON arrays; postings as schema.org JobPosting or Passerelle JSON) into the data dir. */
    private static void importFeeds(Deque<String> a) throws Exception {
        Deque<String> options = new ArrayDeque<>();
        List<String> files = importArguments(a, options);
        java.util.Map<String, String> opts = new java.util.HashMap<>();
        AppConfig config = config(options, List.of("--type", "--source"), opts);
        eu.passerelle.model.RecordType type = eu.passerelle.model.RecordType.fromWire(opts.getOrDefault("--type", ""))
                .filter(t -> t == eu.passerelle.model.RecordType.POSTING || t == eu.passerelle.model.RecordType.TRAINING)
                .orElseThrow(() -> new ConfigException("--type must be posting or training"));
        if (files.isEmpty()) {
            throw new ConfigException("give the files to import");
        }
        try (Passerelle p = Passerelle.openForImport(config)) {
            boolean refusals = false;
            // Nothing searches while the command runs: no segment cut every second for merges to rewrite.
            p.index().holdRefreshes(true);
            for (String f : files) {
                String source = opts.getOrDefault("--source", Path.of(f).getFileName().toString().replaceAll("\\.[^.]*$", ""));
                refusals |= importFile(p, type, source, Path.of(f));
            }
            if (refusals) {
                System.exit(1);
            }
        }
    }

    /** Copies the store to FILE while the service runs (the index is not copied: it is rebuilt from the store). */
    private static void backup(Deque<String> a) {
        String file = null;
        Deque<String> options = new ArrayDeque<>();
        while (!a.isEmpty()) {
            String x = a.pop();
            if (x.startsWith("--")) {
                options.add(x);
                if (!a.isEmpty()) {
                    options.add(a.pop());
                }
            } else if (file == null) {
                file = x;
            } else {
                throw new ConfigException("backup takes one FILE");
            }
        }
        if (file == null) {
            throw new ConfigException("give the FILE to write the backup to");
        }
        AppConfig config = config(options, List.of(), new java.util.HashMap<>());
        Path db = config.dataDir().resolve("passerelle.db");
        Path target = Path.of(file);
        if (!Files.isRegularFile(db)) {
            throw new ConfigException("no store at " + db.toAbsolutePath() + " (pass --data-dir DIR)");
        }
        if (Files.exists(target)) {
            throw new ConfigException(target + " already exists; a backup never overwrites a file");
        }
        long start = System.nanoTime();
        eu.passerelle.store.Database.backup(db, target);
        System.out.printf("backup of %s written to %s (%,d bytes, %.1f s)%n", db, target, target.toFile().length(), (System.nanoTime() - start) / 1e9);
    }

    /** Splits import's arguments into options (each with its value, flags alone) and the files to import. */
    static List<String> importArguments(Deque<String> a, Deque<String> options) {
        List<String> files = new java.util.ArrayList<>();
        while (!a.isEmpty()) {
            String x = a.pop();
            if (x.startsWith("--")) {
                options.add(x);
                // A flag takes no value: "--reindex feed.json" names a file to import, not the flag's value.
                if (!FLAGS.contains(x) && !a.isEmpty()) {
                    options.add(a.pop());
                }
            } else {
                files.add(x);
            }
        }
        return files;
    }

    /**
     * Streams one file into the store and index (constant memory whatever its size): the refused lines are
     * printed as they come, progress every 100,000 records on stderr, then a summary with the rate.
     *
     * @return whether a record was refused
     */
    private static boolean importFile(Passerelle p, eu.passerelle.model.RecordType type, String source, Path file) throws Exception {
        long start = System.nanoTime();
        // CPU time as well as wall time: on a shared machine the wall clock says more about the neighbours.
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long[] seen = {0};
        eu.passerelle.match.FeedIntake.Summary s;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            s = p.intake().importFeed(type, source, in, l -> {
                if (l.status().equals("refused")) {
                    System.out.printf("  %s line %d%s: %s%n", file.getFileName(), l.line(), l.field() == null ? "" : " (" + l.field() + ")", l.error());
                }
                if (++seen[0] % 100_000 == 0) {
                    System.err.printf("  %,d records read (%,.0f/s)%n", seen[0], seen[0] / ((System.nanoTime() - start) / 1e9));
                }
            });
        }
        p.index().commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long records = s.accepted() + s.refused();
        System.out.printf("%s: %d accepted (%d placed under an occupation by the classifier), %d refused; %.1f s, %,.0f records/s"
                + " (CPU %.1f s, %,.0f records per CPU-second)%n", file, s.accepted(), s.classified(), s.refused(), seconds,
                records / Math.max(seconds, 1e-9), cpu, records / Math.max(cpu, 1e-9));
        return s.refused() > 0;
    }

    private static void generatePostings(Deque<String> a) throws Exception {
        java.util.Map<String, String> opts = new java.util.HashMap<>();
        AppConfig config = config(a, List.of("--out", "--count", "--seed"), opts);
        Path out = Path.of(opts.getOrDefault("--out", config.indexData().resolve("postings/synthetic-postings.jsonld").toString()));
        int count;
        long seed;
        try {
            count = Integer.parseInt(opts.getOrDefault("--count", "3000"));
            seed = Long.parseLong(opts.getOrDefault("--seed", "2026"));
        } catch (NumberFormatException e) {
            throw new ConfigException("--count and --seed are whole numbers");
        }
        if (count < 0) {
            throw new ConfigException("--count is 0 or more");
        }
        RomeReader.RomeData rome = new RomeReader(config.indexData().resolve("rome")).read();
        var places = GeoNamesReader.read(config.indexData().resolve("geonames"), new OrphanCounter());
        Files.createDirectories(out.toAbsolutePath().getParent());
        int written;
        try (java.io.Writer w = Files.newBufferedWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
            written = SyntheticPostings.write(rome, places, count, seed, w);
        }
        System.out.println("wrote " + written + " synthetic postings to " + out);
    }
}
