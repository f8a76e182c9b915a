package eu.passerelle.search;

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
 * The occupations of one referential reached through the crosswalks from what the words find in the other two
 * ({@code kinderbegeleider} with {@code scheme=rome}: Compétent's "Kinderbegeleider baby's en peuters" and ESCO's
 * early-years educator lead to the ROME childcare fiches), each saying how in {@code via}. One phase of
 * {@link ConceptSearch}, after the text search and before grouping.
 */
final class CrosswalkReach {
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

    CrosswalkReach(SearchService search, Concepts concepts) {
        this.search = search;
        this.concepts = concepts;
    }

    /**
     * Adds the occupations of {@code scheme} linked to what the words find in the other referentials, and re-sorts.
     * Each matched occupation reaches a target through its own link (official, or computed surely enough) or through
     * two official links chained across the third referential (Compétent profile → ESCO → ROME fiche: every path the
     * official files give, where the stored composed links keep only a profile's surest few). A path counts as the
     * matched occupation's score times its confidence; a target reached from several matched occupations gets the best
     * path plus a share of the others (a vote). Returns how many were new.
     */
    int reach(SearchRequest r, String scheme, List<Map<String, Object>> items, boolean useCache) {
        Set<String> others = new HashSet<>(Set.of("rome", "esco", "competent"));
        others.remove(scheme);
        SearchResponse elsewhere = search.search(ConceptSearch.copy(r, others, FOLLOWED, 0), useCache);
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
}
