package eu.passerelle.search;

import eu.passerelle.model.RecordType;
import eu.passerelle.store.BridgeStore;
import eu.passerelle.store.BridgeStore.OccupationLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search through the occupation concept, after the text search has answered:
 * <ul>
 *   <li>a search restricted to one referential ({@code scheme=rome|esco|competent}) also reaches that
 *       referential's occupations through the links of the other referentials' occupations the words match
 *       ({@code kinderbegeleider} finds Compétent's "Kinderbegeleider baby's en peuters", whose links lead to the
 *       ROME childcare fiches); each such hit says how it was reached in {@code via};</li>
 *   <li>occupations are grouped by concept: one per page, under the id of the referential that fits the reader,
 *       with the others in {@code equivalents} ({@code group=none} keeps the flat list).</li>
 * </ul>
 */
public final class ConceptSearch {
    /** How many occupations of the other referentials are followed through their links. */
    static final int FOLLOWED = 10;
    /** How many occupations each is followed to (the surest paths). */
    static final int TARGETS_PER_HIT = 10;
    /** A path through two official links counts this much of the product of their confidences. */
    static final double COMPOSED = 0.9;
    /** What each further matched occupation leading to the same occupation adds, as a share of its own path. */
    static final double VOTE = 0.15;
    /** A computed link at least this sure is followed (composed ROME ↔ Compétent links are 0.4–0.8). */
    static final double FOLLOW = 0.4;

    private final SearchService search;
    private final Concepts concepts;

    public ConceptSearch(SearchService search, Concepts concepts) {
        this.search = search;
        this.concepts = concepts;
    }

    public Concepts concepts() {
        return concepts;
    }

    /** @param grouped false gives the flat list (one item per record, as the text search ranks them) */
    public SearchResponse search(SearchRequest r, boolean grouped, boolean useCache) {
        return search(r, grouped, useCache, new PhaseTimer());
    }

    public SearchResponse search(SearchRequest r, boolean grouped, boolean useCache, PhaseTimer timer) {
        String scheme = r.schemes().size() == 1 ? r.schemes().iterator().next() : null;
        boolean anyOccupation = r.types().isEmpty() || r.types().contains(RecordType.OCCUPATION);
        // A referential named without a type (scheme=rome alone) still asks for that referential's occupations: they
        // are reached through the crosswalks as when type=occupation is given, beside its skills found by their words.
        boolean through = anyOccupation && r.hasText() && scheme != null && Concepts.isReferential(scheme);
        if (!through && !(grouped && anyOccupation)) {
            return search.search(r, useCache, timer);
        }
        // Enough of the ranking to fill the page after merging and grouping.
        int depth = Math.min(SearchRequest.MAX_LIMIT + SearchRequest.MAX_OFFSET, (r.offset() + r.limit()) * (grouped ? 2 : 1));
        SearchResponse base = search.search(copy(r, r.schemes(), depth, 0), useCache, timer);
        List<Map<String, Object>> items = new ArrayList<>();
        base.items().forEach(i -> items.add(new LinkedHashMap<>(i.json())));
        long total = base.total();
        Map<String, List<SearchResponse.FacetValue>> facets = base.facets();
        if (through) {
            int reached = reach(r, scheme, items, useCache);
            total += reached;
            facets = withReached(facets, scheme, reached);
        }
        exactDutchLabelsFirst(r.q(), items);
        if (grouped) {
            group(items, Concepts.preferredScheme(r.schemes(), r.lang(), r.countries()), r.lang());
        }
        List<Map<String, Object>> page = items.size() <= r.offset() ? List.of()
                : items.subList(r.offset(), Math.min(items.size(), r.offset() + r.limit()));
        if (grouped) {
            page = withoutShown(page);
        }
        List<Hit> hits = page.stream().map(ConceptSearch::hit).toList();
        timer.mark("group");
        return new SearchResponse(Math.max(total, items.size()), hits, facets, base.tookMs(), base.near(), base.radiusKm(), base.expanded(),
                base.totalRelation());
    }

    /**
     * The facet counts with the occupations reached through the crosswalks counted in: they are results of the
     * answer, so "ROME (1)" beside ten ROME fiches would contradict the list. Each reached record is an occupation
     * of {@code scheme}; the other dimensions (country, level…) do not describe occupations.
     */
    static Map<String, List<SearchResponse.FacetValue>> withReached(Map<String, List<SearchResponse.FacetValue>> facets, String scheme, int reached) {
        if (reached <= 0 || facets == null || facets.isEmpty()) {
            return facets;
        }
        Map<String, List<SearchResponse.FacetValue>> out = new LinkedHashMap<>(facets);
        out.computeIfPresent(eu.passerelle.index.Fields.TYPE, (dim, values) -> plus(values, RecordType.OCCUPATION.wireName(), reached));
        out.computeIfPresent(eu.passerelle.index.Fields.SCHEME, (dim, values) -> plus(values, scheme, reached));
        return out;
    }

    private static List<SearchResponse.FacetValue> plus(List<SearchResponse.FacetValue> values, String value, int n) {
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.put(v.value(), v.count()));
        counts.merge(value, (long) n, Long::sum);
        // Most first, then by value: the order SearchService gives facet values.
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new SearchResponse.FacetValue(e.getKey(), e.getValue())).toList();
    }

    /**
     * An occupation whose Dutch title or label is exactly the words goes first (with the first one's score): the
     * index keys French labels only for its exact-title bonus, and a word matched in a longer label elsewhere
     * ("kinderbegeleider schoolgaande kinderen") and followed through a crosswalk must not outrank the occupation
     * that carries the words as its own label (ESCO's early-years educator, "kinderbegeleider").
     */
    private void exactDutchLabelsFirst(String q, List<Map<String, Object>> items) {
        if (q == null || q.isBlank() || items.isEmpty() || !(items.get(0).get("score") instanceof Number top)) {
            return;
        }
        List<Map<String, Object>> exact = new ArrayList<>();
        for (var it = items.iterator(); it.hasNext(); ) {
            Map<String, Object> item = it.next();
            if (item.get("id") instanceof String id && concepts.hasExactDutchLabel(id, q)) {
                it.remove();
                exact.add(item);
            }
        }
        if (!exact.isEmpty()) {
            exact.forEach(e -> e.put("score", Math.max(top.doubleValue(), e.get("score") instanceof Number n ? n.doubleValue() : 0)));
            items.addAll(0, exact);
        }
    }

    /** Back to a hit: the answer's item is the record's fields, then score, distance and highlight. */
    private static Hit hit(Map<String, Object> item) {
        Map<String, Object> record = new LinkedHashMap<>(item);
        Object score = record.remove("score");
        Object distance = record.remove("distanceKm");
        Object highlight = record.remove("highlight");
        return Hit.of(record, score == null ? null : ((Number) score).floatValue(), distance == null ? null : ((Number) distance).doubleValue(),
                (String) highlight, null);
    }

    /**
     * Adds the occupations of {@code scheme} linked to what the words find in the other referentials, and re-sorts.
     * Each matched occupation reaches a target through its own link (official, or computed surely enough) or through
     * two official links chained across the third referential (Compétent profile → ESCO → ROME fiche: every path the
     * official files give, where the stored composed links keep only a profile's surest few). A path counts as the
     * matched occupation's score times its confidence; a target reached from several matched occupations gets the best
     * path plus a share of the others (a vote). Returns how many were new.
     */
    private int reach(SearchRequest r, String scheme, List<Map<String, Object>> items, boolean useCache) {
        Set<String> others = new HashSet<>(Set.of("rome", "esco", "competent"));
        others.remove(scheme);
        SearchResponse elsewhere = search.search(copy(r, others, FOLLOWED, 0), useCache);
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put((String) i.get("id"), i));
        Map<String, List<Double>> votes = new LinkedHashMap<>();
        Map<String, Map<String, Object>> reached = new LinkedHashMap<>();
        Map<String, Double> best = new HashMap<>();
        for (Hit h : elsewhere.items()) {
            Map<String, Object> hit = h.json();
            double hitScore = ((Number) hit.get("score")).doubleValue();
            List<Path> paths = paths(h.id(), scheme);
            // The hit's surest few targets, each counted through every path that leads there.
            Set<String> targets = new HashSet<>();
            paths.stream().map(Path::target).distinct().limit(TARGETS_PER_HIT).forEach(targets::add);
            for (Path path : paths) {
                if (!targets.contains(path.target())) {
                    continue;
                }
                double s = hitScore * path.confidence();
                votes.computeIfAbsent(path.target(), k -> new ArrayList<>()).add(s);
                if (s > best.getOrDefault(path.target(), 0.0)) {
                    best.put(path.target(), s);
                    reached.put(path.target(), via(hit, h.matchedLabel(), path, r.lang()));
                }
            }
        }
        Map<String, Map<String, Object>> fetched = search.itemsById(reached.keySet().stream().filter(id -> !byId.containsKey(id)).toList());
        int added = 0;
        for (Map.Entry<String, Map<String, Object>> e : reached.entrySet()) {
            double s = Math.round(voted(votes.get(e.getKey())) * 1000) / 1000.0;
            Map<String, Object> item = byId.get(e.getKey());
            if (item == null) {
                Map<String, Object> f = fetched.get(e.getKey());
                if (f == null) {
                    continue;
                }
                item = new LinkedHashMap<>(f);
                item.put("score", s);
                items.add(item);
                added++;
            } else if (s > ((Number) item.get("score")).doubleValue()) {
                item.put("score", s);
            } else {
                continue; // found by its own words at least as well: no need to say how else
            }
            item.put("via", e.getValue());
        }
        // Equal scores in id order, as the text search orders them (Ties).
        items.sort((a, b) -> {
            int c = Double.compare(((Number) b.get("score")).doubleValue(), ((Number) a.get("score")).doubleValue());
            return c != 0 ? c : String.valueOf(a.get("id")).compareTo(String.valueOf(b.get("id")));
        });
        return added;
    }

    /** The best path plus {@link #VOTE} of each other path to the same target (another matched occupation, or another way). */
    static double voted(List<Double> scores) {
        List<Double> sorted = scores.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        double s = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            s += VOTE * sorted.get(i);
        }
        return s;
    }

    /**
     * A way from a matched occupation to an occupation of the target referential: one link, or two official links
     * through an occupation of the third referential ({@code through}, {@code second}).
     */
    record Path(String target, OccupationLink first, OccupationLink second, double confidence) {
    }

    /** Every path from the occupation to an occupation of {@code scheme}, surest first. */
    private List<Path> paths(String fromId, String scheme) {
        List<Path> out = new ArrayList<>();
        String fromScheme = Concepts.schemeOf(fromId);
        for (OccupationLink l : concepts.links(fromId)) {
            String toScheme = Concepts.schemeOf(l.toId());
            if (toScheme.equals(scheme)) {
                if (l.official() || l.confidence() >= FOLLOW) {
                    out.add(new Path(l.toId(), l, null, l.confidence()));
                }
            } else if (l.official() && !toScheme.equals(fromScheme)) {
                for (OccupationLink m : concepts.links(l.toId())) {
                    if (m.official() && Concepts.schemeOf(m.toId()).equals(scheme)) {
                        // Two official links composed: surer than a computed guess, less sure than one official link.
                        out.add(new Path(m.toId(), l, m, Math.round(l.confidence() * m.confidence() * COMPOSED * 1000) / 1000.0));
                    }
                }
            }
        }
        // Official links win: a computed link (the stored composed ones among them) counts only where no official
        // path leads to the same occupation.
        Set<String> officiallyReached = new HashSet<>();
        out.stream().filter(p -> p.first().official()).forEach(p -> officiallyReached.add(p.target()));
        return out.stream().filter(p -> p.first().official() || !officiallyReached.contains(p.target()))
                .sorted((a, b) -> Double.compare(b.confidence(), a.confidence())).toList();
    }

    /** How an occupation was reached: the label the words matched, the occupation it belongs to, and the link. */
    private Map<String, Object> via(Map<String, Object> hit, String matchedLabel, Path path, String lang) {
        Map<String, Object> via = new LinkedHashMap<>();
        // The label the words matched; when only the description matched (or for a Dutch reader, whose words
        // matched the Dutch title), the occupation's title in the reader's language.
        boolean label = !"nl".equals(lang) && matchedLabel != null;
        via.put("label", label ? matchedLabel : concepts.label((String) hit.get("id"), lang));
        via.put("id", hit.get("id"));
        via.put("scheme", Concepts.schemeOf((String) hit.get("id")));
        OccupationLink l = path.first();
        if (path.second() != null) {
            OccupationLink m = path.second();
            // Composed as the stored composed links are: computed from two official links, which are named.
            via.put("relation", OccupationLink.compose(l.kind(), m.kind()));
            via.put("provenance", BridgeStore.COMPUTED);
            via.put("method", "composed through " + schemeName(Concepts.schemeOf(l.toId())) + " « " + concepts.label(l.toId(), lang) + " » ("
                    + l.kind() + " then " + m.kind() + ")");
            via.put("confidence", path.confidence());
            via.put("through", List.of(link(l), link(m)));
        } else if (l.official()) {
            via.put("relation", l.kind());
            via.put("provenance", l.provenance());
            via.put("source", l.source());
        } else {
            via.put("relation", l.kind());
            via.put("provenance", l.provenance());
            via.put("method", l.method());
            via.put("confidence", l.confidence());
        }
        return via;
    }

    private static Map<String, Object> link(OccupationLink l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", l.fromId());
        m.put("to", l.toId());
        m.put("relation", l.kind());
        m.put("provenance", l.provenance());
        m.put("source", l.source());
        return m;
    }

    private static String schemeName(String scheme) {
        return switch (scheme) {
            case "esco" -> "ESCO";
            case "rome" -> "ROME";
            default -> "Compétent";
        };
    }

    /**
     * One item per concept, in rank order: an occupation linked (officially, or surely enough) to one already shown
     * joins its group; each group is shown under its first member of the preferred referential (else its first
     * member) and lists the others, then the rest of its links, in {@code equivalents}.
     */
    public void group(List<Map<String, Object>> items, String preferred, String lang) {
        group(items, preferred, lang, Set.of());
    }

    /**
     * The same for ranked occupations that carry their own explanation (match answers): a group with no member of
     * the preferred referential is shown under that referential's occupation its best member is officially the same
     * as, close to or a kind of (a Belgian reader sees Compétent's "Accompagnateur d'enfants bébés et bambins" for ESCO's
     * "babysitter"), once per page, never one of {@code notAsHead} (the person's own occupations). A Compétent
     * profile has no skills of its own in the open data and borrows those of its official equivalents, so the
     * member's explanation is the head's; the member stays listed first among the equivalents.
     */
    public void group(List<Map<String, Object>> items, String preferred, String lang, Set<String> notAsHead) {
        groupInto(items, preferred, lang, notAsHead == null ? null : new HashSet<>(notAsHead));
    }

    /** Items of a page without, in their equivalents, an occupation that is an item of the same page. */
    public static List<Map<String, Object>> withoutShown(List<Map<String, Object>> page) {
        Set<Object> shown = new HashSet<>();
        page.forEach(i -> shown.add(i.get("id")));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> item : page) {
            if (item.get("equivalents") instanceof List<?> eq && eq.stream().anyMatch(e -> e instanceof Map<?, ?> m && shown.contains(m.get("id")))) {
                Map<String, Object> copy = new LinkedHashMap<>(item);
                List<?> kept = eq.stream().filter(e -> !(e instanceof Map<?, ?> m && shown.contains(m.get("id")))).toList();
                if (kept.isEmpty()) {
                    copy.remove("equivalents");
                } else {
                    copy.put("equivalents", kept);
                }
                item = copy;
            }
            out.add(item);
        }
        return out;
    }

    /** @param promote null: no promotion (search); else the ids that may not head a group, growing as heads are taken */
    private void groupInto(List<Map<String, Object>> items, String preferred, String lang, Set<String> promote) {
        Map<String, List<Map<String, Object>>> groupOf = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>(); // groups and non-occupation items, in first-seen order
        for (Map<String, Object> item : items) {
            String id = (String) item.get("id");
            Object type = item.get("type"); // match answers list occupations without a type
            if ((type != null && !"occupation".equals(type)) || id == null || !Concepts.isReferential(Concepts.schemeOf(id))) {
                order.add(item);
                continue;
            }
            // It joins the group of an occupation already shown that it is linked to, unless that group already
            // has an occupation of its own referential (two ROME fiches are two occupations, whatever ESCO says) —
            // except through an official link to the group's occupation of the reader's referential: two ESCO
            // occupations the crosswalk maps to one Compétent profile are that one profile to a Belgian reader
            // (the school-bus escort is Compétent's "Accompagnateur d'enfants scolarisés").
            List<Map<String, Object>> group = null;
            for (OccupationLink l : concepts.links(id)) {
                List<Map<String, Object>> candidate = groupOf.get(l.toId());
                boolean toReadersOwn = l.official() && preferred.equals(Concepts.schemeOf(l.toId())) && !preferred.equals(Concepts.schemeOf(id));
                if (concepts.sameConcept(l) && candidate != null && (toReadersOwn
                        || candidate.stream().noneMatch(m -> Concepts.schemeOf((String) m.get("id")).equals(Concepts.schemeOf(id))))) {
                    group = candidate;
                    break;
                }
            }
            if (group == null) {
                group = new ArrayList<>();
                order.add(group);
            }
            group.add(item);
            groupOf.put(id, group);
        }
        items.clear();
        if (promote != null) {
            groupOf.keySet().forEach(promote::add); // an occupation ranked on its own is never another's head
        }
        for (Object o : order) {
            if (o instanceof List<?> g) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> group = (List<Map<String, Object>>) g;
                Map<String, Object> promoted = promote == null ? null : promoted(group, preferred, lang, promote);
                items.add(promoted != null ? promoted : head(group, preferred, lang));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) o;
                items.add(item);
            }
        }
    }

    private Map<String, Object> head(List<Map<String, Object>> group, String preferred, String lang) {
        Map<String, Object> head = group.stream().filter(i -> preferred.equals(Concepts.schemeOf((String) i.get("id")))).findFirst().orElse(group.get(0));
        Map<String, Object> out = new LinkedHashMap<>(head);
        // The group ranks where its best member ranked.
        if (group.get(0).get("score") != null) {
            out.put("score", group.get(0).get("score"));
        }
        if (head != group.get(0) && !out.containsKey("via") && group.get(0).containsKey("highlight")) {
            out.putIfAbsent("highlight", group.get(0).get("highlight"));
        }
        String headId = (String) head.get("id");
        List<Map<String, Object>> equivalents = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        listed.add(headId);
        List<Map<String, Object>> headEquivalents = concepts.equivalents(headId, lang); // built once per head, not per member
        for (Map<String, Object> member : group) {
            String id = (String) member.get("id");
            if (listed.add(id)) {
                Map<String, Object> e = headEquivalents.stream().filter(x -> id.equals(x.get("id"))).findFirst()
                        .orElseGet(() -> memberEquivalent(member, headId, lang));
                equivalents.add(e);
            }
        }
        for (Map<String, Object> e : headEquivalents) {
            if (listed.add((String) e.get("id"))) {
                equivalents.add(e);
            }
        }
        if (!equivalents.isEmpty()) {
            out.put("equivalents", equivalents);
        }
        return out;
    }

    /**
     * A group without a member of the preferred referential, shown under the preferred referential's occupation its
     * best member is linked to officially as exact, close or broader; null when there is none free.
     */
    private Map<String, Object> promoted(List<Map<String, Object>> group, String preferred, String lang, Set<String> taken) {
        if (group.stream().anyMatch(m -> preferred.equals(Concepts.schemeOf((String) m.get("id"))))) {
            return null;
        }
        Map<String, Object> best = group.get(0);
        String bestId = (String) best.get("id");
        OccupationLink link = concepts.links(bestId).stream()
                // exact, close, or broader: a narrower occupation is shown under the broader one it is a kind of, never
                // the other way round ("aide à domicile" under Compétent's "Aide-familial").
                .filter(l -> l.official() && ("exact".equals(l.kind()) || "close".equals(l.kind()) || "broad".equals(l.kind())))
                .filter(l -> preferred.equals(Concepts.schemeOf(l.toId())) && !taken.contains(l.toId()) && concepts.label(l.toId(), "fr") != null)
                .findFirst().orElse(null);
        if (link == null) {
            return null;
        }
        String headId = link.toId();
        taken.add(headId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", best.getOrDefault("type", "occupation"));
        out.put("id", headId);
        out.put("title", concepts.label(headId, "fr"));
        if (!java.util.Objects.equals(concepts.label(headId, "nl"), concepts.label(headId, "fr"))) {
            out.put("titleNl", concepts.label(headId, "nl"));
        }
        out.put("scheme", preferred);
        out.put("code", headId.substring(headId.indexOf(':') + 1));
        // What was ranked: the best member's score and explanation (its skills are the ones the head borrows).
        for (Map.Entry<String, Object> e : best.entrySet()) {
            if (!Set.of("type", "id", "title", "titleNl", "titleEn", "labelLang", "titleFr", "scheme", "code", "uri", "country", "domain",
                    "equivalents", "via").contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        List<Map<String, Object>> equivalents = new ArrayList<>();
        Set<String> listed = new HashSet<>(Set.of(headId));
        for (Map<String, Object> member : group) {
            String id = (String) member.get("id");
            if (listed.add(id)) {
                // The head's own link to the member says how they relate; else the member's link to the head, turned round.
                OccupationLink forth = concepts.links(headId).stream().filter(l -> l.toId().equals(id)).findFirst().orElse(null);
                OccupationLink back = concepts.links(id).stream().filter(l -> l.toId().equals(headId)).findFirst().orElse(null);
                OccupationLink how = forth != null ? forth : back == null ? null
                        : new OccupationLink(headId, id, switch (back.kind()) {
                            case "narrow" -> "broad";
                            case "broad" -> "narrow";
                            default -> back.kind();
                        }, back.confidence(), back.method(), back.provenance(), back.source());
                equivalents.add(how == null ? memberEquivalent(member, headId, lang) : Equivalents.of(List.of(how), x -> concepts.label(x, lang)).stream()
                        .findFirst().orElseGet(() -> memberEquivalent(member, headId, lang)));
            }
        }
        for (Map<String, Object> e : concepts.equivalents(headId, lang)) {
            if (listed.add((String) e.get("id"))) {
                equivalents.add(e);
            }
        }
        out.put("equivalents", equivalents);
        return out;
    }

    /** A member linked to the group through another member, not directly to the head: its own link says how. */
    private Map<String, Object> memberEquivalent(Map<String, Object> member, String headId, String lang) {
        String id = (String) member.get("id");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("scheme", Concepts.schemeOf(id));
        e.put("label", concepts.label(id, lang));
        OccupationLink l = concepts.links(id).stream().filter(concepts::sameConcept).findFirst().orElse(null);
        e.put("relation", l == null ? "close" : l.kind());
        e.put("provenance", l == null ? "computed" : l.provenance());
        if (l != null && l.official()) {
            e.put("source", l.source());
        } else if (l != null) {
            e.put("method", l.method());
            e.put("confidence", l.confidence());
        }
        return e;
    }

    static SearchRequest copy(SearchRequest r, Set<String> schemes, int limit, int offset) {
        return new SearchRequest(r.q(), r.types(), schemes, r.countries(), r.modalities(), r.levels(), r.contracts(), r.near(), r.radiusKm(),
                r.lang(), r.sort(), r.synthetic(), limit, offset, r.facets());
    }
}
