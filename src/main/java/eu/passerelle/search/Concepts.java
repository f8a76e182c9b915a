package eu.passerelle.search;

import eu.passerelle.index.Analysis;
import eu.passerelle.index.Fields;
import eu.passerelle.model.Occupation;
import eu.passerelle.model.RecordType;
import eu.passerelle.store.BridgeStore.OccupationLink;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One occupation across ROME, ESCO and Compétent: every occupation's links to the others (official first) and
 * its labels, held in memory (a few thousand occupations and links) for grouping answers by concept and for
 * reaching one referential's occupations from another's labels. Occupations are reference data: no write changes them.
 */
public final class Concepts {
    /** A computed link this sure (or any official one) makes two occupations one concept on a page. */
    static final double SAME_CONCEPT = 0.6;
    private static final Set<String> SCHEMES = Set.of("rome", "esco", "competent");

    private final Map<String, List<OccupationLink>> links = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, String> titlesNl = new HashMap<>();
    /** {@link #equivalents} by occupation and language, filled as pages ask. */
    private final Map<String, List<Map<String, Object>>> equivalents = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each occupation's Dutch title and labels as exact-label keys (French labels have theirs in the index). */
    private final Map<String, Set<String>> labelKeys = new HashMap<>();

    public Concepts(Store store) {
        store.bridges().forEachOccupationLink(l -> links.computeIfAbsent(l.fromId(), k -> new ArrayList<>()).add(l));
        links.values().forEach(list -> list.sort(OccupationLink.ORDER));
        store.records().forEach(RecordType.OCCUPATION, Occupation.class, o -> {
            titles.put(o.id(), o.title());
            if (!o.titleNl().isEmpty()) {
                titlesNl.put(o.id(), o.titleNl());
            }
            Set<String> keys = new HashSet<>();
            if (!o.titleNl().isEmpty()) {
                keys.add(dutchKey(o.titleNl()));
            }
            o.labelsNl().forEach(l -> keys.add(dutchKey(l)));
            keys.remove("");
            if (!keys.isEmpty()) {
                labelKeys.put(o.id(), keys);
            }
        });
    }

    /** The exact-label key of Dutch words: their analysed Dutch words, in order. */
    public static String dutchKey(String text) {
        return String.join(" ", Analysis.tokens(Fields.TITLE_NL, text));
    }

    /**
     * Whether the words are exactly the occupation's Dutch title or one of its Dutch labels ("kinderbegeleider" is
     * exactly a Dutch label of ESCO's early-years educator, not the school-bus escort's "kinderbegeleider schoolbus").
     */
    public boolean hasExactDutchLabel(String occupationId, String words) {
        return hasDutchLabelKey(occupationId, dutchKey(words));
    }

    /** The same for words already turned into their {@link #dutchKey} (once for a whole list of occupations). */
    public boolean hasDutchLabelKey(String occupationId, String key) {
        Set<String> keys = labelKeys.get(occupationId);
        return keys != null && keys.contains(key);
    }

    public static boolean isReferential(String scheme) {
        return SCHEMES.contains(scheme);
    }

    public static String schemeOf(String occupationId) {
        int colon = occupationId.indexOf(':');
        return colon < 0 ? "" : occupationId.substring(0, colon);
    }

    /** Official links first, then the surer computed ones. */
    public List<OccupationLink> links(String occupationId) {
        return links.getOrDefault(occupationId, List.of());
    }

    public boolean sameConcept(OccupationLink l) {
        return l.official() || l.confidence() >= SAME_CONCEPT;
    }

    /** The occupation's label for a reader of {@code lang} (Dutch where the referential has it), or null if unknown. */
    public String label(String occupationId, String lang) {
        if ("nl".equals(lang) && titlesNl.containsKey(occupationId)) {
            return titlesNl.get(occupationId);
        }
        return titles.get(occupationId);
    }

    /**
     * Built once per occupation and language (reference data: the same every time), read-only and shared by the
     * answers that show them: grouping a page asks for them for every head on every search.
     */
    public List<Map<String, Object>> equivalents(String occupationId, String lang) {
        return equivalents.computeIfAbsent(occupationId + '\u0000' + lang, k -> Equivalents.of(links(occupationId), id -> label(id, lang)).stream()
                .map(java.util.Collections::unmodifiableMap).toList());
    }

    /**
     * The referential whose ids fit the reader: an explicit single {@code scheme}, else French (or France) →
     * ROME, Dutch or Belgium → Compétent, otherwise ESCO.
     */
    public static String preferredScheme(Set<String> schemes, String lang, Set<String> countries) {
        List<String> asked = schemes.stream().filter(SCHEMES::contains).toList();
        if (asked.size() == 1) {
            return asked.get(0);
        }
        if ("nl".equals(lang) || (countries.contains("BE") && !countries.contains("FR"))) {
            return "competent";
        }
        if (lang == null || "fr".equals(lang) || countries.contains("FR")) {
            return "rome";
        }
        return "esco";
    }
}
