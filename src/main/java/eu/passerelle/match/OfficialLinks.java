package eu.passerelle.match;

import eu.passerelle.index.DocumentMapper;
import eu.passerelle.model.Occupation;
import eu.passerelle.store.BridgeStore;
import eu.passerelle.store.BridgeStore.CrosswalkMapping;
import eu.passerelle.store.BridgeStore.OccupationLink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Occupation links from the official crosswalks: ROME fiche ↔ ESCO derived from the fiche's appellations,
 * Compétent profile ↔ ESCO as published (both {@code official}), and ROME ↔ Compétent composed through the ESCO
 * occupations they share ({@code computed}, with the composed relation and a confidence, since no file states it).
 */
final class OfficialLinks {
    /** How many composed ROME ↔ Compétent links a profile keeps (the surest). */
    static final int COMPOSED_PER_OCCUPATION = 5;

    private OfficialLinks() {
    }

    static double weight(String kind) {
        return switch (kind) {
            case "exact" -> 1.0;
            case "close", "narrow" -> 0.9;
            default -> 0.8;
        };
    }

    /** Both directions of every official link (fiche or profile ↔ ESCO). */
    static List<OccupationLink> official(List<CrosswalkMapping> mappings, Map<String, Occupation> occupations) {
        Map<String, List<CrosswalkMapping>> byPair = new LinkedHashMap<>();
        Map<String, Integer> mappedToEsco = new HashMap<>();
        for (CrosswalkMapping m : mappings) {
            byPair.computeIfAbsent(m.fromId() + ">" + m.escoId(), k -> new ArrayList<>()).add(m);
            mappedToEsco.merge(m.escoId(), 1, Integer::sum);
        }
        List<OccupationLink> out = new ArrayList<>();
        for (List<CrosswalkMapping> rows : byPair.values()) {
            CrosswalkMapping first = rows.get(0);
            Occupation from = occupations.get(first.fromId());
            String kind = first.fromId().startsWith("rome:") ? ficheKind(rows, from) : strongest(rows);
            // A fiche holding more of the ESCO occupation's mapped appellations is the surer equivalent.
            double share = rows.size() / (double) mappedToEsco.get(first.escoId());
            double confidence = Math.round(weight(kind) * (0.7 + 0.3 * share) * 1000) / 1000.0;
            String method = first.fromId().startsWith("rome:")
                    ? String.format(Locale.ROOT, "%d appellation%s mapped (%s)", rows.size(), rows.size() > 1 ? "s" : "",
                    String.join(", ", rows.stream().map(r -> r.relation()).distinct().toList()))
                    : "profile mapped (" + first.relation() + ")";
            String source = first.source() + ", " + first.version();
            out.add(new OccupationLink(first.fromId(), first.escoId(), kind, confidence, method, BridgeStore.OFFICIAL, source));
            out.add(new OccupationLink(first.escoId(), first.fromId(), OccupationLink.inverse(kind), confidence, method, BridgeStore.OFFICIAL, source));
        }
        return out;
    }

    /**
     * A fiche groups appellations: it is the ESCO occupation's exact equivalent only when the appellation mapped
     * exactly is the fiche's own title; an exact or narrower match of one appellation makes ESCO narrower than the fiche.
     */
    private static String ficheKind(List<CrosswalkMapping> rows, Occupation fiche) {
        String titleKey = fiche == null ? "" : DocumentMapper.labelKey(fiche.title());
        boolean narrower = false;
        for (CrosswalkMapping r : rows) {
            if (r.relation().equals("exact") && DocumentMapper.labelKey(r.label()).equals(titleKey)) {
                return "exact";
            }
            narrower |= r.relation().equals("exact") || r.relation().equals("narrow");
        }
        return narrower ? "narrow" : "close";
    }

    private static String strongest(List<CrosswalkMapping> rows) {
        return rows.stream().map(CrosswalkMapping::relation).min(Comparator.comparingDouble(k -> -weight(k))).orElse("close");
    }

    /** ROME ↔ Compétent through each ESCO occupation both are officially linked to (both directions). */
    static List<OccupationLink> composed(List<OccupationLink> official, Map<String, Occupation> occupations) {
        Map<String, List<OccupationLink>> fromEsco = new HashMap<>();
        for (OccupationLink l : official) {
            if (l.fromId().startsWith("esco:")) {
                fromEsco.computeIfAbsent(l.fromId(), k -> new ArrayList<>()).add(l);
            }
        }
        Map<String, OccupationLink> best = new LinkedHashMap<>();
        for (OccupationLink p : official) {
            if (!p.fromId().startsWith("competent:")) {
                continue;
            }
            for (OccupationLink e : fromEsco.getOrDefault(p.toId(), List.of())) {
                if (!e.toId().startsWith("rome:")) {
                    continue;
                }
                String kind = OccupationLink.compose(p.kind(), e.kind());
                double confidence = Math.round(p.confidence() * e.confidence() * 0.9 * 1000) / 1000.0;
                Occupation via = occupations.get(p.toId());
                String method = "composed through ESCO « " + (via == null ? p.toId() : via.title()) + " » (" + p.kind() + " then " + e.kind() + ")";
                OccupationLink link = new OccupationLink(p.fromId(), e.toId(), kind, confidence, method);
                best.merge(p.fromId() + ">" + e.toId(), link, (x, y) -> x.confidence() >= y.confidence() ? x : y);
            }
        }
        Map<String, List<OccupationLink>> perProfile = new HashMap<>();
        best.values().forEach(l -> perProfile.computeIfAbsent(l.fromId(), k -> new ArrayList<>()).add(l));
        List<OccupationLink> out = new ArrayList<>();
        for (List<OccupationLink> list : perProfile.values()) {
            list.sort(OccupationLink.ORDER);
            for (OccupationLink l : list.subList(0, Math.min(COMPOSED_PER_OCCUPATION, list.size()))) {
                out.add(l);
                out.add(new OccupationLink(l.toId(), l.fromId(), OccupationLink.inverse(l.kind()), l.confidence(), l.method()));
            }
        }
        return out;
    }

}
