package eu.passerelle.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an official occupation crosswalk published through the ESCO portal (France Travail's ESCO–ROME mapping,
 * Nalantis' ESCO–BE NOC mapping for Compétent) as released: an optional metadata block of {@code key,value} lines
 * ("Mapping project version,V1.4"), then a header line found by its column names, then one row per mapping.
 * The ESCO side is recognised by its URI, whichever column it sits in, so both the mapping-template columns
 * ({@code classification 1 ID … mapping relation}) and a plain cut ({@code competent_code,…,esco_uri,relation})
 * are read unchanged. A row with an unknown relation or no code is counted, never fatal.
 */
public final class CrosswalkReader {
    static final String ESCO_OCCUPATION = "data.europa.eu/esco/occupation/";
    private static final Set<String> RELATION_COLUMNS = Set.of("mapping relation", "relation", "mapping type", "skos relation");
    private static final Set<String> CODE_COLUMNS = Set.of("classification 1 id", "classification 2 id", "classification 1 uri",
            "classification 2 uri", "classification 1 url", "classification 2 url", "competent_code", "code_ogr", "esco_uri", "concepturi");
    private static final Set<String> LABEL_COLUMNS = Set.of("classification 1 prefered label", "classification 2 prefered label",
            "classification 1 preferred label", "classification 2 preferred label", "classification 2 preflabel fr", "label_fr");

    /**
     * One mapping as written: {@code code} (a ROME appellation's code_ogr, a Compétent OP code) relates to the ESCO
     * occupation by {@code relation} (exact, close, broad, narrow), read SKOS-wise from the code to ESCO:
     * {@code broad} means the ESCO occupation is the broader one.
     */
    public record Mapping(String escoUri, String code, String label, String relation, long line) {
    }

    /** @param metadata the metadata block as released (empty when the file has none) */
    public record CrosswalkFile(String file, String version, String escoVersion, Map<String, String> metadata, List<Mapping> mappings) {
    }

    private CrosswalkReader() {
    }

    /** @param defaultVersion the version to record when the file does not state one in its metadata block */
    public static CrosswalkFile read(Path file, String defaultVersion, OrphanCounter orphans) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Mapping> mappings = new ArrayList<>();
        try (Csv csv = Csv.open(file, ',')) {
            List<String> header = null;
            long line = 0;
            while (csv.hasNext()) {
                List<String> cells = csv.next();
                line++;
                if (header == null) {
                    if (isHeader(cells)) {
                        header = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
                    } else if (cells.size() >= 2 && !cells.get(0).isBlank()) {
                        metadata.put(cells.get(0).strip(), cells.get(1).strip());
                    }
                    continue;
                }
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                Mapping m = mapping(header, cells, line);
                if (m == null) {
                    orphans.miss("crosswalk row without an ESCO occupation and a code");
                } else if (m.relation() == null) {
                    orphans.miss("crosswalk row with an unknown relation");
                } else {
                    mappings.add(m);
                }
            }
            if (header == null) {
                throw new IOException("no header line (mapping relation and codes) in " + file.getFileName());
            }
        }
        String version = metadata.getOrDefault("Mapping project version", defaultVersion);
        String date = metadata.get("Mapping project version date");
        String escoVersion = metadata.entrySet().stream()
                .filter(e -> e.getKey().matches("Classification \\d Version"))
                .filter(e -> "ESCO".equalsIgnoreCase(metadata.getOrDefault(e.getKey().replace("Version", "Name"), "").strip()))
                .map(Map.Entry::getValue).findFirst().orElse("");
        return new CrosswalkFile(file.getFileName().toString(), date == null ? version : version + " (" + date + ")", escoVersion,
                metadata, mappings);
    }

    private static boolean isHeader(List<String> cells) {
        boolean relation = false;
        int codes = 0;
        for (String c : cells) {
            String k = c.strip().toLowerCase(Locale.ROOT);
            relation |= RELATION_COLUMNS.contains(k);
            codes += CODE_COLUMNS.contains(k) ? 1 : 0;
        }
        return relation && codes >= 2;
    }

    private static Mapping mapping(List<String> header, List<String> cells, long line) {
        String esco = null;
        String code = null;
        String label = "";
        String relation = null;
        boolean sawRelation = false;
        boolean lastCodeWasEsco = false;
        for (int i = 0; i < header.size() && i < cells.size(); i++) {
            String h = header.get(i);
            String v = cells.get(i).strip();
            if (RELATION_COLUMNS.contains(h)) {
                sawRelation = true;
                relation = relation(v);
            } else if (CODE_COLUMNS.contains(h) && !v.isEmpty()) {
                lastCodeWasEsco = v.contains(ESCO_OCCUPATION);
                if (lastCodeWasEsco) {
                    esco = esco == null ? v : esco;
                } else if (code == null && !v.startsWith("http")) {
                    code = v;
                }
            } else if (LABEL_COLUMNS.contains(h) && label.isEmpty() && code != null && !lastCodeWasEsco) {
                label = v; // a label column follows the code it names, in both layouts
            }
        }
        if (esco == null || code == null || !sawRelation) {
            return null;
        }
        return new Mapping(esco, code, label, relation, line);
    }

    /** "skos:exactMatch", "exactMatch", "exact" → "exact"; anything else → null. */
    static String relation(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace("skos:", "").replace("match", "");
        return switch (v) {
            case "exact", "close", "broad", "narrow" -> v;
            default -> null;
        };
    }
}
