package eu.passerelle.api;

import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.Place;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Json;
import eu.passerelle.search.ConceptSearch;
import eu.passerelle.search.PhaseTimer;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.SearchResponse;
import eu.passerelle.search.SearchService;
import eu.passerelle.search.SuggestService;
import eu.passerelle.search.Vocabulary;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code GET /api/v1/search} and {@code GET /api/v1/suggest}: parse, validate, delegate. */
final class SearchController {
    static final Set<String> SEARCH_PARAMS = Params.oneOf("q", "type", "scheme", "country", "near", "radiusKm", "lang",
            "limit", "offset", "modality", "level", "contract", "sort", "synthetic", "facets", "group");
    static final Set<String> SUGGEST_PARAMS = Params.oneOf("q", "type", "limit", "lang");
    private static final Set<String> TYPES = Arrays.stream(RecordType.values()).map(RecordType::wireName).collect(Collectors.toCollection(LinkedHashSet::new));
    private static final Pattern SCHEME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> MODALITIES = Params.oneOf("presentiel", "hybride", "distance");
    private static final Set<String> LEVELS = Params.oneOf("1", "2", "3", "4", "5", "6", "7", "8");
    /** Looks like "lat,lon" (compiled once: String.matches compiles its pattern on every call). */
    private static final Pattern LAT_LON = Pattern.compile("^\\s*-?[0-9.]+\\s*,\\s*-?[0-9.]+\\s*$");
    /** Lucene query syntax: field:( / field:[ / field:" / *:* / a lone wildcard term. Users type words, not queries. */
    private static final Pattern QUERY_SYNTAX = Pattern.compile("\\*:\\*|[\\p{L}_][\\p{L}\\p{N}_.]*:\\s*[(\\[{\"*]|(^|\\s)[*?]+(\\s|$)|\\b(AND|OR|NOT)\\s*\\(");

    private final ConceptSearch search;
    private final SuggestService suggest;
    private final Gazetteer gazetteer;

    SearchController(ConceptSearch search, SuggestService suggest, Gazetteer gazetteer) {
        this.search = search;
        this.suggest = suggest;
        this.gazetteer = gazetteer;
    }

    void search(Context ctx) throws java.io.IOException {
        PhaseTimer timer = new PhaseTimer();
        Params.onlyKnown(ctx, SEARCH_PARAMS);
        String q = Params.text(ctx, "q", SearchRequest.MAX_Q_LENGTH);
        if (q != null) {
            checkPlainText(q);
        }
        Set<RecordType> types = Params.list(ctx, "type", TYPES::contains, String.join(", ", TYPES), false).stream()
                .map(t -> RecordType.fromWire(t).orElseThrow()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> schemes = Params.list(ctx, "scheme", s -> SCHEME.matcher(s).matches(), "rome, esco, competent, onisep, seed or a feed name", false);
        Set<String> countries = Params.list(ctx, "country", c -> COUNTRY.matcher(c).matches(), "ISO 3166 two-letter codes such as FR, BE, LU", true);
        Set<String> modalities = Params.list(ctx, "modality", MODALITIES::contains, String.join(", ", MODALITIES), false);
        Set<String> levels = Params.list(ctx, "level", LEVELS::contains, "a European qualification level 1 to 8", false);
        Set<String> contracts = Params.list(ctx, "contract", c -> true, "a contract type", true).stream()
                .map(c -> c.equals("CDI") || c.equals("CDD") ? c : c.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
        Place near = near(ctx);
        Double radius = Params.decimal(ctx, "radiusKm", 0, SearchRequest.MAX_RADIUS_KM);
        if (radius != null && near == null) {
            throw ApiProblem.badParameter("radiusKm", "'radiusKm' needs 'near' (a place name or lat,lon) to measure from.");
        }
        String lang = lang(ctx);
        String sort = Params.text(ctx, "sort", 20);
        if (sort != null && !Set.of("relevance", "distance").contains(sort)) {
            throw ApiProblem.badParameter("sort", "'sort' must be relevance or distance; got '" + sort + "'.");
        }
        if ("distance".equals(sort) && near == null) {
            throw ApiProblem.badParameter("sort", "'sort=distance' needs 'near'.");
        }
        String synthetic = Params.text(ctx, "synthetic", 5);
        if (synthetic != null && !Set.of("true", "false").contains(synthetic)) {
            throw ApiProblem.badParameter("synthetic", "'synthetic' must be true or false.");
        }
        int limit = Params.integer(ctx, "limit", SearchRequest.DEFAULT_LIMIT, 1, SearchRequest.MAX_LIMIT);
        int offset = Params.integer(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET);
        SearchRequest request = new SearchRequest(q, types, schemes, countries, modalities, levels, contracts, near, radius,
                lang, sort, !"false".equals(synthetic), limit, offset, facets(ctx));
        timer.mark("parse");
        String cacheControl = ctx.header("Cache-Control");
        String group = Params.text(ctx, "group", 10);
        if (group != null && !group.equals("concept") && !group.equals("none")) {
            throw ApiProblem.badParameter("group", "'group' must be concept (one item per occupation, the default) or none (the flat list); got '" + group + "'.");
        }
        SearchResponse answer = search.search(request, !"none".equals(group), cacheControl == null || !cacheControl.contains("no-cache"), timer).in(lang);
        byte[] body = Json.MAPPER.writeValueAsBytes(answer);
        timer.mark("json");
        ctx.header("Server-Timing", timer.serverTiming());
        ctx.contentType("application/json").result(body);
    }

    /**
     * {@code facets=type,country} counts those dimensions, {@code facets=all} every one; without it none are
     * counted (the answer's {@code facets} is then empty): counting scores every match, which a page of hits
     * alone never needs.
     */
    private static Set<String> facets(Context ctx) {
        String all = String.join(", ", SearchService.FACET_DIMS);
        Set<String> asked = Params.list(ctx, "facets", f -> f.equals("all") || f.equals("none") || SearchService.FACET_DIMS.contains(f),
                "all, none or some of " + all, false);
        if (asked.contains("all")) {
            return Set.copyOf(SearchService.FACET_DIMS);
        }
        return asked.stream().filter(f -> !f.equals("none")).collect(Collectors.toSet());
    }

    void suggest(Context ctx) {
        Params.onlyKnown(ctx, SUGGEST_PARAMS);
        String q = Params.text(ctx, "q", 100);
        if (q == null) {
            throw ApiProblem.badParameter("q", "'q' is required: the start of a word to complete.");
        }
        Set<String> types = Params.list(ctx, "type", SuggestService.TYPES::contains, String.join(", ", SuggestService.TYPES), false);
        int limit = Params.integer(ctx, "limit", SuggestService.DEFAULT_LIMIT, 1, SuggestService.MAX_LIMIT);
        ctx.json(Map.of("items", suggest.suggest(q, types, limit, lang(ctx))));
    }

    /** {@code lang} (fr, nl, en; fr when absent): the language of the labels and names in the answer. */
    static String lang(Context ctx) {
        String lang = Params.text(ctx, "lang", 5);
        if (lang != null && !Vocabulary.LANGS.contains(lang.toLowerCase(java.util.Locale.ROOT))) {
            throw ApiProblem.badParameter("lang", "'lang' must be one of fr, nl, en; got '" + lang + "'.");
        }
        return Vocabulary.lang(lang);
    }

    private Place near(Context ctx) {
        String near = Params.text(ctx, "near", 200);
        if (near == null) {
            return null;
        }
        if (LAT_LON.matcher(near).matches() && Gazetteer.parseLatLon(near).isEmpty()) {
            throw ApiProblem.badParameter("near", "'near' looks like coordinates but is not a valid lat,lon (latitude −90..90, longitude −180..180): '" + near + "'.");
        }
        return gazetteer.resolve(near).orElseThrow(() -> ApiProblem.badParameter("near",
                "'near' is neither lat,lon nor a known place in FR, BE, LU, DE, NL or CH: '" + near + "'. Try GET /api/v1/suggest?type=place&q=..."));
    }

    private static void checkPlainText(String q) {
        if (QUERY_SYNTAX.matcher(q).find()) {
            throw ApiProblem.badParameter("q", "'q' looks like Lucene query syntax; type words, not a query (fields, wildcards and boolean operators are not accepted).");
        }
        int depth = 0;
        for (char c : q.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                break;
            }
        }
        if (depth != 0) {
            throw ApiProblem.badParameter("q", "'q' has unbalanced parentheses.");
        }
    }
}
