package eu.passerelle.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Duration;
import eu.passerelle.geo.GeoMath;
import eu.passerelle.index.Analysis;
import eu.passerelle.index.Display;
import eu.passerelle.index.Fields;
import eu.passerelle.index.SearchIndex;
import eu.passerelle.model.Json;
import eu.passerelle.model.Place;
import eu.passerelle.model.RecordType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Free-text and filter search over every record type, with disjunctive facets, distances and highlights.
 * Filters never score: they are FILTER clauses. Facet counts for a dimension ignore that dimension's own
 * filter, so choosing "BE" still shows how many "FR" results there are.
 */
public final class SearchService {
    public static final List<String> FACET_DIMS = List.of(Fields.TYPE, Fields.SCHEME, Fields.COUNTRY, Fields.MODALITY, Fields.LEVEL, Fields.CONTRACT);
    private static final TypeReference<LinkedHashMap<String, Object>> ITEM = new TypeReference<>() { };
    private static final com.fasterxml.jackson.databind.ObjectReader ITEM_READER = Json.MAPPER.readerFor(ITEM);
    private static final float PRIOR_WEIGHT = 0.5f;
    private static final float PRIOR_PIVOT = 0.5f;
    private static final int SNIPPET_CHARS = 200;
    private static final int SNIPPET_SOURCE_CHARS = 10_000;
    // Compiled once: String.replaceAll compiles its pattern on every call.
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern HALF_TAG_START = java.util.regex.Pattern.compile("^[^<]*?>");
    private static final java.util.regex.Pattern HALF_TAG_END = java.util.regex.Pattern.compile("<[^>]*$");
    private static final java.util.regex.Pattern HALF_ESCAPE_START = java.util.regex.Pattern.compile("^[#A-Za-z0-9]{0,8};");
    private static final java.util.regex.Pattern HALF_ESCAPE_END = java.util.regex.Pattern.compile("&[#A-Za-z0-9]{0,8}$");
    private static final Set<String> STORED_FOR_ITEM = Set.of(Fields.SOURCE, Fields.TITLE, Fields.LABELS);
    /**
     * Matches counted exactly before the top hits are searched with block-max WAND, which skips documents
     * that cannot enter the top: past it, {@code total} is a lower bound ("gte"), as no page shows more.
     */
    static final int TOTAL_HITS_THRESHOLD = 1_000;

    /** Answers kept for repeated searches, bounded by their size (characters of their JSON), not their number. */
    private static final long CACHE_JSON_CHARS = 32L << 20;

    private final SearchIndex index;
    private final TextQuery textQuery;
    /**
     * Keyed by the version of the searcher that answered: a refresh that shows a write makes every older
     * answer unreachable, and an answer computed while a refresh happened is not kept.
     */
    private final Cache<CacheKey, SearchResponse> cache;

    private record CacheKey(SearchRequest request, long searcherVersion) {
    }

    /**
     * The text query built for words, by the version of the reader it was built against (typos are told from
     * known words by the index as it is): the same words with other filters, another page or another place, and
     * an uncached repeat, skip the analysis, synonym lookup and typo probes (~0.3 ms of CPU). The request-path caches
     * keep themselves up on the calling thread ({@code Runnable::run}): on the common pool every write woke a thread.
     */
    private final Cache<BuiltKey, TextQuery.Built> built = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run).build();

    private record BuiltKey(String q, String lang, long readerVersion) {
    }

    public SearchService(SearchIndex index, Synonyms synonyms) {
        this.index = index;
        this.textQuery = new TextQuery(synonyms);
        this.cache = Caffeine.newBuilder().executor(Runnable::run).maximumWeight(CACHE_JSON_CHARS)
                .weigher((CacheKey k, SearchResponse v) -> estimatedJsonChars(v)).expireAfterWrite(Duration.ofMinutes(10)).recordStats().build();
    }

    /**
     * About the size of the answer's JSON, without writing it: writing it to weigh it cost every search, cached or not,
     * ~0.3 ms of CPU (as much as the whole of reading its hits). An item's JSON is ~650 characters on average over
     * the bench's searches; 1,024 per item plus 48 per facet value keeps the bound on the safe side.
     */
    static int estimatedJsonChars(SearchResponse v) {
        int facetValues = v.facets() == null ? 0 : v.facets().values().stream().mapToInt(List::size).sum();
        return 512 + 1_024 * v.items().size() + 48 * facetValues;
    }

    /** The version of the searcher answering now: what caches built on search answers are keyed by. */
    public long searcherVersion() {
        return index.searcherVersion();
    }

    public CacheStats cacheStats() {
        return cache.stats();
    }

    public SearchResponse search(SearchRequest r) {
        return search(r, true);
    }

    /** @param useCache false recomputes the answer (a client's "Cache-Control: no-cache") and refreshes the cache */
    public SearchResponse search(SearchRequest r, boolean useCache) {
        return search(r, useCache, new PhaseTimer());
    }

    /** @param timer charged with each phase of the request (the API layer sends it back as Server-Timing) */
    public SearchResponse search(SearchRequest r, boolean useCache, PhaseTimer timer) {
        long start = System.nanoTime();
        long version = index.searcherVersion();
        CacheKey key = new CacheKey(r, version);
        SearchResponse cached = useCache ? cache.getIfPresent(key) : null;
        if (cached != null) {
            timer.mark("cache");
            return new SearchResponse(cached.total(), cached.items(), cached.facets(), elapsed(start), cached.near(), cached.radiusKm(), cached.expanded(),
                    cached.totalRelation());
        }
        SearchResponse answer = compute(r, start, timer);
        if (index.searcherVersion() == version) { // else a refresh happened meanwhile: parts may come from either searcher
            cache.put(key, answer);
        }
        return answer;
    }

    private SearchResponse compute(SearchRequest r, long start, PhaseTimer timer) {
        TextQuery.Built text = r.hasText() ? index.search(s -> built(r.q(), r.lang(), s.getIndexReader())) : null;
        timer.mark("resolve");
        if (r.hasText() && text.query() == null) {
            // Only stop words ("de la"): nothing to look for, which is an empty answer, not an error.
            return new SearchResponse(0, List.of(), Map.of(), elapsed(start), nearOf(r), r.radiusKm(), List.of());
        }
        Double radius = r.radiusKm();
        SearchResponse answer = null;
        if (r.near() != null && radius == null) {
            for (double candidate : SearchRequest.AUTO_RADII_KM) {
                answer = run(r, text, candidate, start, timer);
                if (answer.total() > 0) {
                    break;
                }
            }
        } else {
            answer = run(r, text, radius, start, timer);
        }
        return answer;
    }

    private TextQuery.Built built(String q, String lang, org.apache.lucene.index.IndexReader reader) {
        long version = reader instanceof org.apache.lucene.index.DirectoryReader d ? d.getVersion() : -1;
        if (version < 0) {
            return buildText(q, lang, reader);
        }
        return built.get(new BuiltKey(q, lang, version), k -> buildText(q, lang, reader));
    }

    private TextQuery.Built buildText(String q, String lang, org.apache.lucene.index.IndexReader reader) {
        try {
            return textQuery.build(q, lang, reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The ids plain BM25 ranks first for the same request: one StandardAnalyzer field holding the same text,
     * the same filters, no synonyms, boosts, fuzziness or prior. The relevance evaluation's baseline.
     */
    public List<String> baselineIds(SearchRequest r, int k) {
        Query text = TextQuery.baseline(r.q());
        if (text == null) {
            return List.of();
        }
        Query query = combine(text, allFilters(r, r.radiusKm()), false);
        return index.search(searcher -> {
            StoredFields stored = searcher.storedFields();
            List<String> ids = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(query, k).scoreDocs) {
                ids.add(stored.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID));
            }
            return ids;
        });
    }

    /**
     * Records of a type linked to any of the given occupations (a posting's ROME codes, a training's stated
     * target occupations), optionally near a place and in some countries; nearest first when a place is given.
     */
    public List<Hit> linkedTo(RecordType type, Set<String> occupationIds, Place near, Double radiusKm, Set<String> countries, int limit) {
        List<Hit> items = new ArrayList<>();
        for (byte[] source : linkedSources(type, occupationIds, near, radiusKm, countries, limit)) {
            items.add(linkedHit(source, near));
        }
        return items;
    }

    /**
     * The records {@link #linkedTo} finds, in the same order, as their item JSON not yet read (UTF-8): a match looks at 200
     * posts and needs a few fields of each to score them, and reading every one's whole item into a map was most of
     * its posts' CPU. {@link #linkedHit} makes the hit of one of them (those of the returned page).
     */
    public List<byte[]> linkedSources(RecordType type, Set<String> occupationIds, Place near, Double radiusKm, Set<String> countries, int limit) {
        if (occupationIds.isEmpty()) {
            return List.of();
        }
        return index.search(searcher -> {
            // Every linked record scores the same: without an order of its own, which ones make the cut would follow
            // the index's document order, which a rebuild on every core changes.
            TopDocs top = LinkedOrder.first(searcher, type, occupationIds, near, radiusKm, countries, limit);
            // From the display doc values, as a search's hits are: a match looks at 200 posts, and decompressing each
            // one's stored block was half of a match's CPU.
            return sources(searcher, top.scoreDocs);
        });
    }

    /** The item JSON of each hit, as UTF-8 bytes, in the hits' order. */
    private static List<byte[]> sources(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        return java.util.Arrays.asList(fromDisplay(searcher, hits, new byte[hits.length][], Display::sourceUtf8,
                (stored, doc) -> stored.document(doc, Set.of(Fields.SOURCE)).get(Fields.SOURCE).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The hit of a record {@link #linkedSources} found, its distance from the place asked about (if any) set. */
    public static Hit linkedHit(byte[] source, Place near) {
        Map<String, Object> item;
        try {
            item = Json.MAPPER.readValue(source, ITEM);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Hit.of(item, null, near == null ? null : addDistance(item, near), null, null);
    }

    /** The search items of records by id (the shape a search answer gives them), for answers built from links. */
    public Map<String, Map<String, Object>> itemsById(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = terms(Fields.ID, new java.util.HashSet<>(ids));
        return index.search(searcher -> {
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            for (Display.Shown shown : shown(searcher, searcher.search(query, ids.size()).scoreDocs)) {
                Map<String, Object> item = ITEM_READER.readValue(shown.source());
                out.put((String) item.get("id"), item);
            }
            return out;
        });
    }

    /** A record one of whose labels occurs, word for word after analysis, in a text. */
    public record ContainedLabel(String id, String title, String scheme, String label, int words) {
    }

    /**
     * Records of a type having a title or label whose analysed words occur in sequence in the text
     * ("J'ai été auxiliaire de puériculture en crèche" contains J1304's title), longest label first.
     */
    public List<ContainedLabel> containedLabels(String text, RecordType type, int minWords, int limit) {
        return containedLabels(text, type, Set.of(), minWords, limit);
    }

    /** The same among records of the given schemes only (all when empty). */
    public List<ContainedLabel> containedLabels(String text, RecordType type, Set<String> schemes, int minWords, int limit) {
        List<String> words = Analysis.tokensInOrder(Fields.TITLE, text);
        Map<String, Integer> grams = new LinkedHashMap<>();
        for (int n = Math.min(8, words.size()); n >= minWords; n--) {
            for (int i = 0; i + n <= words.size(); i++) {
                grams.putIfAbsent(String.join(" ", words.subList(i, i + n)), n);
            }
        }
        if (grams.isEmpty()) {
            return List.of();
        }
        return bestLabels(terms(Fields.LABEL_KEY, grams.keySet()), type, schemes,
                label -> grams.getOrDefault(Analysis.labelKey(label), 0), false, limit);
    }

    /**
     * Records of a type and schemes (all when empty) having a title or label that contains every analysed word
     * of the text, in any order ("Aide maternelle en crèche" is within K1307's "Aide maternel / Aide maternelle
     * de crèche - Halte-garderie"): the text is a shortened label. {@code words} is the label's word count; the
     * closest (fewest extra words) first. Texts of fewer than {@code minWords} distinct words are too vague to try.
     */
    public List<ContainedLabel> labelsWithAllWords(String text, RecordType type, Set<String> schemes, int minWords, int limit) {
        List<String> words = Analysis.tokens(Fields.TITLE, text);
        if (words.size() < minWords) {
            return List.of();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : words) {
            all.add(new BooleanQuery.Builder()
                    .add(new org.apache.lucene.search.TermQuery(new Term(Fields.TITLE, w)), Occur.SHOULD)
                    .add(new org.apache.lucene.search.TermQuery(new Term(Fields.LABELS, w)), Occur.SHOULD).build(), Occur.MUST);
        }
        return bestLabels(all.build(), type, schemes, label -> {
            List<String> labelWords = Analysis.tokens(Fields.TITLE, label);
            return labelWords.containsAll(words) ? labelWords.size() : 0;
        }, true, limit);
    }

    /**
     * The hits of a label query among records of a type and schemes, each with its best title or label: among
     * those {@code words} gives a count for (0: the label does not qualify), the most words, or the fewest when
     * {@code fewestWords}. Ordered the same way, then ROME first (its appellations are French job titles), then id.
     */
    private List<ContainedLabel> bestLabels(Query labels, RecordType type, Set<String> schemes, java.util.function.ToIntFunction<String> words,
                                            boolean fewestWords, int limit) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(labels, Occur.MUST)
                .add(new org.apache.lucene.search.TermQuery(new Term(Fields.TYPE, type.wireName())), Occur.FILTER);
        if (!schemes.isEmpty()) {
            b.add(terms(Fields.SCHEME, schemes), Occur.FILTER);
        }
        Query query = b.build();
        return index.search(searcher -> {
            List<ContainedLabel> out = new ArrayList<>();
            // Up to 200 hits: read from the display doc values, as a search's hits are (~30 us each from the stored fields).
            for (Display.Shown d : shown(searcher, searcher.search(query, 200).scoreDocs)) {
                List<String> candidates = new ArrayList<>();
                candidates.add(d.title());
                candidates.addAll(d.labels());
                String best = null;
                int bestWords = 0;
                for (String l : candidates) {
                    int n = words.applyAsInt(l);
                    if (n > 0 && (best == null || (fewestWords ? n < bestWords : n > bestWords))) {
                        best = l;
                        bestWords = n;
                    }
                }
                if (best != null) {
                    Map<String, Object> item = ITEM_READER.readValue(d.source());
                    out.add(new ContainedLabel((String) item.get("id"), (String) item.get("title"), String.valueOf(item.get("scheme")), best, bestWords));
                }
            }
            Comparator<ContainedLabel> byWords = Comparator.comparingInt(ContainedLabel::words);
            out.sort((fewestWords ? byWords : byWords.reversed())
                    .thenComparing(c -> "rome".equals(c.scheme()) ? 0 : 1).thenComparing(ContainedLabel::id));
            return out.subList(0, Math.min(limit, out.size()));
        });
    }

    private SearchResponse run(SearchRequest r, TextQuery.Built text, Double radiusKm, long start, PhaseTimer timer) {
        // Dimensions counted are filtered by the sideways collector (so their counts stay disjunctive); every
        // other filter is a FILTER clause of the query.
        List<String> counted = FACET_DIMS.stream().filter(r.facets()::contains).toList();
        Map<String, Set<String>> sideways = new LinkedHashMap<>();
        List<Query> filters = new ArrayList<>(otherFilters(r, radiusKm));
        facetFilters(r).forEach((field, values) -> {
            if (counted.contains(field)) {
                sideways.put(field, values);
            } else {
                filters.add(terms(field, values));
            }
        });
        Query scoring = text == null ? MatchAllDocsQuery.INSTANCE : text.query();
        Query query = combine(scoring, filters, text != null);
        boolean byDistance = r.near() != null && ("distance".equals(r.sort()) || (r.sort() == null && text == null));
        int n = r.offset() + r.limit();
        return index.search(searcher -> {
            CollectorManager<? extends Collector, ? extends TopDocs> hits = byDistance
                    ? new TopFieldCollectorManager(new Sort(LatLonDocValuesField.newDistanceSort(Fields.LOCATION, r.near().lat(), r.near().lon()),
                            new SortedSetSortField(Fields.ID, false)), n, null, TOTAL_HITS_THRESHOLD)
                    : new TopScoreDocCollectorManager(n + Ties.MARGIN, TOTAL_HITS_THRESHOLD);
            TopDocs top;
            long total;
            String relation = SearchResponse.EXACT;
            Map<String, List<SearchResponse.FacetValue>> facets = new LinkedHashMap<>();
            if (counted.isEmpty()) {
                top = searcher.search(query, hits);
                total = top.totalHits.value();
                if (top.totalHits.relation() != org.apache.lucene.search.TotalHits.Relation.EQUAL_TO) {
                    relation = SearchResponse.AT_LEAST;
                }
                timer.mark("collect");
            } else {
                SidewaysCollectorManager.Result result = searcher.search(query, new SidewaysCollectorManager(hits, counted, sideways));
                top = result.top();
                total = result.matched();
                timer.mark("collect+facets");
                for (String dim : counted) {
                    Map<String, Long> values = result.counts().get(dim);
                    if (!values.isEmpty()) {
                        facets.put(dim, facetValues(values));
                    }
                }
                timer.mark("facets");
            }
            if (!byDistance) {
                top = Ties.byScoreThenId(searcher, top, n);
            }
            List<Hit> items = items(searcher, text, top, r, timer);
            List<SearchResponse.Expansion> expanded = text == null ? List.of() : text.synonyms().stream()
                    .map(m -> new SearchResponse.Expansion(m.matched(), m.group().variants().stream().filter(v -> !v.equalsIgnoreCase(m.matched())).toList(), m.group().source()))
                    .toList();
            return new SearchResponse(total, items, facets, elapsed(start), nearOf(r), r.near() == null ? null : radiusKm, expanded, relation);
        });
    }

    /** A dimension's values as an answer lists them: most first, then by value. */
    static List<SearchResponse.FacetValue> facetValues(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new SearchResponse.FacetValue(e.getKey(), e.getValue())).toList();
    }

    private static Query combine(Query scoring, Collection<Query> filters, boolean withPrior) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(scoring, Occur.MUST);
        filters.forEach(f -> b.add(f, Occur.FILTER));
        if (withPrior) {
            b.add(FeatureField.newSaturationQuery(Fields.FEATURES, Fields.PRIOR, PRIOR_WEIGHT, PRIOR_PIVOT), Occur.SHOULD);
        }
        return b.build();
    }

    /** Filters on faceted fields: applied by the sideways collector, so their facets stay disjunctive. */
    private static Map<String, Set<String>> facetFilters(SearchRequest r) {
        Map<String, Set<String>> f = new LinkedHashMap<>();
        if (!r.types().isEmpty()) {
            f.put(Fields.TYPE, r.types().stream().map(RecordType::wireName).collect(Collectors.toSet()));
        }
        putIfAny(f, Fields.SCHEME, r.schemes());
        putIfAny(f, Fields.COUNTRY, r.countries());
        putIfAny(f, Fields.MODALITY, r.modalities());
        putIfAny(f, Fields.LEVEL, r.levels());
        putIfAny(f, Fields.CONTRACT, r.contracts());
        return f;
    }

    private static void putIfAny(Map<String, Set<String>> f, String field, Set<String> values) {
        if (!values.isEmpty()) {
            f.put(field, values);
        }
    }

    /** Filters that are not facets (place, synthetic records), as FILTER clauses of the query. */
    private static List<Query> otherFilters(SearchRequest r, Double radiusKm) {
        List<Query> filters = new ArrayList<>();
        if (!r.synthetic()) {
            filters.add(new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.MUST)
                    .add(new org.apache.lucene.search.TermQuery(new Term(Fields.SYNTHETIC, "true")), Occur.MUST_NOT).build());
        }
        if (r.near() != null && radiusKm != null) {
            filters.add(LatLonPoint.newDistanceQuery(Fields.LOCATION, r.near().lat(), r.near().lon(), radiusKm * 1000));
        }
        return filters;
    }

    /** Every filter as a FILTER clause: used by the baseline, which counts no facets. */
    private static List<Query> allFilters(SearchRequest r, Double radiusKm) {
        List<Query> filters = new ArrayList<>(otherFilters(r, radiusKm));
        facetFilters(r).forEach((field, values) -> filters.add(terms(field, values)));
        return filters;
    }

    static Query terms(String field, Set<String> values) {
        return new TermInSetQuery(field, values.stream().sorted().map(BytesRef::new).toList());
    }

    private List<Hit> items(IndexSearcher searcher, TextQuery.Built text, TopDocs top, SearchRequest r, PhaseTimer timer) throws IOException {
        ScoreDoc[] page = top.scoreDocs.length <= r.offset() ? new ScoreDoc[0]
                : java.util.Arrays.copyOfRange(top.scoreDocs, r.offset(), top.scoreDocs.length);
        Display.Shown[] shown = shown(searcher, page);
        List<Hit> items = new ArrayList<>(page.length);
        List<Integer> needPassage = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            ScoreDoc sd = page[i];
            Display.Shown d = shown[i];
            Map<String, Object> item = ITEM_READER.readValue(d.source());
            float score = Float.isNaN(sd.score) ? 0f : Math.round(sd.score * 1000) / 1000f;
            Double distanceKm = r.near() == null ? null : addDistance(item, r.near());
            LabelHighlighter.Marked marked = null;
            if (text != null) {
                marked = LabelHighlighter.highlight(d.title(), d.labels(), text.words());
                if (marked == null) {
                    needPassage.add(i);
                }
            }
            items.add(Hit.of(item, score, distanceKm, marked == null ? null : marked.marked(), marked == null ? null : marked.label()));
        }
        timer.mark("items");
        if (!needPassage.isEmpty()) {
            // Matched through the description only: a passage of it, with offsets read from the postings.
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, Analysis.forQuery(Fields.ALL)).withMaxLength(SNIPPET_SOURCE_CHARS)
                    .withFormatter(new org.apache.lucene.search.uhighlight.DefaultPassageFormatter("<b>", "</b>", "... ", true)).build(); // text HTML-escaped
            int[] docIds = needPassage.stream().mapToInt(i -> page[i].doc).toArray();
            String[] passages = highlighter.highlightFields(new String[] {Fields.ALL}, text.highlight(), docIds, new int[] {1}).get(Fields.ALL);
            for (int k = 0; k < docIds.length; k++) {
                if (passages[k] != null) {
                    int i = needPassage.get(k);
                    items.set(i, items.get(i).withHighlight(trim(passages[k])));
                }
            }
            timer.mark("highlight");
        }
        return items;
    }

    /** What each hit shows. */
    private static Display.Shown[] shown(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
        return fromDisplay(searcher, page, new Display.Shown[page.length], Display::read, (stored, doc) -> {
            org.apache.lucene.document.Document f = stored.document(doc, STORED_FOR_ITEM);
            return new Display.Shown(f.get(Fields.SOURCE), f.get(Fields.TITLE), java.util.Arrays.asList(f.getValues(Fields.LABELS)));
        });
    }

    private interface DisplayRead<T> {
        /** @return null when the segment was written before the display doc values existed */
        T read(BinaryDocValues values, int leafDoc) throws IOException;
    }

    private interface StoredRead<T> {
        T read(StoredFields stored, int doc) throws IOException;
    }

    /**
     * One value per hit into {@code out}, in the hits' order, read from the display doc values segment by segment in
     * document order (as doc values are read), or from the stored fields for a segment written before they existed.
     */
    private static <T> T[] fromDisplay(IndexSearcher searcher, ScoreDoc[] hits, T[] out, DisplayRead<T> display, StoredRead<T> fallback) throws IOException {
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        StoredFields stored = null;
        int leafOrd = -1;
        BinaryDocValues values = null;
        for (int i : order) {
            int doc = hits[i].doc;
            int sub = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext leaf = leaves.get(sub);
            if (sub != leafOrd) {
                leafOrd = sub;
                values = leaf.reader().getBinaryDocValues(Fields.DISPLAY);
            }
            T value = display.read(values, doc - leaf.docBase);
            if (value == null) {
                stored = stored == null ? searcher.storedFields() : stored;
                value = fallback.read(stored, doc);
            }
            out[i] = value;
        }
        return out;
    }

    /** Distance to the nearest of the record's places (null when it has none); the item's place becomes that one. */
    @SuppressWarnings("unchecked")
    static Double addDistance(Map<String, Object> item, Place near) {
        if (item.get("lat") instanceof Number lat && item.get("lon") instanceof Number lon) {
            return GeoMath.roundKm(GeoMath.distanceKm(near.lat(), near.lon(), lat.doubleValue(), lon.doubleValue()));
        } else if (item.get("places") instanceof List<?> places && !places.isEmpty()) {
            Map<String, Object> nearest = ((List<Map<String, Object>>) places).stream()
                    .min(Comparator.comparingDouble(p -> GeoMath.distanceKm(near.lat(), near.lon(), ((Number) p.get("lat")).doubleValue(), ((Number) p.get("lon")).doubleValue())))
                    .orElseThrow();
            double lat = ((Number) nearest.get("lat")).doubleValue();
            double lon = ((Number) nearest.get("lon")).doubleValue();
            item.put("place", nearest.get("name"));
            item.put("lat", lat);
            item.put("lon", lon);
            return GeoMath.roundKm(GeoMath.distanceKm(near.lat(), near.lon(), lat, lon));
        }
        return null;
    }

    private static String trim(String snippet) {
        String s = SPACES.matcher(snippet).replaceAll(" ").strip();
        if (s.length() <= SNIPPET_CHARS) {
            return s;
        }
        int bold = Math.max(0, s.indexOf("<b>"));
        int from = Math.max(0, Math.min(bold - 40, s.length() - SNIPPET_CHARS));
        String cut = s.substring(from, Math.min(s.length(), from + SNIPPET_CHARS));
        // Never leave a half tag behind.
        cut = HALF_TAG_END.matcher(HALF_TAG_START.matcher(cut).replaceAll("")).replaceAll("");
        if (from > 0) {
            cut = HALF_ESCAPE_START.matcher(cut).replaceFirst(""); // nor half an escape ("amp;")
        }
        cut = HALF_ESCAPE_END.matcher(cut).replaceFirst("");
        if (cut.lastIndexOf("<b>") > cut.lastIndexOf("</b>")) {
            cut = cut + "</b>";
        }
        return (from > 0 ? "…" : "") + cut + "…";
    }

    private static Map<String, Object> nearOf(SearchRequest r) {
        if (r.near() == null) {
            return null;
        }
        Map<String, Object> near = new LinkedHashMap<>();
        near.put("name", r.near().name());
        near.put("lat", r.near().lat());
        near.put("lon", r.near().lon());
        if (!r.near().country().isEmpty()) {
            near.put("country", r.near().country());
        }
        return near;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

}
