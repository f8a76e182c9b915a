package eu.passerelle.match;

import eu.passerelle.index.DocumentMapper;
import eu.passerelle.model.Occupation;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Skill;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.SearchService;
import eu.passerelle.store.BridgeStore.CrosswalkMapping;
import eu.passerelle.store.BridgeStore.OccupationLink;
import eu.passerelle.store.BridgeStore.SkillLink;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the bridge between ROME, ESCO and Compétent. The official crosswalks come first ({@link OfficialLinks}:
 * ROME fiche ↔ ESCO from the appellations, Compétent ↔ ESCO, ROME ↔ Compétent composed through ESCO); the
 * computed bridge below fills only what they lack, for each occupation and referential on either side:
 * <ol>
 *   <li>skills: a ROME skill and an ESCO or Compétent skill whose analysed French labels are identical are
 *       equivalent (confidence 0.9);</li>
 *   <li>occupations to ESCO: {@link TitleBridge} over the title (see {@link #bridgeToEsco});</li>
 *   <li>occupations between ROME and Compétent: candidates are the occupations of the other referential sharing an analysed label
 *       (any title or alternative label), plus the engine's own search for the title; each is scored by
 *       label similarity (word overlap, or the search's clear winner) and, where both sides have skills, by
 *       skill overlap through the equivalences.</li>
 * </ol>
 * The kind says how the two relate from the first to the second: exact (same label), narrow (the second
 * is more specific: its label contains all the words of the first), broad (the reverse), close.
 */
public final class Crosswalk {
    private static final Logger LOG = LoggerFactory.getLogger(Crosswalk.class);
    static final double MIN_CONFIDENCE = 0.45;
    private static final int SEARCH_CANDIDATES = 5;
    static final int BRIDGED_PER_OCCUPATION = 3;
    static final double BRIDGED_WITHIN = 0.6;
    /**
     * How often the title bridge's first candidate is an official mapping, on the hidden folds of the evaluation
     * (Acc@1: 0.70 for ROME appellations, 0.57 for Compétent French titles): the confidence of a first candidate.
     */
    static final double BRIDGED_FIRST_RIGHT = 0.6;
    /** Word likeness (weighted share of rare words) from which the words alone do not lower a bridged link's confidence. */
    static final double BRIDGED_LIKE = 0.5;
    /** Label evidence of a search's top hit that beats the runner-up by far (halved when they tie). */
    static final double SEARCH_WINNER = 0.75;

    private Crosswalk() {
    }

    public static void build(Store store, SearchService search) {
        long start = System.nanoTime();
        Map<String, Occupation> occupations = new LinkedHashMap<>();
        store.records().forEach(RecordType.OCCUPATION, Occupation.class, o -> occupations.put(o.id(), o));
        List<Skill> skills = new ArrayList<>();
        store.records().forEach(RecordType.SKILL, Skill.class, skills::add);

        // 1. Skills with identical analysed labels across referentials.
        Map<String, List<String>> skillsByKey = new HashMap<>();
        for (Skill s : skills) {
            if (!s.scheme().equals("rome")) {
                for (String label : labels(s)) {
                    skillsByKey.computeIfAbsent(DocumentMapper.labelKey(label), k -> new ArrayList<>()).add(s.id());
                }
            }
        }
        List<SkillLink> skillLinks = new ArrayList<>();
        Map<String, Set<String>> romeToOther = new HashMap<>();
        for (Skill s : skills) {
            if (s.scheme().equals("rome")) {
                for (String other : skillsByKey.getOrDefault(DocumentMapper.labelKey(s.label()), List.of())) {
                    skillLinks.add(new SkillLink(s.id(), other, 0.9, "identical analysed French label"));
                    romeToOther.computeIfAbsent(s.id(), k -> new HashSet<>()).add(other);
                }
            }
        }

        // 2. Occupations.
        Map<String, Set<String>> skillsOf = new HashMap<>();
        store.relations().forEachOccupationSkill(l -> skillsOf.computeIfAbsent(l.occupationId(), k -> new HashSet<>()).add(l.skillId()));
        Map<String, List<String>> occByKey = new HashMap<>();
        Map<String, Set<String>> keysOf = new HashMap<>();
        for (Occupation o : occupations.values()) {
            for (String label : labels(o)) {
                String key = DocumentMapper.labelKey(label);
                if (!key.isEmpty()) {
                    occByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(o.id());
                    keysOf.computeIfAbsent(o.id(), k -> new HashSet<>()).add(key);
                }
            }
        }
        Map<String, OccupationLink> links = new LinkedHashMap<>();
        List<CrosswalkMapping> mappings = store.bridges().mappings();
        List<OccupationLink> official = OfficialLinks.official(mappings, occupations);
        List<OccupationLink> composed = OfficialLinks.composed(official, occupations);
        // Which occupation already reaches which referential through the official crosswalks.
        Set<String> covered = new HashSet<>();
        for (OccupationLink l : official) {
            links.put(l.fromId() + ">" + l.toId(), l);
            covered.add(l.fromId() + ">" + scheme(l.toId()));
        }
        for (OccupationLink l : composed) {
            links.putIfAbsent(l.fromId() + ">" + l.toId(), l);
            covered.add(l.fromId() + ">" + scheme(l.toId()));
        }
        int officialLinks = links.size();
        int bridged = bridgeToEsco(mappings, search, occupations, links, covered);
        for (Occupation a : occupations.values()) {
            if (a.scheme().equals("esco")) {
                continue; // ESCO is reached from both sides; its links are the inverses
            }
            Map<String, Double> labelScore = new HashMap<>();
            for (String key : keysOf.getOrDefault(a.id(), Set.of())) {
                for (String b : occByKey.getOrDefault(key, List.of())) {
                    if (!occupations.get(b).scheme().equals(a.scheme())) {
                        labelScore.merge(b, 1.0, Math::max);
                    }
                }
            }
            for (String scheme : List.of("rome", "esco", "competent")) {
                if (scheme.equals(a.scheme()) || covered.contains(a.id() + ">" + scheme)) {
                    continue;
                }
                SearchRequest r = new SearchRequest(a.title(), Set.of(RecordType.OCCUPATION), Set.of(scheme), Set.of(), Set.of(), Set.of(), Set.of(),
                        null, null, "fr", null, true, SEARCH_CANDIDATES, 0);
                List<eu.passerelle.search.Hit> items = search.search(r, false).items();
                for (int i = 0; i < items.size(); i++) {
                    String b = items.get(i).id();
                    double sim = similarity(keysOf.getOrDefault(a.id(), Set.of()), keysOf.getOrDefault(b, Set.of()));
                    if (i == 0) {
                        // The engine's own search finding it first by a clear margin is label evidence too.
                        double first = items.get(0).score();
                        double second = items.size() > 1 ? items.get(1).score() : 0;
                        sim = Math.max(sim, SEARCH_WINNER * (1 - 0.5 * second / first));
                    }
                    labelScore.merge(b, sim, Math::max);
                }
            }
            for (Map.Entry<String, Double> e : labelScore.entrySet()) {
                String b = e.getKey();
                if (covered.contains(a.id() + ">" + scheme(b)) || covered.contains(b + ">" + a.scheme())) {
                    continue; // the official crosswalks already say where these go
                }
                double label = e.getValue();
                Double skill = skillOverlap(a.id(), b, skillsOf, romeToOther);
                double confidence = skill == null ? 0.85 * label : 0.6 * label + 0.4 * skill;
                if (confidence < MIN_CONFIDENCE) {
                    continue;
                }
                String kind = kind(keysOf.getOrDefault(a.id(), Set.of()), keysOf.getOrDefault(b, Set.of()), label);
                String method = (label >= 1.0 ? "same label" : "similar labels") + (skill == null ? "" : String.format(java.util.Locale.ROOT, ", %.0f %% shared skills", skill * 100));
                double rounded = Math.round(confidence * 1000) / 1000.0;
                links.merge(a.id() + ">" + b, new OccupationLink(a.id(), b, kind, rounded, method), (x, y) -> x.confidence() >= y.confidence() ? x : y);
                links.merge(b + ">" + a.id(), new OccupationLink(b, a.id(), OccupationLink.inverse(kind), rounded, method), (x, y) -> x.confidence() >= y.confidence() ? x : y);
            }
        }
        store.bridges().replace(new ArrayList<>(links.values()), skillLinks);
        LOG.info("match: crosswalk of {} occupation links ({} official, {} composed through ESCO, {} computed where they are silent, {} of them to ESCO by the title bridge) and {} skill equivalences in {} s",
                links.size(), official.size(), officialLinks - official.size(), links.size() - officialLinks, bridged, skillLinks.size(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    /**
     * ESCO links for every ROME fiche and Compétent profile the official crosswalks leave without one, from
     * {@link TitleBridge} over its French title (learning from every official mapping): the best candidates, up to
     * {@value #BRIDGED_PER_OCCUPATION}, within {@value #BRIDGED_WITHIN} of the best one's score. Returns how many links
     * (both directions) it added.
     */
    static int bridgeToEsco(List<CrosswalkMapping> mappings, SearchService search, Map<String, Occupation> occupations, Map<String, OccupationLink> links,
                            Set<String> covered) {
        TitleBridge bridge = new TitleBridge(search, new BridgeLabels(occupations.values()), mappings);
        int added = 0;
        for (Occupation a : occupations.values()) {
            if (a.scheme().equals("esco") || covered.contains(a.id() + ">esco")) {
                continue;
            }
            List<TitleBridge.Candidate> ranked = bridge.rank(a.title(), "fr", null, a.id(), BRIDGED_PER_OCCUPATION);
            if (ranked.isEmpty() || ranked.get(0).score() <= 0) {
                continue;
            }
            Set<String> titleWords = BridgeLabels.words(a.title(), "fr");
            double top = ranked.get(0).score();
            for (int i = 0; i < ranked.size(); i++) {
                TitleBridge.Candidate c = ranked.get(i);
                double relative = c.score() / top;
                // Titles no crosswalk maps are often occupations ESCO lacks: the words must carry the link too.
                double confidence = Math.round(BRIDGED_FIRST_RIGHT * relative * Math.min(1, c.likeness() / BRIDGED_LIKE) * 1000) / 1000.0;
                if (relative < BRIDGED_WITHIN) {
                    break;
                }
                if (confidence < MIN_CONFIDENCE) {
                    continue;
                }
                Occupation b = occupations.get(c.escoId());
                String kind = b != null && bridge.sameWords(titleWords, c.escoId()) ? "exact" : "close";
                String method = String.format(java.util.Locale.ROOT, "title bridge: candidate %d, %.0f %% of the best score, words %.0f %% alike", i + 1,
                        relative * 100, c.likeness() * 100);
                links.putIfAbsent(a.id() + ">" + c.escoId(), new OccupationLink(a.id(), c.escoId(), kind, confidence, method));
                links.putIfAbsent(c.escoId() + ">" + a.id(), new OccupationLink(c.escoId(), a.id(), OccupationLink.inverse(kind), confidence, method));
                added += 2;
            }
            covered.add(a.id() + ">esco");
        }
        return added;
    }

    private static String scheme(String occupationId) {
        return occupationId.substring(0, occupationId.indexOf(':'));
    }

    private static List<String> labels(Occupation o) {
        List<String> out = new ArrayList<>();
        out.add(o.title());
        // ESCO titles carry both genders: "animateur .../animatrice ...".
        if (o.scheme().equals("esco")) {
            out.addAll(Arrays.asList(o.title().split("/")));
        }
        out.addAll(o.labels());
        return out;
    }

    private static List<String> labels(Skill s) {
        List<String> out = new ArrayList<>();
        out.add(s.label());
        out.addAll(s.altLabels());
        return out;
    }

    /** Best word overlap (Jaccard) between any label of one and any label of the other. */
    static double similarity(Set<String> keysA, Set<String> keysB) {
        double best = 0;
        for (String a : keysA) {
            Set<String> wa = Set.of(a.split(" "));
            for (String b : keysB) {
                Set<String> wb = Set.of(b.split(" "));
                long common = wa.stream().filter(wb::contains).count();
                best = Math.max(best, common / (double) (wa.size() + wb.size() - common));
            }
        }
        return best;
    }

    /** Share of skills in common through the equivalences (Dice), or null when one side has no skills. */
    private static Double skillOverlap(String a, String b, Map<String, Set<String>> skillsOf, Map<String, Set<String>> romeToOther) {
        Set<String> sa = skillsOf.getOrDefault(a, Set.of());
        Set<String> sb = skillsOf.getOrDefault(b, Set.of());
        if (sa.isEmpty() || sb.isEmpty()) {
            return null;
        }
        Set<String> mapped = new HashSet<>();
        for (String s : sa) {
            mapped.add(s);
            mapped.addAll(romeToOther.getOrDefault(s, Set.of()));
        }
        Set<String> mappedB = new HashSet<>();
        for (String s : sb) {
            mappedB.add(s);
            mappedB.addAll(romeToOther.getOrDefault(s, Set.of()));
        }
        long common = sa.stream().filter(s -> mappedB.contains(s) || romeToOther.getOrDefault(s, Set.of()).stream().anyMatch(sb::contains)).count();
        return 2.0 * common / (sa.size() + sb.size());
    }

    private static String kind(Set<String> keysA, Set<String> keysB, double label) {
        if (label >= 1.0) {
            return "exact";
        }
        for (String a : keysA) {
            Set<String> wa = Set.of(a.split(" "));
            for (String b : keysB) {
                Set<String> wb = Set.of(b.split(" "));
                if (wb.containsAll(wa) && wb.size() > wa.size()) {
                    return "narrow";
                }
                if (wa.containsAll(wb) && wa.size() > wb.size()) {
                    return "broad";
                }
            }
        }
        return "close";
    }
}
