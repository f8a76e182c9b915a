package eu.passerelle.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * An occupation's requirements (its own, or those it borrows through the crosswalk) with what ranking needs of each:
     * weight, and whether the skill is specific to few occupations. Computed once per skill graph, so ranking a
     * candidate is a walk down arrays, one look-up in the person's credit per requirement.
     */
    record RequirementVector(List<SkillGraph.Requirement> requirements, String[] skills, double[] weights, boolean[] specific, double total) {
    }

    /** What is computed once per skill graph: near-skill lists and requirement vectors. */
    private record Prepared(NearSkills near, Map<String, RequirementVector> vectors) {
    }

    private volatile Prepared prepared;

    /**
     * Builds the near-skill lists and the requirement vectors now: at start, on a background thread. A match that comes
     * before it is done waits for it (once), rather than building pieces of it under load.
     */
    void prepare() {
        prepared();
    }

    private Prepared prepared() {
        Prepared p = prepared;
        if (p == null) {
            synchronized (this) {
                p = prepared;
                if (p == null) {
                    Set<String> occupations = new HashSet<>(graph.occupations.keySet());
                    occupations.addAll(graph.requirements.keySet());
                    Map<String, RequirementVector> vectors = new HashMap<>(occupations.size() * 2);
                    for (String id : occupations) {
                        vectors.put(id, vector(graph.effectiveRequirements(id)));
                    }
                    prepared = p = new Prepared(NearSkills.build(graph, w.similarSkill()), Map.copyOf(vectors));
                }
            }
        }
        return p;
    }

    private RequirementVector vector(List<SkillGraph.Requirement> requirements) {
        int n = requirements.size();
        String[] skills = new String[n];
        double[] weights = new double[n];
        boolean[] specific = new boolean[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            SkillGraph.Requirement r = requirements.get(i);
            skills[i] = r.skillId();
            weights[i] = w.skillWeight(r);
            specific[i] = graph.occupationsWith(r.skillId()).size() < GENERIC_SKILL_OCCUPATIONS;
            total += weights[i]; // summed in requirement order, as the coverage always did
        }
        return new RequirementVector(requirements, skills, weights, specific, total);
    }

    /** The requirement vector of an occupation (empty when it asks for no skill and borrows none). */
    RequirementVector vector(String occupationId) {
        RequirementVector v = prepared().vectors().get(occupationId);
        return v != null ? v : vector(graph.effectiveRequirements(occupationId));
    }

    /** How many (skill, near required skill) pairs were found: for the start-up log. */
    int nearPairs() {
        return prepared().near().pairs();
    }

    /**
     * The near-skill credit for one person, expanded once per request from the person's side: for every required skill
     * worded near-identically to one of the person's skills (weight ≥ 0.5), the most similar of them (ties by id).
     */
    final class SkillWords {
        private final Map<String, Closest> best = new HashMap<>();

        SkillWords(Map<String, Double> has) {
            NearSkills near = prepared().near();
            has.forEach((skill, weight) -> {
                if (weight >= 0.5) {
                    for (Closest c : near.of(skill)) {
                        Closest old = best.get(c.skillId());
                        if (old == null || c.similarity() > old.similarity() || c.similarity() == old.similarity() && skill.compareTo(old.skillId()) < 0) {
                            best.put(c.skillId(), new Closest(skill, c.similarity()));
                        }
                    }
                }
            });
        }

        /** The person's skill most similar to this one, if similar enough, else null. */
        Closest closest(String skillId) {
            return best.get(skillId);
        }
    }

    SkillWords words(Map<String, Double> has) {
        return new SkillWords(has);
    }

    /** The coverage value alone ({@link Coverage#value()}), without labels or lists: what ranking needs for every candidate. */
    double value(RequirementVector v, Map<String, Double> has, SkillWords similar) {
        double got = 0;
        String[] skills = v.skills();
        double[] weights = v.weights();
        for (int i = 0; i < skills.length; i++) {
            Double h = has.get(skills[i]);
            if (h != null && h > 0) {
                got += weights[i] * Math.min(1, h);
            } else if (similar != null) {
                Closest near = similar.closest(skills[i]);
                if (near != null) {
                    got += weights[i] * 0.5 * near.similarity();
                }
            }
        }
        return v.total() == 0 ? 0 : got / v.total();
    }

    /**
     * Whether the person holds (or nearly holds) at least one of these skills that is specific to few occupations.
     * Transversal skills ("Relayer de l'information", asked by 100+ fiches) alone say nothing about the trade.
     */
    boolean holdsSpecific(RequirementVector v, Map<String, Double> has, SkillWords similar) {
        String[] skills = v.skills();
        for (int i = 0; i < skills.length; i++) {
            if (v.specific()[i] && (has.getOrDefault(skills[i], 0.0) > 0 || similar != null && similar.closest(skills[i]) != null)) {
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
