package eu.passerelle.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What is computed once per skill graph (near-skill lists with a prefix filter, requirement vectors) and the profile's
 * near-skill expansion per request give exactly what the per-requirement computation gave, over a hand-built graph
 * whose labels share words in many ways (ties in similarity included). The reference below is that computation,
 * written out plainly: every skill against every skill, Jaccard of analysed words, the person's first near skill.
 */
class PrecomputedCoverageTest {
    private final SkillGraph graph = SkillGraph.empty()
            .withOccupation("rome:K1", "Animateur de loisirs", "FR")
            .withOccupation("rome:K2", "Auxiliaire de puériculture", "FR")
            .withOccupation("rome:K3", "Agent d'entretien", "FR")
            .withOccupation("competent:X", "Animateur (BE)", "BE")
            .withSkill("rome:s1", "Animer des activités de loisirs")
            .withSkill("rome:s2", "Assurer la sécurité des enfants")
            .withSkill("rome:s3", "Tenir un registre de présence")
            .withSkill("rome:s4", "Préparer les repas des enfants")
            .withSkill("rome:s5", "Entretenir les locaux")
            .withSkill("rome:s6", "Assurer l'hygiène des enfants")
            .withSkill("esco:e1", "assurer la sécurité des jeunes enfants")
            .withSkill("esco:e2", "animer des activités de loisirs pour enfants")
            .withSkill("esco:e3", "préparer des repas")
            .withSkill("esco:e4", "entretenir des locaux professionnels")
            .withSkill("esco:e5", "assurer l'hygiène et la sécurité des enfants")
            .withSkill("esco:e6", "tenir un registre")
            .withSkill("competent:c1", "Animer des activités")
            .withRequirement("rome:K1", "rome:s1", true, true)
            .withRequirement("rome:K1", "rome:s2", true, false)
            .withRequirement("rome:K1", "rome:s3", false, false)
            .withRequirement("rome:K2", "rome:s2", true, true)
            .withRequirement("rome:K2", "rome:s4", false, false)
            .withRequirement("rome:K2", "rome:s6", true, false)
            .withRequirement("rome:K2", "esco:e5", false, false)
            .withRequirement("rome:K3", "rome:s5", true, true)
            .withRequirement("rome:K3", "esco:e6", false, false)
            .withBridge("competent:X", "rome:K1", "exact", 0.9);
    private final MatchWeights w = MatchWeights.DEFAULT;
    private final SkillCoverage coverage = new SkillCoverage(graph, w);

    @Test
    void nearSkillListsEqualEveryPairCompared() {
        NearSkills near = NearSkills.build(graph, w.similarSkill());
        int pairs = 0;
        for (String skill : universe()) {
            List<SkillCoverage.Closest> expected = referenceNear(skill).stream().filter(c -> graph.occupationsBySkill.containsKey(c.skillId())).toList();
            assertThat(List.of(near.of(skill))).as(skill).isEqualTo(expected);
            pairs += expected.size();
        }
        assertThat(pairs).as("the graph has near pairs to compare").isGreaterThan(4);
        assertThat(near.pairs()).isEqualTo(pairs);
    }

    @Test
    void coverageFromTheVectorsAndTheExpandedProfileEqualsTheReference() {
        List<String> skills = new ArrayList<>(universe());
        double[] levels = {0, 0.4, 0.5, 1.0};
        int checked = 0;
        // Many profiles: each skill absent, weak (no near credit), at the threshold, or held.
        for (int seed = 0; seed < 400; seed++) {
            Map<String, Double> has = new HashMap<>();
            java.util.Random random = new java.util.Random(seed);
            for (String s : skills) {
                double level = levels[random.nextInt(levels.length)];
                if (level > 0 && random.nextInt(3) == 0) {
                    has.put(s, level);
                }
            }
            SkillCoverage.SkillWords similar = coverage.words(has);
            for (String occupation : List.of("rome:K1", "rome:K2", "rome:K3", "competent:X", "rome:none")) {
                List<SkillGraph.Requirement> requirements = graph.effectiveRequirements(occupation);
                SkillCoverage.RequirementVector vector = coverage.vector(occupation);
                assertThat(vector.requirements()).isEqualTo(requirements);
                assertThat(coverage.value(vector, has, similar)).as(occupation + " " + has).isEqualTo(referenceValue(requirements, has));
                assertThat(coverage.holdsSpecific(vector, has, similar)).isEqualTo(referenceHoldsSpecific(requirements, has));
                for (SkillGraph.Requirement r : requirements) {
                    assertThat(similar.closest(r.skillId())).as(r.skillId() + " " + has).isEqualTo(referenceClosest(r.skillId(), has));
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2000);
    }

    @Test
    void aCompetentProfileWithoutSkillsUsesTheVectorOfTheFicheItBorrowsFrom() {
        assertThat(coverage.vector("competent:X").skills()).containsExactly("rome:s1", "rome:s2", "rome:s3");
        assertThat(coverage.vector("rome:none").skills()).isEmpty();
    }

    private Set<String> universe() {
        Set<String> all = new HashSet<>(graph.skillLabels.keySet());
        all.addAll(graph.equivalents.keySet());
        all.addAll(graph.occupationsBySkill.keySet());
        return all;
    }

    private List<SkillCoverage.Closest> referenceNear(String skill) {
        Set<String> target = graph.skillWords(skill);
        List<SkillCoverage.Closest> out = new ArrayList<>();
        for (String other : universe()) {
            Set<String> words = graph.skillWords(other);
            int common = (int) words.stream().filter(target::contains).count();
            if (common == 0 || other.equals(skill)) {
                continue;
            }
            double sim = common / (double) (target.size() + words.size() - common);
            if (sim >= w.similarSkill()) {
                out.add(new SkillCoverage.Closest(other, sim));
            }
        }
        out.sort(Comparator.comparingDouble(SkillCoverage.Closest::similarity).reversed().thenComparing(SkillCoverage.Closest::skillId));
        return out;
    }

    private SkillCoverage.Closest referenceClosest(String skill, Map<String, Double> has) {
        for (SkillCoverage.Closest c : referenceNear(skill)) {
            if (has.getOrDefault(c.skillId(), 0.0) >= 0.5) {
                return c;
            }
        }
        return null;
    }

    private double referenceValue(List<SkillGraph.Requirement> requirements, Map<String, Double> has) {
        double total = 0;
        double got = 0;
        for (SkillGraph.Requirement r : requirements) {
            double weight = w.skillWeight(r);
            total += weight;
            double h = has.getOrDefault(r.skillId(), 0.0);
            if (h > 0) {
                got += weight * Math.min(1, h);
            } else {
                SkillCoverage.Closest near = referenceClosest(r.skillId(), has);
                if (near != null) {
                    got += weight * 0.5 * near.similarity();
                }
            }
        }
        return total == 0 ? 0 : got / total;
    }

    private boolean referenceHoldsSpecific(List<SkillGraph.Requirement> requirements, Map<String, Double> has) {
        for (SkillGraph.Requirement r : requirements) {
            boolean held = has.getOrDefault(r.skillId(), 0.0) > 0 || referenceClosest(r.skillId(), has) != null;
            if (held && graph.occupationsWith(r.skillId()).size() < SkillCoverage.GENERIC_SKILL_OCCUPATIONS) {
                return true;
            }
        }
        return false;
    }
}
