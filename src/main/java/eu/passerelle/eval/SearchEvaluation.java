package eu.passerelle.eval;

import eu.passerelle.model.RecordType;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.SearchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs the search judgments through the engine and through the plain-BM25 baseline, per group. */
public final class SearchEvaluation {
    /** Mean metrics of a group of queries. */
    public record Row(String group, int queries, double ndcg, double mrr, double recall) {
        public String format() {
            return String.format(Locale.ROOT, "%-10s %3d  %.4f  %.4f  %.4f", group, queries, ndcg, mrr, recall);
        }
    }

    /** One query's result, for diagnosis. */
    public record QueryResult(Judgments.Case c, List<String> ranked, double ndcg) {
    }

    private final SearchService search;
    /** The API's concept search, for the cases restricted to one referential; null: every case as plain text search. */
    private final eu.passerelle.search.ConceptSearch concepts;

    public SearchEvaluation(SearchService search) {
        this(search, null);
    }

    public SearchEvaluation(SearchService search, eu.passerelle.search.ConceptSearch concepts) {
        this.search = search;
        this.concepts = concepts;
    }

    public static SearchRequest request(Judgments.Case c) {
        Set<RecordType> types = c.params().containsKey("type")
                ? Arrays.stream(c.params().get("type").split(",")).map(t -> RecordType.fromWire(t).orElseThrow()).collect(Collectors.toCollection(LinkedHashSet::new))
                : Set.of();
        Set<String> schemes = c.params().containsKey("scheme") ? Set.of(c.params().get("scheme").split(",")) : Set.of();
        return new SearchRequest(c.query(), types, schemes, Set.of(), Set.of(), Set.of(), Set.of(), null, null,
                c.params().getOrDefault("lang", "fr"), null, true, Metrics.K, 0);
    }

    public List<QueryResult> runEngine(Judgments j) {
        // A case restricted to one referential is answered as the API answers it: through the crosswalks, grouped by
        // concept. The others measure the text search itself, as they always have.
        return run(j, c -> (concepts != null && c.params().containsKey("scheme") ? concepts.search(request(c), true, true) : search.search(request(c)))
                .items().stream().map(eu.passerelle.search.Hit::id).toList());
    }

    public List<QueryResult> runBaseline(Judgments j) {
        return run(j, c -> search.baselineIds(request(c), Metrics.K));
    }

    private static List<QueryResult> run(Judgments j, Function<Judgments.Case, List<String>> ranker) {
        List<QueryResult> out = new ArrayList<>();
        for (Judgments.Case c : j.cases()) {
            List<String> ranked = ranker.apply(c);
            out.add(new QueryResult(c, ranked, Metrics.ndcg(ranked, c.grades(), Metrics.K)));
        }
        return out;
    }

    /** Rows per group, in first-seen order, then "all". */
    public static List<Row> summarise(List<QueryResult> results) {
        Map<String, List<QueryResult>> byGroup = new LinkedHashMap<>();
        for (QueryResult r : results) {
            byGroup.computeIfAbsent(r.c().group(), g -> new ArrayList<>()).add(r);
        }
        byGroup.put("all", results);
        List<Row> rows = new ArrayList<>();
        byGroup.forEach((g, list) -> rows.add(new Row(g, list.size(),
                list.stream().mapToDouble(QueryResult::ndcg).average().orElse(0),
                list.stream().mapToDouble(r -> Metrics.reciprocalRank(r.ranked(), r.c().grades())).average().orElse(0),
                list.stream().mapToDouble(r -> Metrics.recall(r.ranked(), r.c().grades(), Metrics.K)).average().orElse(0))));
        return rows;
    }
}
