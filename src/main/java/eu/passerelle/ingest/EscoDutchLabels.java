package eu.passerelle.ingest;

import eu.passerelle.model.Occupation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ESCO's Dutch occupation labels ({@code conceptUri,label,preferred}, one row per label), added to the ESCO
 * occupations read from the French export so Dutch speakers find them in their own words. Labels of concepts
 * absent from the loaded ESCO version are counted as orphans.
 */
public final class EscoDutchLabels {
    public static final String FILE = "occupations_nl.csv";

    private EscoDutchLabels() {
    }

    /** The ESCO occupations with their Dutch preferred label as {@code titleNl} and the others as {@code labelsNl}. */
    public static List<Occupation> apply(Path file, List<Occupation> occupations, OrphanCounter orphans) throws IOException {
        if (!Files.exists(file)) {
            return occupations;
        }
        Map<String, String> preferred = new HashMap<>();
        Map<String, Set<String>> others = new HashMap<>();
        Csv.forEachRecord(file, ',', r -> {
            String id = EscoReader.idOf(r.get("conceptUri"));
            String label = r.get("label");
            if (id == null || label.isEmpty()) {
                orphans.miss("Dutch label without concept or text");
            } else if ("true".equalsIgnoreCase(r.get("preferred")) && !preferred.containsKey(id)) {
                preferred.put(id, label);
            } else {
                others.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(label);
            }
        });
        Set<String> known = new java.util.HashSet<>();
        List<Occupation> out = new ArrayList<>(occupations.size());
        for (Occupation o : occupations) {
            known.add(o.id());
            String title = preferred.getOrDefault(o.id(), "");
            Set<String> labels = new LinkedHashSet<>(others.getOrDefault(o.id(), Set.of()));
            if (title.isEmpty() && !labels.isEmpty()) {
                title = labels.iterator().next();
            }
            labels.remove(title);
            out.add(title.isEmpty() ? o : new Occupation(o.id(), o.scheme(), o.code(), o.uri(), o.title(), title, o.labels(),
                    List.copyOf(labels), o.definition(), o.access(), o.country(), o.parent(), o.domain(), o.tags(), o.provenance()));
        }
        Set<String> unknown = new java.util.HashSet<>(preferred.keySet());
        unknown.addAll(others.keySet());
        unknown.removeAll(known);
        unknown.forEach(id -> orphans.miss("Dutch labels of an occupation absent from ESCO " + EscoReader.VERSION));
        return out;
    }

    /** How many occupations got a Dutch label. */
    public static long labelled(List<Occupation> occupations) {
        return occupations.stream().filter(o -> !o.titleNl().isEmpty()).count();
    }
}
