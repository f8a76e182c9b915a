package eu.passerelle.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/search}. Each hit carries its record's own fields (they differ by type).
 *
 * @param near      the place the distances are measured from, when one was given
 * @param radiusKm  the radius actually used (it may have been widened)
 * @param expanded  the curated synonyms the query was expanded with, so the reader sees why a result matched
 * @param totalRelation "eq" when {@code total} is exact, "gte" when it is a lower bound: past a thousand
 *                  matches the top hits are found without visiting every match, so the rest are not counted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(long total, List<Hit> items, Map<String, List<FacetValue>> facets,
                             long tookMs, Map<String, Object> near, Double radiusKm, List<Expansion> expanded,
                             String totalRelation) {
    public static final String EXACT = "eq";
    public static final String AT_LEAST = "gte";

    public SearchResponse(long total, List<Hit> items, Map<String, List<FacetValue>> facets,
                          long tookMs, Map<String, Object> near, Double radiusKm, List<Expansion> expanded) {
        this(total, items, facets, tookMs, near, radiusKm, expanded, EXACT);
    }

    public record FacetValue(String value, long count) {
    }

    public record Expansion(String matched, List<String> with, String source) {
    }
}
