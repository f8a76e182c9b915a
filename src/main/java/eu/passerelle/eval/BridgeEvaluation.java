package eu.passerelle.eval;

import eu.passerelle.match.BridgeLabels;
import eu.passerelle.match.TitleBridge;
import eu.passerelle.model.Occupation;
import eu.passerelle.model.RecordType;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.SearchService;
import eu.passerelle.store.BridgeStore.CrosswalkMapping;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How well the computed bridge finds what the official crosswalks say, by k-fold cross-validation over the
 * official pairs: each fold of ROME appellations and Compétent profiles is hidden in turn, {@link TitleBridge}
 * ranks ESCO occupations for each hidden title knowing only the other folds' mappings (plus labels, skills and
 * the search), and the hidden mappings score it: MAP (average precision over the top 10, against every ESCO
 * occupation the crosswalk maps the title to), Acc@1 (the first is one of them), Acc@10. Plain BM25 over the
 * ESCO labels in the title's language is scored beside it.
 */
public final class BridgeEvaluation {
    public static final int FOLDS = 5;

    /** One title to bridge: a ROME appellation, or a Compétent profile's French or Dutch title. */
    public record Unit(String group, String code, String fromId, String title, String lang, String fiche, Set<String> relevant) {
    }

    public record Row(String group, int units, double map, double acc1, double acc10) {
        public String format() {
            return String.format(Locale.ROOT, "%-22s %5d  %.4f  %.4f  %.4f", group, units, map, acc1, acc10);
        }
    }

    public record Result(Unit unit, List<String> ranked) {
    }

    private final SearchService search;
    private final List<CrosswalkMapping> mappings;
    private final List<Unit> units;
    private final BridgeLabels labels;

    public BridgeEvaluation(Store store, SearchService search) {
        this.search = search;
        this.mappings = store.bridges().mappings();
        this.units = units(store, mappings);
        List<Occupation> occupations = new ArrayList<>();
        store.records().forEach(RecordType.OCCUPATION, Occupation.class, occupations::add);
        this.labels = new BridgeLabels(occupations);
    }

    public static String group(String fromId, String lang) {
        return fromId.startsWith("rome:") ? "rome-appellation-" + lang : "competent-title-" + lang;
    }

    private static List<Unit> units(Store store, List<CrosswalkMapping> mappings) {
        Map<String, List<CrosswalkMapping>> byCode = new TreeMap<>();
        mappings.forEach(m -> byCode.computeIfAbsent(m.code(), k -> new ArrayList<>()).add(m));
        List<Unit> out = new ArrayList<>();
        for (List<CrosswalkMapping> rows : byCode.values()) {
            CrosswalkMapping first = rows.get(0);
            Set<String> relevant = new LinkedHashSet<>();
            rows.forEach(r -> relevant.add(r.escoId()));
            if (first.fromId().startsWith("rome:")) {
                out.add(new Unit(group(first.fromId(), "fr"), first.code(), first.fromId(), first.label(), "fr", first.fromId(), relevant));
            } else {
                Occupation o = store.records().find(RecordType.OCCUPATION, first.fromId(), Occupation.class).orElse(null);
                if (o == null) {
                    continue;
                }
                out.add(new Unit(group(first.fromId(), "fr"), first.code(), first.fromId(), o.title(), "fr", null, relevant));
                if (!o.titleNl().isEmpty()) {
                    out.add(new Unit(group(first.fromId(), "nl"), first.code(), first.fromId(), o.titleNl(), "nl", null, relevant));
                }
            }
        }
        return out;
    }

    static int fold(String code) {
        return Math.floorMod(code.hashCode(), FOLDS);
    }

    public List<Unit> units() {
        return units;
    }

    public BridgeLabels labels() {
        return labels;
    }

    /**
     * @param stride 1 scores every title; n scores every n-th of each group (the tests' subset, same folds)
     */
    public List<Result> runEngine(int stride) {
        List<Result> out = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int hidden = f;
            TitleBridge bridge = bridge(hidden);
            for (Unit u : sample(stride)) {
                if (fold(u.code()) == hidden) {
                    out.add(new Result(u, bridge.rank(u.title(), u.lang(), u.fiche(), u.fromId(), Metrics.K).stream()
                            .map(TitleBridge.Candidate::escoId).toList()));
                }
            }
        }
        return out;
    }

    /** The bridge as it would be built knowing every fold but the hidden one (no hidden pair reaches it). */
    public TitleBridge bridge(int hidden) {
        return new TitleBridge(search, labels, mappings.stream().filter(m -> fold(m.code()) != hidden).toList());
    }

    public List<Result> runBaseline(int stride) {
        List<Result> out = new ArrayList<>();
        for (Unit u : sample(stride)) {
            SearchRequest r = new SearchRequest(u.title(), Set.of(RecordType.OCCUPATION), Set.of("esco"), Set.of(), Set.of(), Set.of(), Set.of(),
                    null, null, u.lang(), null, true, Metrics.K, 0);
            out.add(new Result(u, search.baselineIds(r, Metrics.K)));
        }
        return out;
    }

    private List<Unit> sample(int stride) {
        return sample(stride, 1);
    }

    /** Every n-th title of each group from the given offset (1: the pinned subset; others: titles to tune on). */
    public List<Unit> sample(int stride, int offset) {
        Map<String, Integer> seen = new HashMap<>();
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            if (seen.merge(u.group(), 1, Integer::sum) % stride == offset % stride) {
                out.add(u);
            }
        }
        return out;
    }

    /** Rows per group (ROME appellations, Compétent FR titles, Compétent NL titles), in that order. */
    public static List<Row> summarise(List<Result> results) {
        Map<String, List<Result>> byGroup = new LinkedHashMap<>();
        for (String g : List.of("rome-appellation-fr", "competent-title-fr", "competent-title-nl")) {
            byGroup.put(g, new ArrayList<>());
        }
        results.forEach(r -> byGroup.computeIfAbsent(r.unit().group(), k -> new ArrayList<>()).add(r));
        List<Row> rows = new ArrayList<>();
        byGroup.forEach((g, list) -> rows.add(new Row(g, list.size(),
                list.stream().mapToDouble(r -> averagePrecision(r.ranked(), r.unit().relevant())).average().orElse(0),
                list.stream().mapToDouble(r -> !r.ranked().isEmpty() && r.unit().relevant().contains(r.ranked().get(0)) ? 1 : 0).average().orElse(0),
                list.stream().mapToDouble(r -> r.ranked().stream().anyMatch(r.unit().relevant()::contains) ? 1 : 0).average().orElse(0))));
        return rows;
    }

    /** Average precision over the top 10, divided by the number of relevant occupations that fit in 10. */
    static double averagePrecision(List<String> ranked, Set<String> relevant) {
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < Math.min(Metrics.K, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
                sum += hits / (double) (i + 1);
            }
        }
        return relevant.isEmpty() ? 0 : sum / Math.min(Metrics.K, relevant.size());
    }
}
