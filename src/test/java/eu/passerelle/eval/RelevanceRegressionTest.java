package eu.passerelle.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.passerelle.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the search relevance metrics to the golden file. A ranking change moves them: this test then fails
 * until {@code scripts/eval --write-golden} records the new numbers, and the diff of the golden file is
 * reviewed with the change (as Anserini does with its regression configs).
 */
class RelevanceRegressionTest {
    private static final Path DIR = Path.of("src/test/resources/relevance");

    @Test
    void searchMetricsAreTheRecordedOnes() throws Exception {
        Judgments judgments = Judgments.read(DIR.resolve(Evaluate.SEARCH_JUDGMENTS));
        assertThat(judgments.cases()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(judgments.cases()).anyMatch(c -> "nl".equals(c.params().get("lang")));
        List<SearchEvaluation.Row> rows = SearchEvaluation.summarise(new SearchEvaluation(TestService.passerelle().search(), TestService.passerelle().concepts()).runEngine(judgments));
        assertMatchesGolden(rows, DIR.resolve(Evaluate.SEARCH_GOLDEN));
    }

    @Test
    void matchMetricsAreTheRecordedOnes() throws Exception {
        List<MatchEvaluation.Case> cases = MatchEvaluation.read(DIR.resolve(Evaluate.MATCH_JUDGMENTS));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).extracting(c -> c.target().wireName()).contains("occupation", "training", "posting");
        assertThat(cases).anyMatch(c -> c.group().equals("nl")).anyMatch(c -> c.group().equals("cross-border"));
        List<SearchEvaluation.Row> rows = SearchEvaluation.summarise(new MatchEvaluation(TestService.passerelle()).runEngine(cases));
        assertMatchesGolden(rows, DIR.resolve(Evaluate.MATCH_GOLDEN));
    }

    @Test
    void nothingThatMustNotAppearReachesTheFirstPage() throws Exception {
        List<MatchEvaluation.Case> cases = MatchEvaluation.read(DIR.resolve(Evaluate.MATCH_JUDGMENTS));
        // The absurd answers users met (kinderbegeleider, CAP AEPE, "anim"), on occupations and trainings.
        assertThat(cases.stream().filter(c -> !c.mustNot().isEmpty()).count()).isGreaterThanOrEqualTo(4);
        assertThat(cases).anyMatch(c -> !c.mustNot().isEmpty() && c.target().wireName().equals("training"));
        MatchEvaluation eval = new MatchEvaluation(TestService.passerelle());
        assertThat(eval.violations(cases, eval.runEngine(cases))).isEmpty();
    }

    @Test
    void postingClassificationMetricsAreTheRecordedOnes() throws Exception {
        List<ClassificationEvaluation.Case> cases = ClassificationEvaluation.read(DIR.resolve(Evaluate.CLASSIFICATION_JUDGMENTS));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).anyMatch(c -> c.expected().isEmpty()).anyMatch(c -> c.from().equals("occupation"));
        List<ClassificationEvaluation.Row> rows = ClassificationEvaluation.summarise(
                new ClassificationEvaluation(TestService.passerelle().classifier()).run(cases));
        Map<String, double[]> actual = new java.util.LinkedHashMap<>();
        rows.forEach(r -> actual.put(r.group(), new double[] {r.cases(), r.accuracy(), r.coverage(), r.precision()}));
        assertGolden(actual, DIR.resolve(Evaluate.CLASSIFICATION_GOLDEN), "cases", "accuracy", "coverage", "precision");
    }

    private static void assertMatchesGolden(List<SearchEvaluation.Row> rows, Path goldenFile) throws Exception {
        Map<String, double[]> actual = new java.util.LinkedHashMap<>();
        rows.forEach(r -> actual.put(r.group(), new double[] {r.queries(), r.ndcg(), r.mrr(), r.recall()}));
        assertGolden(actual, goldenFile, "queries", "nDCG@10", "MRR", "Recall@10");
    }

    /** Each group's count and three metrics against its row of the golden file (group, count, three metrics). */
    private static void assertGolden(Map<String, double[]> actual, Path goldenFile, String... names) throws Exception {
        Map<String, String[]> golden = Files.readAllLines(goldenFile).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t"))
                .collect(Collectors.toMap(f -> f[0], f -> f));
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(golden.keySet());
        // Every number measured, in the golden file's layout, in any failure's message: one run shows all that moved.
        String measured = actual.entrySet().stream().map(e -> String.format(java.util.Locale.ROOT, "%s\t%d\t%.4f\t%.4f\t%.4f", e.getKey(),
                (int) e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).collect(Collectors.joining("\n"));
        actual.forEach((group, v) -> {
            String[] g = golden.get(group);
            assertThat((int) v[0]).as(group + " " + names[0] + "; measured:\n" + measured).isEqualTo(Integer.parseInt(g[1]));
            for (int i = 1; i < 4; i++) {
                assertThat(v[i]).as(group + " " + names[i] + "; measured:\n" + measured).isCloseTo(Double.parseDouble(g[i + 1]), within(0.0005));
            }
        });
    }

    @Test
    void theEngineBeatsPlainBm25OnTheSameDocuments() throws Exception {
        Judgments judgments = Judgments.read(DIR.resolve(Evaluate.SEARCH_JUDGMENTS));
        SearchEvaluation eval = new SearchEvaluation(TestService.passerelle().search(), TestService.passerelle().concepts());
        double engine = SearchEvaluation.summarise(eval.runEngine(judgments)).getLast().ndcg();
        double baseline = SearchEvaluation.summarise(eval.runBaseline(judgments)).getLast().ndcg();
        assertThat(engine).isGreaterThan(baseline + 0.1);
    }

    @Test
    void metricsAreComputedAsDefined() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 2, "c", 1);
        assertThat(Metrics.ndcg(List.of("a", "b", "c"), grades, 10)).isCloseTo(1.0, within(1e-9));
        assertThat(Metrics.ndcg(List.of("x", "y"), grades, 10)).isZero();
        assertThat(Metrics.ndcg(List.of("c", "b", "a"), grades, 10)).isBetween(0.5, 0.99);
        assertThat(Metrics.reciprocalRank(List.of("x", "c", "b"), grades)).isEqualTo(1.0 / 3);
        assertThat(Metrics.recall(List.of("b", "x"), grades, 10)).isEqualTo(0.5);
    }
}
