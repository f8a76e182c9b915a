package eu.passerelle.match;

import java.util.ArrayList;
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

    /** The person's skills by analysed label word, to find near-identical skills worded differently. */
    final class SkillWords {
        private final Map<String, List<String>> byWord = new HashMap<>();
        private final Map<String, Set<String>> words = new HashMap<>();
        /**
         * Closest skill per required skill, for this person: occupations share most of their skills, so the same
         * skill is looked up for many candidates. Bounded by the graph's skills; lives for one request.
         */
        private final Map<String, Closest> closest = new HashMap<>(8192); // ~ the skills of 250 candidates: no rehash
        private static final Closest NONE = new Closest("", 0);

        SkillWords(Map<String, Double> has) {
            has.forEach((id, weight) -> {
                if (weight >= 0.5) {
                    Set<String> ws = graph.skillWords(id);
                    words.put(id, ws);
                    ws.forEach(word -> byWord.computeIfAbsent(word, k -> new ArrayList<>()).add(id));
                }
            });
        }

        /** The person's skill most similar to this one, if similar enough, else null. */
        Closest closest(String skillId) {
            Closest c = closest.get(skillId);
            if (c == null) {
                Closest found = search(skillId);
                c = found == null ? NONE : found;
                closest.put(skillId, c);
            }
            return c == NONE ? null : c;
        }

        private Closest search(String skillId) {
            Set<String> target = graph.skillWords(skillId);
            Map<String, Integer> common = new HashMap<>();
            for (String word : target) {
                for (String id : byWord.getOrDefault(word, List.of())) {
                    common.merge(id, 1, Integer::sum);
                }
            }
            Closest best = null;
            double bestSim = w.similarSkill();
            for (Map.Entry<String, Integer> e : common.entrySet()) {
                double sim = e.getValue() / (double) (target.size() + words.get(e.getKey()).size() - e.getValue());
                if (sim >= bestSim) {
                    bestSim = sim;
                    best = new Closest(e.getKey(), sim);
                }
            }
            return best;
        }
    }

    SkillWords words(Map<String, Double> has) {
        return new SkillWords(has);
    }

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
