package eu.passerelle.search;

import eu.passerelle.store.BridgeStore.OccupationLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The wire shape of an occupation's equivalents in the other referentials ({@code equivalents} in CONTRACT.md):
 * {@code id, scheme, label, relation, provenance}, then {@code source} for an official link (crosswalk file and
 * version) or {@code method} and {@code confidence} for a computed one. Official links come first.
 */
public final class Equivalents {
    /** At most this many per referential: a fiche may be mapped to a dozen ESCO occupations. */
    public static final int PER_SCHEME = 3;

    private Equivalents() {
    }

    /** @param labelOf an occupation's label in the reader's language, or null when it is unknown */
    public static List<Map<String, Object>> of(List<OccupationLink> links, Function<String, String> labelOf) {
        List<OccupationLink> sorted = new ArrayList<>(links);
        sorted.sort(OccupationLink.ORDER);
        Map<String, Integer> perScheme = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (OccupationLink l : sorted) {
            String scheme = l.toId().substring(0, l.toId().indexOf(':'));
            if (perScheme.merge(scheme, 1, Integer::sum) > PER_SCHEME) {
                continue;
            }
            String label = labelOf.apply(l.toId());
            if (label == null) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", l.toId());
            e.put("scheme", scheme);
            e.put("label", label);
            e.put("relation", l.kind());
            e.put("provenance", l.provenance());
            if (l.official()) {
                e.put("source", l.source());
            } else {
                e.put("method", l.method());
                e.put("confidence", l.confidence());
            }
            out.add(e);
        }
        return out;
    }
}
