package eu.passerelle.match;

import eu.passerelle.model.Occupation;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Skill;
import eu.passerelle.store.BridgeStore.OccupationLink;
import eu.passerelle.store.RelationStore.Mobility;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One graph over the three referentials, in memory: occupation → skills (essential / optional, ROME core
 * flag), skill → occupations, skill ↔ skill equivalences across referentials (Compétent ↔ ESCO official
 * mapping; ROME ↔ ESCO and ROME ↔ Compétent computed from identical analysed labels), ROME mobilités and
 * the computed occupation crosswalk. Reference data does not change while the service runs.
 */
public final class SkillGraph {
    private static final Logger LOG = LoggerFactory.getLogger(SkillGraph.class);

    public record Requirement(String skillId, boolean essential, boolean core) {
    }

    public record OccupationInfo(String id, String scheme, String title, String country, String parent) {
    }

    /** An equivalent skill in another referential, and where the equivalence comes from. */
    public record Equivalent(String skillId, String relation, double confidence, String source) {
    }

    final Map<String, List<Requirement>> requirements = new HashMap<>();
    final Map<String, List<String>> occupationsBySkill = new HashMap<>();
    final Map<String, String> skillLabels = new HashMap<>();
    final Map<String, OccupationInfo> occupations = new HashMap<>();
    final Map<String, List<Equivalent>> equivalents = new HashMap<>();
    final Map<String, List<Mobility>> mobilities = new HashMap<>();
    final Map<String, List<OccupationLink>> bridges = new HashMap<>();
    /** Analysed label keys, computed once per skill or label: matching compares them all the time. */
    private final Map<String, String> labelKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Set<String>> wordSets = new java.util.concurrent.ConcurrentHashMap<>();

    public static SkillGraph load(Store store) {
        long start = System.nanoTime();
        SkillGraph g = new SkillGraph();
        store.records().forEach(RecordType.OCCUPATION, Occupation.class, o ->
                g.occupations.put(o.id(), new OccupationInfo(o.id(), o.scheme(), o.title(), o.country(), o.parent())));
        store.records().forEach(RecordType.SKILL, Skill.class, s -> g.skillLabels.put(s.id(), s.label()));
        store.relations().forEachOccupationSkill(l -> {
            g.requirements.computeIfAbsent(l.occupationId(), k -> new ArrayList<>()).add(new Requirement(l.skillId(), "essential".equals(l.relation()), l.core()));
            g.occupationsBySkill.computeIfAbsent(l.skillId(), k -> new ArrayList<>()).add(l.occupationId());
        });
        store.relations().forEachSkillMapping(m -> g.addEquivalence(m.fromId(), m.toId(), m.relation(), "exact".equals(m.relation()) ? 0.95 : 0.75, m.source()));
        store.bridges().forEachSkillLink(l -> g.addEquivalence(l.fromId(), l.toId(), "exact", l.confidence(), l.method()));
        store.relations().forEachMobility(m -> g.mobilities.computeIfAbsent(m.fromId(), k -> new ArrayList<>()).add(m));
        g.mobilities.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(Mobility::rank)));
        store.bridges().forEachOccupationLink(l -> g.bridges.computeIfAbsent(l.fromId(), k -> new ArrayList<>()).add(l));
        g.bridges.values().forEach(list -> list.sort(OccupationLink.ORDER)); // official links first
        LOG.info("match: skill graph of {} occupations, {} skills, {} occupation→skill links, {} skills with equivalents, {} bridged occupations in {} ms",
                g.occupations.size(), g.skillLabels.size(), g.occupationsBySkill.values().stream().mapToInt(List::size).sum(),
                g.equivalents.size(), g.bridges.size(), (System.nanoTime() - start) / 1_000_000);
        return g;
    }

    /** An empty graph, to be built by hand with the methods below (unit tests of the matching phases). */
    static SkillGraph empty() {
        return new SkillGraph();
    }

    SkillGraph withOccupation(String id, String title, String country) {
        occupations.put(id, new OccupationInfo(id, id.substring(0, id.indexOf(':')), title, country, ""));
        return this;
    }

    SkillGraph withSkill(String id, String label) {
        skillLabels.put(id, label);
        return this;
    }

    SkillGraph withRequirement(String occupationId, String skillId, boolean essential, boolean core) {
        requirements.computeIfAbsent(occupationId, k -> new ArrayList<>()).add(new Requirement(skillId, essential, core));
        occupationsBySkill.computeIfAbsent(skillId, k -> new ArrayList<>()).add(occupationId);
        return this;
    }

    SkillGraph withEquivalence(String a, String b) {
        addEquivalence(a, b, "exact", 0.95, "test");
        return this;
    }

    SkillGraph withMobility(String from, String to, int rank) {
        mobilities.computeIfAbsent(from, k -> new ArrayList<>()).add(new Mobility(from, to, rank));
        return this;
    }

    SkillGraph withBridge(String from, String to, String kind, double confidence) {
        bridges.computeIfAbsent(from, k -> new ArrayList<>()).add(new OccupationLink(from, to, kind, confidence, "test"));
        return this;
    }

    private void addEquivalence(String a, String b, String relation, double confidence, String source) {
        equivalents.computeIfAbsent(a, k -> new ArrayList<>()).add(new Equivalent(b, relation, confidence, source));
        equivalents.computeIfAbsent(b, k -> new ArrayList<>()).add(new Equivalent(a, relation, confidence, source));
    }

    public List<Requirement> requirements(String occupationId) {
        return requirements.getOrDefault(occupationId, List.of());
    }

    public List<String> occupationsWith(String skillId) {
        return occupationsBySkill.getOrDefault(skillId, List.of());
    }

    public String skillLabel(String skillId) {
        return skillLabels.getOrDefault(skillId, skillId);
    }

    /** The analysed key of a skill's label (see DocumentMapper.labelKey), cached. */
    public String skillKey(String skillId) {
        // get first: computeIfAbsent on a present key costs several times a get, and matching asks constantly.
        String key = labelKeys.get(skillId);
        return key != null ? key : labelKeys.computeIfAbsent(skillId, id -> eu.passerelle.index.Analysis.labelKey(skillLabel(id)));
    }

    /** A skill's analysed label as a set of words, cached: near-identical skills are compared constantly. */
    public Set<String> skillWords(String skillId) {
        Set<String> words = wordSets.get(skillId);
        return words != null ? words : wordSets.computeIfAbsent(skillId, id -> Set.of(java.util.Arrays.stream(skillKey(id).split(" ")).distinct().toArray(String[]::new)));
    }

    /**
     * Analysed keys of free texts (posting skills repeat across posts), at most {@link #TEXT_KEYS} of them: fed postings
     * bring free-text skills without end, and a cache that only grows would, at a million postings, fill the heap.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, String> textKeys =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(TEXT_KEYS).executor(Runnable::run).build();
    static final int TEXT_KEYS = 50_000;

    /** The analysed key of any label text, cached within a bound (posting skills repeat across posts). */
    public String textKey(String label) {
        String key = textKeys.getIfPresent(label);
        return key != null ? key : textKeys.get(label, eu.passerelle.index.Analysis::labelKey);
    }

    public boolean hasSkill(String skillId) {
        return skillLabels.containsKey(skillId);
    }

    public OccupationInfo occupation(String id) {
        return occupations.get(id);
    }

    public List<Equivalent> equivalents(String skillId) {
        return equivalents.getOrDefault(skillId, List.of());
    }

    public List<Mobility> mobilitiesFrom(String occupationId) {
        return mobilities.getOrDefault(occupationId, List.of());
    }

    public List<OccupationLink> bridges(String occupationId) {
        return bridges.getOrDefault(occupationId, List.of());
    }

    /** The skill and its equivalents in the other referentials, two hops at most (ROME → ESCO → Compétent). */
    public Set<String> closure(String skillId) {
        Set<String> out = new HashSet<>();
        out.add(skillId);
        for (Equivalent e : equivalents(skillId)) {
            out.add(e.skillId());
            for (Equivalent e2 : equivalents(e.skillId())) {
                out.add(e2.skillId());
            }
        }
        return out;
    }

    /**
     * The skills an occupation asks for. A Compétent profile has none in the open data: it borrows those of
     * the occupations the crosswalk bridges it to, weighted by the bridge's confidence.
     */
    public List<Requirement> effectiveRequirements(String occupationId) {
        List<Requirement> own = requirements(occupationId);
        if (!own.isEmpty()) {
            return own;
        }
        for (OccupationLink l : bridges(occupationId)) {
            List<Requirement> borrowed = requirements(l.toId());
            if (!borrowed.isEmpty() && l.confidence() >= 0.5) {
                return borrowed;
            }
        }
        return List.of();
    }

    /** The occupation itself if it is a ROME fiche, else the ROME fiche the crosswalk bridges it to, or null. */
    public String romeEquivalent(String occupationId) {
        if (occupationId.startsWith("rome:")) {
            return occupationId;
        }
        return bridges(occupationId).stream().map(OccupationLink::toId).filter(id -> id.startsWith("rome:")).findFirst().orElse(null);
    }

    /** The occupation whose skills an occupation without its own skills borrows, if any. */
    public OccupationLink borrowedFrom(String occupationId) {
        if (!requirements(occupationId).isEmpty()) {
            return null;
        }
        return bridges(occupationId).stream().filter(l -> !requirements(l.toId()).isEmpty() && l.confidence() >= 0.5).findFirst().orElse(null);
    }
}
