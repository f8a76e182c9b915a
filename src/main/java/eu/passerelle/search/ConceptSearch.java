package eu.passerelle.search;

import eu.passerelle.model.RecordType;
import eu.passerelle.store.BridgeStore.OccupationLink;
import java.util.ArrayList;
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
 *       ROME childcare fiches); each such hit says how it was reached in {@code via} ({@link CrosswalkReach});</li>
 *   <li>occupations are grouped by concept: one per page, under the id of the referential that fits the reader,
 *       with the others in {@code equivalents} ({@code group=none} keeps the flat list).</li>
 * </ul>
 */
public final class ConceptSearch {
    private final SearchService search;
    private final Concepts concepts;
    /** What a group's head says of itself; the rest of the head's item is the best member's (score, explanation…). */
    private static final Set<String> HEAD_OWN_FIELDS = Set.of("type", "id", "title", "titleNl", "titleEn", "labelLang", "titleFr", "scheme",
            "code", "uri", "country", "domain", "equivalents", "via");
    /** The phase that adds a restricted search's occupations reached through the crosswalks ({@code via}). */
    private final CrosswalkReach reach;

    public ConceptSearch(SearchService search, Concepts concepts) {
        this.search = search;
        this.concepts = concepts;
        this.reach = new CrosswalkReach(search, concepts);
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
            int reached = reach.reach(r, scheme, items, useCache);
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
        return SearchService.facetValues(counts);
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
        String key = Concepts.dutchKey(q); // analysed once, not once per occupation of the list
        for (var it = items.iterator(); it.hasNext(); ) {
            Map<String, Object> item = it.next();
            if (item.get("id") instanceof String id && concepts.hasDutchLabelKey(id, key)) {
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
        groupInto(items, preferred, lang, new HashSet<>(notAsHead));
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

    /** @param promote the ids that may not head a group, growing as heads are taken */
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
        groupOf.keySet().forEach(promote::add); // an occupation ranked on its own is never another's head
        for (Object o : order) {
            if (o instanceof List<?> g) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> group = (List<Map<String, Object>>) g;
                Map<String, Object> promoted = promoted(group, preferred, lang, promote);
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
            if (!HEAD_OWN_FIELDS.contains(e.getKey())) {
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
                        : new OccupationLink(headId, id, OccupationLink.inverse(back.kind()), back.confidence(), back.method(), back.provenance(), back.source());
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
