package eu.passerelle.match;

import eu.passerelle.model.RecordType;
import eu.passerelle.search.Hit;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.SearchService;
import eu.passerelle.store.BridgeStore.CrosswalkMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The computed bridge for one job title no crosswalk maps (a new ROME appellation, a Compétent profile not yet
 * mapped, a feed title): ranks ESCO occupations by kinds of evidence, each in [0, 1], weighted and summed:
 * <ol>
 *   <li>{@code search}: the engine's search for the title among ESCO occupations, in the title's language;</li>
 *   <li>{@code label}: how alike the title's words and the ESCO occupation's own labels are (rare words weigh more);</li>
 *   <li>{@code known}: the nearest titles the crosswalks already map (ROME appellations, Compétent titles in the
 *       title's language), by the same word likeness, lend their ESCO occupations;</li>
 *   <li>{@code sibling}: the same, among the other appellations of the title's own ROME fiche only;</li>
 *   <li>{@code fiche}: every official mapping of the title's fiche, by how many of its appellations lead there;</li>
 *   <li>{@code neighbours}: the official mappings of the occupations the title finds in the other referentials;</li>
 *   <li>{@code same}: one of the ESCO occupation's labels says the title's words, no more, no fewer;</li>
 *   <li>{@code group}: the ESCO occupation's ISCO group holds others the evidence above ranks high (a profile
 *       mapped to several narrower ESCO occupations tends to stay in one group);</li>
 *   <li>{@code family}: the ESCO occupation is the broader, a narrower or a sibling occupation, in ESCO's own
 *       hierarchy, of one the evidence above ranks high; it may bring occupations that share no word with the title.</li>
 * </ol>
 * The official mappings it learns from are given to it, so the evaluation can hide the ones it scores.
 */
public final class TitleBridge {
    static final int SEARCHED = 20;
    /** How many of the best candidates vote for their ISCO group. */
    static final int GROUP_VOTERS = 5;
    /** Label likeness from which the title and an ESCO label say the same words (gender forms and plurals folded). */
    static final double SAME_WORDS = 0.95;
    static final int FEATURES = 8;

    /**
     * Evidence weights (see the class comment), one set per kind of title, tuned by coordinate search on titles the
     * pinned evaluation does not score (ROME: every 8th title from the 5th; Compétent: the 7 titles in 8 the pinned
     * subset leaves, same folds). The engine's search earned no weight once the label likeness was there: it ranks by
     * the same words, less sharply.
     */
    public record Weights(double search, double label, double known, double sibling, double fiche, double neighbours, double group, double same,
                          double family) {
        /** A ROME appellation: its fiche's other appellations say the most (retuned with the family: no gain, kept). */
        public static final Weights APPELLATION = new Weights(0, 2.25, 0.14, 3.0, 1.0, 0.19, 0.56, 0.5, 0);
        /**
         * A French title without a fiche (Compétent, a feed): label likeness, the nearest mapped titles, one ISCO group,
         * the ESCO family of the best candidates.
         */
        public static final Weights FRENCH = new Weights(0, 1.5, 0.5625, 0, 0, 0.28125, 3.375, 0.1875, 1.125);
        /** A Dutch title: ESCO's Dutch labels, the exact label, the ISCO group; few mapped Dutch titles to lean on. */
        public static final Weights DUTCH = new Weights(0, 0.75, 0, 0, 0, 0, 1.0, 1.125, 0.0625);

        public static Weights of(String lang, String fiche) {
            return fiche != null ? APPELLATION : "nl".equals(lang) ? DUTCH : FRENCH;
        }

        double[] asArray() {
            return new double[] {search, label, known, sibling, fiche, neighbours, 0, same};
        }
    }

    /** A title the crosswalks map: its words, and where it leads. */
    private record KnownTitle(String fromId, Set<String> words, Map<String, Double> esco) {
    }

    private final SearchService search;
    private final BridgeLabels labels;
    /** Official mappings known: occupation (ROME fiche, Compétent profile) → ESCO occupation → weight. */
    private final Map<String, Map<String, Double>> escoOf = new HashMap<>();
    private final Map<String, Map<String, List<KnownTitle>>> knownByWord = new HashMap<>();
    private final Map<String, List<KnownTitle>> knownByOccupation = new HashMap<>();

    public TitleBridge(SearchService search, BridgeLabels labels, Collection<CrosswalkMapping> known) {
        this.search = search;
        this.labels = labels;
        Map<String, List<CrosswalkMapping>> byCode = new LinkedHashMap<>();
        for (CrosswalkMapping m : known) {
            escoOf.computeIfAbsent(m.fromId(), k -> new HashMap<>()).merge(m.escoId(), OfficialLinks.weight(m.relation()), Double::sum);
            byCode.computeIfAbsent(m.code(), k -> new ArrayList<>()).add(m);
        }
        for (List<CrosswalkMapping> rows : byCode.values()) {
            CrosswalkMapping first = rows.get(0);
            Map<String, Double> esco = new HashMap<>();
            rows.forEach(r -> esco.merge(r.escoId(), OfficialLinks.weight(r.relation()), Math::max));
            addKnown(first.fromId(), first.label(), "fr", esco);
            if (!first.fromId().startsWith("rome:") && labels.titleNl(first.fromId()) != null) {
                addKnown(first.fromId(), labels.titleNl(first.fromId()), "nl", esco);
            }
        }
    }

    private void addKnown(String fromId, String title, String lang, Map<String, Double> esco) {
        Set<String> words = BridgeLabels.words(title, lang);
        if (words.isEmpty()) {
            return;
        }
        KnownTitle t = new KnownTitle(fromId, words, esco);
        words.forEach(w -> knownByWord.computeIfAbsent(lang, k -> new HashMap<>()).computeIfAbsent(w, k -> new ArrayList<>()).add(t));
        if (lang.equals("fr")) {
            knownByOccupation.computeIfAbsent(fromId, k -> new ArrayList<>()).add(t);
        }
    }

    /**
     * @param likeness how alike the title's words are to the candidate's labels or to the titles mapped to it (the
     *                 best of the label, known and sibling evidence, 0..1): what a link's confidence can rest on
     */
    public record Candidate(String escoId, double score, double likeness) {
    }

    /**
     * @param fiche   the ROME fiche the title belongs to, or null
     * @param exclude an occupation whose own mappings must not be used (the profile being bridged), or null
     */
    public List<Candidate> rank(String title, String lang, String fiche, String exclude, int limit) {
        Weights w = Weights.of(lang, fiche);
        return combine(evidence(title, lang, fiche, exclude, w), w, limit);
    }

    /** The evidence for each candidate ESCO occupation, in the order of {@link Weights} (the group's place left at 0). */
    public Map<String, double[]> evidence(String title, String lang, String fiche, String exclude, Weights weights) {
        Map<String, double[]> ev = new HashMap<>();
        Set<String> words = BridgeLabels.words(title, lang);
        // The searches are the costly part: only those whose evidence weighs anything are run.
        if (weights.search() != 0) {
            put(ev, 0, normalised(searched(title, lang, "esco")));
        }

        Map<String, Double> label = new HashMap<>();
        Map<String, Double> same = new HashMap<>();
        for (String id : labels.sharingAWord(words, lang)) {
            double best = 0;
            for (Set<String> l : labels.labels(id, lang)) {
                best = Math.max(best, labels.similarity(words, l, lang));
            }
            if (best > 0) {
                label.put(id, best);
                if (best >= SAME_WORDS) {
                    same.put(id, 1.0);
                }
            }
        }
        put(ev, 1, label);
        put(ev, 7, same);

        Map<String, Double> near = new HashMap<>();
        Set<KnownTitle> seen = new HashSet<>();
        Map<String, List<KnownTitle>> byWord = knownByWord.getOrDefault(lang, Map.of());
        for (String w : words) {
            for (KnownTitle t : byWord.getOrDefault(w, List.of())) {
                if (t.fromId().equals(exclude) || !seen.add(t)) {
                    continue;
                }
                double s = labels.similarity(words, t.words(), lang);
                t.esco().forEach((e, weight) -> near.merge(e, s * weight, Math::max));
            }
        }
        put(ev, 2, near);

        if (fiche != null) {
            Map<String, Double> sibling = new HashMap<>();
            for (KnownTitle t : knownByOccupation.getOrDefault(fiche, List.of())) {
                double s = labels.similarity(words, t.words(), lang);
                t.esco().forEach((e, weight) -> sibling.merge(e, s * weight, Math::max));
            }
            put(ev, 3, sibling);
            put(ev, 4, normalised(escoOf.getOrDefault(fiche, Map.of())));
        }

        Map<String, Double> neighbours = new HashMap<>();
        for (String scheme : weights.neighbours() == 0 ? List.<String>of() : "nl".equals(lang) ? List.of("competent") : List.of("rome", "competent")) {
            Map<String, Double> found = searched(title, lang, scheme);
            double top = found.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            found.forEach((occupation, s) -> {
                if (occupation.equals(exclude) || occupation.equals(fiche)) {
                    return;
                }
                Map<String, Double> mapped = escoOf.getOrDefault(occupation, Map.of());
                double total = mapped.values().stream().mapToDouble(Double::doubleValue).sum();
                mapped.forEach((esco, w) -> neighbours.merge(esco, s / top * w / total, Double::sum));
            });
        }
        put(ev, 5, normalised(neighbours));
        return ev;
    }

    /** Whether one of the ESCO occupation's French labels says the same words as the title. */
    boolean sameWords(Set<String> titleWords, String escoId) {
        return labels.labels(escoId, "fr").stream().anyMatch(l -> labels.similarity(titleWords, l, "fr") >= SAME_WORDS);
    }

    /** Weighted sum of the evidence, then the ISCO group vote of the best candidates; best first. */
    public List<Candidate> combine(Map<String, double[]> evidence, Weights w, int limit) {
        double[] weights = w.asArray();
        Map<String, Double> base = new HashMap<>();
        evidence.forEach((id, f) -> {
            double s = 0;
            for (int i = 0; i < weights.length; i++) {
                s += weights[i] * f[i];
            }
            base.put(id, s);
        });
        List<Candidate> ranked = sorted(base, evidence);
        if ((w.group() != 0 || w.family() != 0) && !ranked.isEmpty()) {
            Map<String, Double> vote = new HashMap<>();
            Map<String, Double> along = new HashMap<>();
            double top = ranked.get(0).score();
            for (Candidate c : ranked.subList(0, Math.min(GROUP_VOTERS, ranked.size()))) {
                double share = c.score() / top;
                String g = labels.group(c.escoId());
                if (g != null) {
                    vote.merge(g, share, Double::sum);
                }
                // The best candidates bring their ESCO family (broader, narrower, siblings), even without words in common.
                labels.family(c.escoId()).forEach((b, k) -> along.merge(b, w.family() * share * k, Double::sum));
            }
            Map<String, Double> rescored = new HashMap<>(base);
            along.forEach((id, v) -> {
                if (v > 0) {
                    rescored.merge(id, v / GROUP_VOTERS, Double::sum);
                }
            });
            rescored.replaceAll((id, s) -> {
                String g = labels.group(id);
                return s + (g == null ? 0 : w.group() * vote.getOrDefault(g, 0.0) / GROUP_VOTERS);
            });
            ranked = sorted(rescored, evidence);
        }
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    private static List<Candidate> sorted(Map<String, Double> score, Map<String, double[]> evidence) {
        List<Candidate> out = new ArrayList<>();
        score.forEach((id, s) -> {
            double[] f = evidence.get(id);
            out.add(new Candidate(id, s, f == null ? 0 : Math.max(f[1], Math.max(f[2], f[3]))));
        });
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.escoId().compareTo(b.escoId()));
        return out;
    }

    private static void put(Map<String, double[]> ev, int feature, Map<String, Double> values) {
        values.forEach((id, v) -> {
            if (id.startsWith("esco:") && v > 0) {
                ev.computeIfAbsent(id, k -> new double[FEATURES])[feature] = v;
            }
        });
    }

    private Map<String, Double> searched(String title, String lang, String scheme) {
        SearchRequest r = new SearchRequest(title, Set.of(RecordType.OCCUPATION), Set.of(scheme), Set.of(), Set.of(), Set.of(), Set.of(),
                null, null, lang, null, true, SEARCHED, 0);
        Map<String, Double> out = new HashMap<>();
        for (Hit hit : search.search(r, false).items()) {
            out.merge(hit.id(), hit.score() == null ? 0.0 : hit.score().doubleValue(), Math::max);
        }
        return out;
    }

    private static Map<String, Double> normalised(Map<String, Double> evidence) {
        double top = evidence.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> out = new HashMap<>();
        if (top > 0) {
            evidence.forEach((id, s) -> out.put(id, s / top));
        }
        return out;
    }
}
