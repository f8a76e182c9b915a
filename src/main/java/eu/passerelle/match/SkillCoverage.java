package eu.passerelle.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a person covers of an occupation's skills: a pure function of the graph, the requirements and the
 * person's skills. Core and essential skills weigh more; a missing skill worded differently in another fiche
 * from one the person has counts half, times how close the wording is.
 */
final class SkillCoverage {
    /**
     * @param value      weighted share of the requirements the person has (what ranking uses and what is shown)
     * @param heldKey    core or essential skills held (a near one counts)
     * @param totalKey   core or essential skills asked for
     * @param held       all skills held, near ones included
     * @param total      all skills asked for
     */
    record Coverage(double value, int heldKey, int totalKey, int held, int total,
                    List<Explanation.SkillRef> matched, List<Explanation.MissingSkill> missing) {
    }

    /** A skill of the person close to a required one, and how close (Jaccard of analysed label words). */
    record Closest(String skillId, double similarity) {
    }

    private final SkillGraph graph;
    private final MatchWeights w;

    SkillCoverage(SkillGraph graph, MatchWeights w) {
        this.graph = graph;
        this.w = w;
    }

    /**
     * Skills worded near-identically (Jaccard of analysed label words at least {@code similarSkill}), per skill,
     * computed once on first use from a word index over every skill of the graph: reference data does not change
     * while the service runs, so a request's near-skill credit is a walk down a short list, not a search.
     */
    private volatile Map<String, String[]> skillsByWord;
    private final Map<String, List<Closest>> nearSkills = new ConcurrentHashMap<>();

    /** Builds the word index now (it is otherwise built by the first match that needs it). */
    void prepare() {
        skillsByWord();
    }

    private Map<String, String[]> skillsByWord() {
        Map<String, String[]> index = skillsByWord;
        if (index == null) {
            synchronized (this) {
                index = skillsByWord;
                if (index == null) {
                    Set<String> all = new HashSet<>(graph.skillLabels.keySet());
                    all.addAll(graph.equivalents.keySet());
                    all.addAll(graph.occupationsBySkill.keySet());
                    Map<String, List<String>> byWord = new HashMap<>();
                    for (String id : all) {
                        graph.skillWords(id).forEach(word -> byWord.computeIfAbsent(word, k -> new ArrayList<>()).add(id));
                    }
                    Map<String, String[]> frozen = new HashMap<>(byWord.size() * 2);
                    byWord.forEach((word, ids) -> frozen.put(word, ids.toArray(String[]::new)));
                    skillsByWord = index = frozen;
                }
            }
        }
        return index;
    }

    /** The skills near this one, most similar first (ties by id, so the skill shown is stable). */
    List<Closest> near(String skillId) {
        List<Closest> list = nearSkills.get(skillId);
        return list != null ? list : nearSkills.computeIfAbsent(skillId, this::findNear);
    }

    private List<Closest> findNear(String skillId) {
        Map<String, String[]> index = skillsByWord();
        Set<String> target = graph.skillWords(skillId);
        Map<String, Integer> common = new HashMap<>();
        for (String word : target) {
            for (String id : index.getOrDefault(word, NO_SKILLS)) {
                common.merge(id, 1, Integer::sum);
            }
        }
        List<Closest> out = new ArrayList<>();
        common.forEach((id, n) -> {
            double sim = n / (double) (target.size() + graph.skillWords(id).size() - n);
            if (sim >= w.similarSkill() && !id.equals(skillId)) {
                out.add(new Closest(id, sim));
            }
        });
        out.sort(Comparator.comparingDouble(Closest::similarity).reversed().thenComparing(Closest::skillId));
        return List.copyOf(out);
    }

    private static final String[] NO_SKILLS = new String[0];

    /** The near-skill credit for one person: the most similar of their skills (weight ≥ 0.5) to a required one. */
    final class SkillWords {
        private final Map<String, Double> has;

        SkillWords(Map<String, Double> has) {
            this.has = has;
        }

        /** The person's skill most similar to this one, if similar enough, else null. */
        Closest closest(String skillId) {
            for (Closest c : near(skillId)) {
                if (has.getOrDefault(c.skillId(), 0.0) >= 0.5) {
                    return c;
                }
            }
            return null;
        }
    }

    SkillWords words(Map<String, Double> has) {
        return new SkillWords(has);
    }

    /** The coverage value alone ({@link Coverage#value()}), without labels or lists: what ranking needs for every candidate. */
    double value(List<SkillGraph.Requirement> requirements, Map<String, Double> has, SkillWords similar) {
        double total = 0;
        double got = 0;
        for (SkillGraph.Requirement r : requirements) {
            double weight = w.skillWeight(r);
            total += weight;
            double h = has.getOrDefault(r.skillId(), 0.0);
            if (h > 0) {
                got += weight * Math.min(1, h);
            } else if (similar != null) {
                Closest near = similar.closest(r.skillId());
                if (near != null) {
                    got += weight * 0.5 * near.similarity();
                }
            }
        }
        return total == 0 ? 0 : got / total;
    }

    /**
     * Whether the person holds (or nearly holds) at least one of these skills that is specific to few occupations.
     * Transversal skills ("Relayer de l'information", asked by 100+ fiches) alone say nothing about the trade.
     */
    boolean holdsSpecific(List<SkillGraph.Requirement> requirements, Map<String, Double> has, SkillWords similar) {
        for (SkillGraph.Requirement r : requirements) {
            boolean held = has.getOrDefault(r.skillId(), 0.0) > 0 || similar != null && similar.closest(r.skillId()) != null;
            if (held && graph.occupationsWith(r.skillId()).size() < GENERIC_SKILL_OCCUPATIONS) {
                return true;
            }
        }
        return false;
    }

    /** A skill asked by this many occupations or more is transversal (measured: child-care skills 2-11, generic ones 60-120). */
    static final int GENERIC_SKILL_OCCUPATIONS = 50;

    Coverage of(List<SkillGraph.Requirement> requirements, Map<String, Double> has) {
        return of(requirements, has, null);
    }

    Coverage of(List<SkillGraph.Requirement> requirements, Map<String, Double> has, SkillWords similar) {
        double total = 0;
        double got = 0;
        int heldKey = 0;
        int totalKey = 0;
        int held = 0;
        List<Explanation.SkillRef> matched = new ArrayList<>();
        List<Explanation.MissingSkill> missing = new ArrayList<>();
        List<Explanation.MissingSkill> missingOptional = new ArrayList<>();
        for (SkillGraph.Requirement r : requirements) {
            double weight = w.skillWeight(r);
            boolean key = r.core() || r.essential();
            total += weight;
            double h = has.getOrDefault(r.skillId(), 0.0);
            if (key) {
                totalKey++;
            }
            Closest near = h > 0 || similar == null ? null : similar.closest(r.skillId());
            if (h > 0) {
                got += weight * Math.min(1, h);
            } else if (near != null) {
                got += weight * 0.5 * near.similarity();
            }
            if (h > 0 || near != null) {
                held++;
                if (key) {
                    heldKey++;
                }
                if (matched.size() < w.maxSkillsShown()) {
                    matched.add(near == null ? new Explanation.SkillRef(r.skillId(), graph.skillLabel(r.skillId()))
                            : new Explanation.SkillRef(r.skillId(), graph.skillLabel(r.skillId()), near.skillId(), graph.skillLabel(near.skillId())));
                }
            } else if (key) {
                missing.add(new Explanation.MissingSkill(r.skillId(), graph.skillLabel(r.skillId()), true));
            } else if (missing.size() + missingOptional.size() < w.maxSkillsShown()) {
                missingOptional.add(new Explanation.MissingSkill(r.skillId(), graph.skillLabel(r.skillId()), false));
            }
        }
        missing.addAll(missingOptional);
        return new Coverage(total == 0 ? 0 : got / total, heldKey, totalKey, held, requirements.size(),
                matched, List.copyOf(missing.subList(0, Math.min(w.maxSkillsShown(), missing.size()))));
    }
}
