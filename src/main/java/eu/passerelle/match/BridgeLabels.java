package eu.passerelle.match;

import eu.passerelle.index.Analysis;
import eu.passerelle.index.Fields;
import eu.passerelle.model.Occupation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the computed bridge knows of the occupations' own words, built once and shared by every {@link TitleBridge}:
 * the analysed French and Dutch labels of each ESCO occupation (preferred, both genders, alternative), which words
 * are rare (inverse document frequency over those labels), each ESCO occupation's ISCO group, and the Dutch titles
 * of the Compétent profiles. None of it comes from a crosswalk.
 */
public final class BridgeLabels {
    /** A word of at least this many letters counts as a part of a longer Dutch compound ("begeleider" in "kinderbegeleider"). */
    static final int COMPOUND_PART = 5;
    /**
     * Two words longer than this that share their first this many letters are of one family and count for half
     * ("sociologie" ~ "sociologue", "toerisme" ~ "toeristisch"). Measured on the tuning titles (MAP ROME / Compétent
     * FR): 7 letters 0.7999 / 0.4306, 6: 0.7994 / 0.4338, 5: 0.8000 / 0.4369, 4: 0.8019 / 0.4377; 5 is kept, 4 being
     * no better beyond noise and looser for the product's computed links ("conducteur" ~ "conditionnement").
     */
    static final int STEM = 5;

    private final Map<String, List<Set<String>>> frLabels = new HashMap<>();
    private final Map<String, List<Set<String>>> nlLabels = new HashMap<>();
    private final Map<String, Set<String>> frByWord = new HashMap<>();
    private final Map<String, Set<String>> nlByWord = new HashMap<>();
    private final Map<String, Set<String>> frByStem = new HashMap<>();
    private final Map<String, Double> frIdf = new HashMap<>();
    private final Map<String, Double> nlIdf = new HashMap<>();
    private final Map<String, String> group = new HashMap<>();
    /** ESCO's own hierarchy, read from its codes ("2342.1.2" is narrower than "2342.1"): occupation → code, code → occupation. */
    private final Map<String, String> escoCode = new HashMap<>();
    private final Map<String, String> byEscoCode = new HashMap<>();
    private final Map<String, List<String>> narrower = new HashMap<>();

    private final Map<String, String> titleNl = new HashMap<>();

    public BridgeLabels(Collection<Occupation> occupations) {
        for (Occupation o : occupations) {
            if (!o.titleNl().isEmpty()) {
                titleNl.put(o.id(), o.titleNl());
            }
            if (!o.scheme().equals("esco")) {
                continue;
            }
            if (o.parent() != null && !o.parent().isEmpty()) {
                group.put(o.id(), o.parent());
            }
            if (o.code().contains(".")) {
                escoCode.put(o.id(), o.code());
                byEscoCode.put(o.code(), o.id());
            }
            List<String> fr = new ArrayList<>();
            fr.add(o.title());
            // ESCO titles carry both genders: "animateur .../animatrice ...".
            fr.addAll(Arrays.asList(o.title().split("/")));
            fr.addAll(o.labels());
            add(o.id(), fr, "fr", frLabels, frByWord);
            List<String> nl = new ArrayList<>();
            if (!o.titleNl().isEmpty()) {
                nl.add(o.titleNl());
            }
            nl.addAll(o.labelsNl());
            add(o.id(), nl, "nl", nlLabels, nlByWord);
        }
        escoCode.forEach((id, code) -> {
            String up = broaderCode(code);
            if (up != null) {
                narrower.computeIfAbsent(up, k -> new ArrayList<>()).add(id);
            }
        });
        frByWord.forEach((w, ids) -> {
            if (w.length() > STEM) {
                frByStem.computeIfAbsent(w.substring(0, STEM), k -> new HashSet<>()).addAll(ids);
            }
        });
        idf(frByWord, frLabels.size(), frIdf);
        idf(nlByWord, nlLabels.size(), nlIdf);
    }

    private static void add(String id, List<String> labels, String lang, Map<String, List<Set<String>>> byId, Map<String, Set<String>> byWord) {
        Set<Set<String>> distinct = new HashSet<>();
        for (String label : labels) {
            Set<String> w = words(label, lang);
            if (!w.isEmpty() && distinct.add(w)) {
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(w);
                w.forEach(x -> byWord.computeIfAbsent(x, k -> new HashSet<>()).add(id));
            }
        }
    }

    private static void idf(Map<String, Set<String>> byWord, int n, Map<String, Double> out) {
        byWord.forEach((w, ids) -> out.put(w, Math.log(1 + n / (double) ids.size())));
    }

    /** The analysed words of a title in its language (gender forms folded, stop words out). */
    public static Set<String> words(String text, String lang) {
        return new HashSet<>(Analysis.tokens("nl".equals(lang) ? Fields.TITLE_NL : Fields.TITLE, text));
    }

    double idf(String word, String lang) {
        Map<String, Double> idf = "nl".equals(lang) ? nlIdf : frIdf;
        Double v = idf.get(word);
        // A word no ESCO label uses is as rare as the rarest.
        return v != null ? v : Math.log(1 + ("nl".equals(lang) ? nlLabels.size() : frLabels.size()));
    }

    List<Set<String>> labels(String escoId, String lang) {
        return ("nl".equals(lang) ? nlLabels : frLabels).getOrDefault(escoId, List.of());
    }

    /** ESCO occupations with a label sharing a word (or, in Dutch, a compound part) with the words given. */
    Set<String> sharingAWord(Set<String> words, String lang) {
        Map<String, Set<String>> byWord = "nl".equals(lang) ? nlByWord : frByWord;
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.addAll(byWord.getOrDefault(w, Set.of()));
        }
        if (!"nl".equals(lang)) {
            for (String w : words) {
                if (w.length() > STEM) {
                    out.addAll(frByStem.getOrDefault(w.substring(0, STEM), Set.of()));
                }
            }
        }
        // Dutch: compound parts and stems, found by walking the (smaller) Dutch vocabulary.
        if ("nl".equals(lang)) {
            for (Map.Entry<String, Set<String>> e : byWord.entrySet()) {
                for (String w : words) {
                    if (compoundPart(w, e.getKey()) || sameStem(w, e.getKey())) {
                        out.addAll(e.getValue());
                    }
                }
            }
        }
        return out;
    }

    /** The ISCO group of an ESCO occupation, or null. */
    String group(String escoId) {
        return group.get(escoId);
    }

    private static String broaderCode(String code) {
        int dot = code.lastIndexOf('.');
        return dot > 4 ? code.substring(0, dot) : null;
    }

    /**
     * The ESCO occupations next to one in ESCO's own hierarchy, each with how near: its broader occupation and its
     * narrower ones 1, its siblings (same broader occupation) 0.5. A title mapped to one of them is often mapped to
     * its family too (a Compétent profile to several narrower ESCO occupations).
     */
    Map<String, Double> family(String escoId) {
        String code = escoCode.get(escoId);
        if (code == null) {
            return Map.of();
        }
        Map<String, Double> out = new HashMap<>();
        String up = broaderCode(code);
        if (up != null && byEscoCode.containsKey(up)) {
            out.put(byEscoCode.get(up), 1.0);
            for (String sibling : narrower.getOrDefault(up, List.of())) {
                out.putIfAbsent(sibling, 0.5);
            }
        }
        for (String down : narrower.getOrDefault(code, List.of())) {
            out.put(down, 1.0);
        }
        out.remove(escoId);
        return out;
    }

    /** The Dutch title of an occupation (Compétent profiles, ESCO), or null. */
    String titleNl(String id) {
        return titleNl.get(id);
    }

    /**
     * How alike two word sets are: the rare words they share over the rare words either has (a weighted Jaccard);
     * a word of the same stem ({@link #sameStem}) or, in Dutch, one that begins or ends a compound of the other counts
     * for half ("kinderbegeleider", "begeleider").
     */
    double similarity(Set<String> a, Set<String> b, String lang) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double common = 0;
        double all = 0;
        Set<String> matchedB = new HashSet<>();
        for (String w : a) {
            double idf = idf(w, lang);
            all += idf;
            if (b.contains(w)) {
                common += idf;
                matchedB.add(w);
            } else {
                boolean nl = "nl".equals(lang);
                for (String v : b) {
                    if (sameStem(w, v) || nl && compoundPart(w, v)) {
                        common += 0.5 * Math.min(idf, idf(v, lang));
                        matchedB.add(v);
                        break;
                    }
                }
            }
        }
        for (String v : b) {
            if (!matchedB.contains(v)) {
                all += idf(v, lang);
            }
        }
        return all <= 0 ? 0 : common / all;
    }

    /** Two different words longer than {@value #STEM} letters that begin alike ("sociologie", "sociologue"). */
    static boolean sameStem(String a, String b) {
        return a.length() > STEM && b.length() > STEM && a.regionMatches(0, b, 0, STEM);
    }

    static boolean compoundPart(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= COMPOUND_PART && (longer.startsWith(shorter) || longer.endsWith(shorter));
    }
}
