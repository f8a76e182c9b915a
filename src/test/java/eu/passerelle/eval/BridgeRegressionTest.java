package eu.passerelle.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.passerelle.Passerelle;
import eu.passerelle.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the computed bridge's cross-validated numbers (every {@value Evaluate#BRIDGE_STRIDE}th title of each group,
 * the subset {@code scripts/eval} prints and writes by default) to {@code bridge-metrics.golden.tsv}.
 */
class BridgeRegressionTest {
    private static final Path GOLDEN = Path.of("src/test/resources/relevance").resolve(Evaluate.BRIDGE_GOLDEN);

    @Test
    void bridgeMetricsAreTheRecordedOnes() throws Exception {
        Passerelle p = TestService.passerelle();
        BridgeEvaluation eval = new BridgeEvaluation(p.store(), p.search());
        List<BridgeEvaluation.Row> rows = BridgeEvaluation.summarise(eval.runEngine(Evaluate.BRIDGE_STRIDE));
        Map<String, String[]> golden = Files.readAllLines(GOLDEN).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t")).collect(Collectors.toMap(f -> f[0], f -> f));
        assertThat(rows).extracting(BridgeEvaluation.Row::group).containsExactlyInAnyOrderElementsOf(golden.keySet());
        for (BridgeEvaluation.Row r : rows) {
            String[] g = golden.get(r.group());
            assertThat(r.units()).as(r.group() + " units").isEqualTo(Integer.parseInt(g[1]));
            assertThat(r.map()).as(r.group() + " MAP").isCloseTo(Double.parseDouble(g[2]), within(0.0005));
            assertThat(r.acc1()).as(r.group() + " Acc@1").isCloseTo(Double.parseDouble(g[3]), within(0.0005));
            assertThat(r.acc10()).as(r.group() + " Acc@10").isCloseTo(Double.parseDouble(g[4]), within(0.0005));
        }
    }

    @Test
    void averagePrecisionCountsEveryMappedOccupation() {
        assertThat(BridgeEvaluation.averagePrecision(List.of("a", "x", "b"), Set.of("a", "b"))).isCloseTo((1 + 2 / 3.0) / 2, within(1e-9));
        assertThat(BridgeEvaluation.averagePrecision(List.of("x"), Set.of("a"))).isZero();
        // Folds depend on the code only, so a hidden title never sees its own mappings.
        assertThat(BridgeEvaluation.fold("12345")).isEqualTo(BridgeEvaluation.fold("12345")).isBetween(0, BridgeEvaluation.FOLDS - 1);
    }
}
