package eu.passerelle.search;

import eu.passerelle.model.Place;
import eu.passerelle.model.RecordType;
import java.util.Set;

/**
 * A validated search: every value here has been checked by the API layer.
 *
 * @param q         free text, or null to select by filters alone
 * @param near      resolved place, or null
 * @param radiusKm  radius around {@code near}; null means "widen by itself until something is found"
 * @param sort      "relevance" or "distance"; null picks distance when there is a place and no text
 * @param facets    the facet dimensions to count (none when empty): counting means scoring every match, so
 *                  it is done only when asked, as search engines' APIs do
 */
public record SearchRequest(String q, Set<RecordType> types, Set<String> schemes, Set<String> countries,
                            Set<String> modalities, Set<String> levels, Set<String> contracts, Place near,
                            Double radiusKm, String lang, String sort, boolean synthetic, int limit, int offset, Set<String> facets) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;
    public static final int MAX_Q_LENGTH = 500;
    public static final double MAX_RADIUS_KM = 500;
    /** Radii tried in turn when a place is given without a radius (as La Bonne Alternance does, further). */
    public static final double[] AUTO_RADII_KM = {20, 50, 100, 200};

    /** A request that counts no facets: what the service's own callers (match, crosswalk, evaluation) need. */
    public SearchRequest(String q, Set<RecordType> types, Set<String> schemes, Set<String> countries,
                         Set<String> modalities, Set<String> levels, Set<String> contracts, Place near,
                         Double radiusKm, String lang, String sort, boolean synthetic, int limit, int offset) {
        this(q, types, schemes, countries, modalities, levels, contracts, near, radiusKm, lang, sort, synthetic, limit, offset, Set.of());
    }

    public SearchRequest {
        facets = facets == null ? Set.of() : Set.copyOf(facets);
    }

    /** Words among records of one type, in French, synthetic records included, first {@code limit}: what matching asks. */
    public static SearchRequest of(String q, RecordType type, int limit) {
        return new SearchRequest(q, Set.of(type), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, "fr", null, true, limit, 0);
    }

    /** The same request among records of these schemes only (all when empty). */
    public SearchRequest inSchemes(Set<String> only) {
        return new SearchRequest(q, types, Set.copyOf(only), countries, modalities, levels, contracts, near, radiusKm, lang, sort, synthetic, limit, offset, facets);
    }

    public boolean hasText() {
        return q != null && !q.isBlank();
    }
}
