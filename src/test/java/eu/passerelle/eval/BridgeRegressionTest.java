package eu.passerelle.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.passerelle.Passerelle;
import eu.passerelle.TestService;
import eu.passerelle.match.TitleBridge;
import eu.passerelle.model.RecordType;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.store.BridgeStore.OccupationLink;
import eu.passerelle.store.BridgeStore.SkillLink;
import java.util.ArrayList;
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

    /**
     * The hidden fold's official pairs never reach the bridge, directly or through a derived table: a bridge that is
     * given them does much better (so a leak would show), the search it runs answers from the index's own labels
     * (no {@code equivalents} or {@code via}), and emptying every link the store derived from the crosswalks
     * (official, composed, computed) changes none of its answers.
     */
    @Test
    void hiddenPairsNeverReachTheBridge() {
        Passerelle p = TestService.passerelle();
        BridgeEvaluation eval = new BridgeEvaluation(p.store(), p.search());
        int hidden = 0;
        List<BridgeEvaluation.Unit> units = eval.sample(16, 3).stream().filter(u -> BridgeEvaluation.fold(u.code()) == hidden).toList();
        assertThat(units).hasSizeGreaterThan(50);
        List<List<String>> blind = ranks(eval.bridge(hidden), units);
        List<List<String>> told = ranks(new TitleBridge(p.search(), eval.labels(), p.store().bridges().mappings()), units);
        assertThat(map(units, told)).as("a bridge given the hidden pairs").isGreaterThan(map(units, blind) + 0.1);

        for (BridgeEvaluation.Unit u : units) {
            SearchRequest r = new SearchRequest(u.title(), Set.of(RecordType.OCCUPATION), Set.of("esco"), Set.of(), Set.of(), Set.of(), Set.of(),
                    null, null, u.lang(), null, true, 20, 0);
            assertThat(p.search().search(r, false).items()).allSatisfy(h -> assertThat(h.json()).doesNotContainKeys("equivalents", "via"));
        }

        List<OccupationLink> links = new ArrayList<>();
        List<SkillLink> skillLinks = new ArrayList<>();
        p.store().bridges().forEachOccupationLink(links::add);
        p.store().bridges().forEachSkillLink(skillLinks::add);
        assertThat(links).isNotEmpty();
        try {
            p.store().bridges().replace(List.of(), skillLinks);
            assertThat(ranks(eval.bridge(hidden), units)).isEqualTo(blind);
        } finally {
            p.store().bridges().replace(links, skillLinks);
        }
    }

    private static List<List<String>> ranks(TitleBridge bridge, List<BridgeEvaluation.Unit> units) {
        return units.stream().map(u -> bridge.rank(u.title(), u.lang(), u.fiche(), u.fromId(), Metrics.K).stream()
                .map(TitleBridge.Candidate::escoId).toList()).toList();
    }

    private static double map(List<BridgeEvaluation.Unit> units, List<List<String>> ranks) {
        double sum = 0;
        for (int i = 0; i < units.size(); i++) {
            sum += BridgeEvaluation.averagePrecision(ranks.get(i), units.get(i).relevant());
        }
        return sum / units.size();
    }

    @Test
    void averagePrecisionCountsEveryMappedOccupation() {
        assertThat(BridgeEvaluation.averagePrecision(List.of("a", "x", "b"), Set.of("a", "b"))).isCloseTo((1 + 2 / 3.0) / 2, within(1e-9));
        assertThat(BridgeEvaluation.averagePrecision(List.of("x"), Set.of("a"))).isZero();
        // Folds depend on the code only, so a hidden title never sees its own mappings.
        assertThat(BridgeEvaluation.fold("12345")).isEqualTo(BridgeEvaluation.fold("12345")).isBetween(0, BridgeEvaluation.FOLDS - 1);
    }
}
