package eu.passerelle.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/search}. Each hit carries its record's own fields (they differ by type).
 *
 * @param near        the place the distances are measured from, when one was given
 * @param radiusKm    the radius actually used (it may have been widened)
 * @param expanded    the curated synonyms the query was expanded with, so the reader sees why a result matched
 * @param totalRelation "eq" when {@code total} is exact, "gte" when it is a lower bound: past a thousand
 *                  matches the top hits are found without visiting every match, so the rest are not counted
 * @param facetTitles the title of each facet dimension in the language asked ({@link #in})
 * @param lang        the language the labels were asked in ({@link #in})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(long total, List<Hit> items, Map<String, List<FacetValue>> facets,
                             long tookMs, Map<String, Object> near, Double radiusKm, List<Expansion> expanded,
                             String totalRelation, Map<String, String> facetTitles, String lang) {
    public static final String EXACT = "eq";
    public static final String AT_LEAST = "gte";

    public SearchResponse(long total, List<Hit> items, Map<String, List<FacetValue>> facets,
                          long tookMs, Map<String, Object> near, Double radiusKm, List<Expansion> expanded) {
        this(total, items, facets, tookMs, near, radiusKm, expanded, EXACT);
    }

    public SearchResponse(long total, List<Hit> items, Map<String, List<FacetValue>> facets,
                          long tookMs, Map<String, Object> near, Double radiusKm, List<Expansion> expanded, String totalRelation) {
        this(total, items, facets, tookMs, near, radiusKm, expanded, totalRelation, null, null);
    }

    /** @param label the value's name in the language asked ("BE" → "Belgique"), so no client shows a code */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetValue(String value, long count, String label) {
        public FacetValue(String value, long count) {
            this(value, count, null);
        }
    }

    public record Expansion(String matched, List<String> with, String source) {
    }

    /**
     * The same answer for a person reading {@code lang}: referential labels in that language where they
     * exist (each saying its language), facet titles and value names in that language. A copy: answers are
     * cached and shared.
     */
    public SearchResponse in(String lang) {
        Map<String, List<FacetValue>> named = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        if (facets != null) {
            facets.forEach((dim, values) -> {
                titles.put(dim, Vocabulary.dimension(dim, lang));
                named.put(dim, values.stream().map(v -> new FacetValue(v.value(), v.count(), Vocabulary.value(dim, v.value(), lang))).toList());
            });
        }
        return new SearchResponse(total, LabelLanguage.hits(items, lang), facets == null ? null : named, tookMs, near, radiusKm,
                expanded, totalRelation, facets == null ? null : titles, lang);
    }
}
