package eu.passerelle.eval;

import eu.passerelle.Passerelle;
import eu.passerelle.config.AppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/eval}: prints the relevance metrics of the engine next to a plain-BM25 baseline over the
 * same documents, per query group. {@code --write-golden} records the engine's numbers as the expected
 * ones (RelevanceRegressionTest fails until they are updated on purpose); {@code --verbose} lists the
 * queries whose nDCG@10 is below 0.5 with what came back.
 *
 * The bridge evaluation (cross-validation over the official crosswalks) scores every {@value #BRIDGE_STRIDE}th
 * title by default, the subset pinned in its golden file; {@code --bridge-full} scores them all (slower).
 *
 * <pre>scripts/eval [--data-dir DIR] [--index-data DIR] [--judgments DIR] [--write-golden] [--verbose] [--bridge-full]</pre>
 */
public final class Evaluate {
    public static final String SEARCH_JUDGMENTS = "search-judgments.tsv";
    public static final String SEARCH_GOLDEN = "search-metrics.golden.tsv";
    public static final String MATCH_JUDGMENTS = "match-judgments.tsv";
    public static final String MATCH_GOLDEN = "match-metrics.golden.tsv";
    public static final String CLASSIFICATION_JUDGMENTS = "classification-judgments.tsv";
    public static final String CLASSIFICATION_GOLDEN = "classification-metrics.golden.tsv";
    public static final String BRIDGE_GOLDEN = "bridge-metrics.golden.tsv";
    /** The pinned bridge numbers score every n-th title of each group (same folds), to keep the tests short. */
    public static final int BRIDGE_STRIDE = 8;

    private Evaluate() {
    }

    /** The engine's rows next to the baseline's, one line per group. */
    static void printTable(String title, String baselineName, String firstColumn, List<SearchEvaluation.Row> engine, List<SearchEvaluation.Row> baseline) {
        System.out.println();
        System.out.println(title + "                    |  " + baselineName);
        System.out.printf(Locale.ROOT, "%-10s   n  nDCG@10     MRR    R@10                        |  nDCG@10     MRR    R@10%n", firstColumn);
        for (int i = 0; i < engine.size(); i++) {
            SearchEvaluation.Row be = baseline.get(i);
            System.out.printf(Locale.ROOT, "%s                        |   %.4f  %.4f  %.4f%n", engine.get(i).format(), be.ndcg(), be.mrr(), be.recall());
        }
    }

    /** Per target: cases with must-not-appear results, and how many of those reached the first page (each listed). */
    static void printViolations(List<MatchEvaluation.Case> cases, List<MatchEvaluation.Violation> violations) {
        System.out.println("target     must-not cases  violations on page 1");
        for (String target : List.of("occupation", "training", "posting")) {
            long n = cases.stream().filter(c -> c.target().wireName().equals(target) && !c.mustNot().isEmpty()).count();
            long v = violations.stream().filter(x -> x.target().equals(target)).count();
            System.out.printf(Locale.ROOT, "%-10s %14d  %20d%n", target, n, v);
        }
        violations.forEach(v -> System.out.printf(Locale.ROOT, "  must not appear: %s has %s at rank %d%n", v.caseId(), v.id(), v.rank()));
    }

    /** The cases whose nDCG@10 is below 0.5, with the first results, for diagnosis. */
    static void printLow(List<SearchEvaluation.QueryResult> results) {
        for (SearchEvaluation.QueryResult r : results) {
            if (r.ndcg() < 0.5) {
                System.out.printf(Locale.ROOT, "  low: %s %-45s nDCG %.2f  got %s%n", r.c().id(), r.c().query(), r.ndcg(), r.ranked().stream().limit(5).toList());
            }
        }
    }

    static void writeGolden(Path file, String what, List<SearchEvaluation.Row> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Expected " + what + " metrics (scripts/eval --write-golden). A ranking change must update this file on purpose.");
        lines.add("# group\tqueries\tnDCG@10\tMRR\tRecall@10");
        for (SearchEvaluation.Row r : rows) {
            lines.add(String.format(Locale.ROOT, "%s\t%d\t%.4f\t%.4f\t%.4f", r.group(), r.queries(), r.ndcg(), r.mrr(), r.recall()));
        }
        Files.write(file, lines);
        System.out.println("wrote " + file);
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of("target/eval-data");
        Path indexData = AppConfig.DEFAULT_INDEX_DATA;
        Path judgments = Path.of("src/test/resources/relevance");
        boolean writeGolden = false;
        boolean verbose = false;
        boolean bridgeFull = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--index-data" -> indexData = Path.of(args[++i]);
                case "--judgments" -> judgments = Path.of(args[++i]);
                case "--write-golden" -> writeGolden = true;
                case "--verbose" -> verbose = true;
                case "--bridge-full" -> bridgeFull = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Passerelle p = Passerelle.open(AppConfig.defaults(dataDir, indexData))) {
            Judgments j = Judgments.read(judgments.resolve(SEARCH_JUDGMENTS));
            SearchEvaluation eval = new SearchEvaluation(p.search(), p.concepts());
            List<SearchEvaluation.QueryResult> engine = eval.runEngine(j);
            List<SearchEvaluation.QueryResult> baseline = eval.runBaseline(j);
            List<SearchEvaluation.Row> e = SearchEvaluation.summarise(engine);
            List<SearchEvaluation.Row> b = SearchEvaluation.summarise(baseline);
            printTable("SEARCH (" + j.cases().size() + " graded queries, FR and NL)           engine", "plain BM25 baseline", "group", e, b);
            if (verbose) {
                printLow(engine);
            }
            List<MatchEvaluation.Case> cases = MatchEvaluation.read(judgments.resolve(MATCH_JUDGMENTS));
            MatchEvaluation matchEval = new MatchEvaluation(p);
            List<SearchEvaluation.QueryResult> matchEngine = matchEval.runEngine(cases);
            List<SearchEvaluation.Row> me = SearchEvaluation.summarise(matchEngine);
            List<SearchEvaluation.Row> mb = SearchEvaluation.summarise(matchEval.runBaseline(cases));
            printTable("MATCH (" + cases.size() + " profiles, per target)                 engine", "BM25 over the profile's words", "target", me, mb);
            printViolations(cases, matchEval.violations(cases, matchEngine));
            System.out.printf(Locale.ROOT, "match cost: %.1f ms of thread CPU per uncached match (%d profiles x 3 rounds, after a warm-up)%n",
                    matchEval.cpuMillisPerMatch(cases, 3), cases.size());
            if (verbose) {
                printLow(matchEngine);
            }
            List<ClassificationEvaluation.Case> posts = ClassificationEvaluation.read(judgments.resolve(CLASSIFICATION_JUDGMENTS));
            List<ClassificationEvaluation.Outcome> placed = new ClassificationEvaluation(p.classifier()).run(posts);
            List<ClassificationEvaluation.Row> ce = ClassificationEvaluation.summarise(placed);
            System.out.println();
            System.out.println("POSTING CLASSIFICATION (" + posts.size() + " posts without a ROME code)");
            System.out.println("words        n  accuracy coverage precision");
            ce.forEach(r -> System.out.println(r.format()));
            if (verbose) {
                placed.stream().filter(o -> !o.correct() || System.getenv("PASSERELLE_EVAL_ALL") != null)
                        .forEach(o -> System.out.printf(Locale.ROOT, "  %s: %s %-50s got %s (%.2f, %s), expected %s%n", o.correct() ? "right" : "wrong",
                        o.c().id(), o.c().words(), o.got(), o.confidence(), o.via(), o.c().expected().isEmpty() ? "none" : o.c().expected()));
            }
            BridgeEvaluation bridge = new BridgeEvaluation(p.store(), p.search());
            int stride = bridgeFull ? 1 : BRIDGE_STRIDE;
            List<BridgeEvaluation.Row> be = BridgeEvaluation.summarise(bridge.runEngine(stride));
            List<BridgeEvaluation.Row> bb = BridgeEvaluation.summarise(bridge.runBaseline(stride));
            System.out.println();
            System.out.println("BRIDGE (" + BridgeEvaluation.FOLDS + "-fold cross-validation over the official crosswalks, "
                    + (bridgeFull ? "every title" : "every " + stride + "th title") + ")  |  plain BM25 over ESCO labels  | goal MAP");
            System.out.println("titles                     n     MAP   Acc@1  Acc@10  |     MAP   Acc@1  Acc@10");
            for (int i = 0; i < be.size(); i++) {
                BridgeEvaluation.Row base = bb.get(i);
                System.out.printf(Locale.ROOT, "%s  |  %.4f  %.4f  %.4f  | %s%n", be.get(i).format(), base.map(), base.acc1(), base.acc10(),
                        be.get(i).group().startsWith("rome") ? "≥ 0.90" : "≥ 0.70");
            }
            if (writeGolden) {
                if (!bridgeFull) {
                    List<String> lines = new ArrayList<>(List.of(
                            "# Expected bridge metrics (scripts/eval --write-golden; every " + stride + "th title of each group). A bridge change must update this file on purpose.",
                            "# titles\tunits\tMAP\tAcc@1\tAcc@10"));
                    be.forEach(r -> lines.add(String.format(Locale.ROOT, "%s\t%d\t%.4f\t%.4f\t%.4f", r.group(), r.units(), r.map(), r.acc1(), r.acc10())));
                    Files.write(judgments.resolve(BRIDGE_GOLDEN), lines);
                    System.out.println("wrote " + judgments.resolve(BRIDGE_GOLDEN));
                }
                writeGolden(judgments.resolve(SEARCH_GOLDEN), "search", e);
                writeGolden(judgments.resolve(MATCH_GOLDEN), "match", me);
                List<String> lines = new ArrayList<>(List.of(
                        "# Expected posting classification metrics (scripts/eval --write-golden). A classifier change must update this file on purpose.",
                        "# words\tcases\taccuracy\tcoverage\tprecision"));
                ce.forEach(r -> lines.add(String.format(Locale.ROOT, "%s\t%d\t%.4f\t%.4f\t%.4f", r.group(), r.cases(), r.accuracy(), r.coverage(), r.precision())));
                Files.write(judgments.resolve(CLASSIFICATION_GOLDEN), lines);
                System.out.println("wrote " + judgments.resolve(CLASSIFICATION_GOLDEN));
            }
        }
    }
}
