package eu.passerelle.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Skill coverage over a small hand-built graph: weights, counts, near skills worded differently. */
class SkillCoverageTest {
    private final SkillGraph graph = SkillGraph.empty()
            .withOccupation("rome:K1", "Animateur de loisirs", "FR")
            .withSkill("rome:s1", "Animer des activités de loisirs")
            .withSkill("rome:s2", "Assurer la sécurité des enfants")
            .withSkill("rome:s3", "Tenir un registre de présence")
            .withSkill("esco:e9", "assurer la sécurité des jeunes enfants")
            .withRequirement("rome:K1", "rome:s1", true, true)     // core
            .withRequirement("rome:K1", "rome:s2", true, false)    // essential
            .withRequirement("rome:K1", "rome:s3", false, false);  // optional
    private final SkillCoverage coverage = new SkillCoverage(graph, MatchWeights.DEFAULT);

    @Test
    void weighsCoreEssentialAndOptionalSkills() {
        SkillCoverage.Coverage c = coverage.of(graph.requirements("rome:K1"), Map.of("rome:s1", 1.0, "rome:s3", 1.0));
        // core 1.0 + optional 0.25 held of 1.0 + 0.8 + 0.25
        assertThat(c.value()).isCloseTo(1.25 / 2.05, within(1e-9));
        assertThat(c.heldKey()).isEqualTo(1);
        assertThat(c.totalKey()).isEqualTo(2);
        assertThat(c.held()).isEqualTo(2);
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.missing()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("rome:s2");
            assertThat(m.essential()).isTrue();
        });
    }

    @Test
    void aSkillWordedDifferentlyCountsHalfAndSaysWhichItIsCloseTo() {
        SkillCoverage.Coverage exactOnly = coverage.of(graph.requirements("rome:K1"), Map.of("esco:e9", 1.0));
        assertThat(exactOnly.value()).isZero();

        Map<String, Double> has = Map.of("esco:e9", 1.0);
        SkillCoverage.Coverage c = coverage.of(graph.requirements("rome:K1"), has, coverage.words(has));
        assertThat(c.value()).isGreaterThan(0).isLessThan(0.5 * 0.8 / 2.05 + 1e-9);
        assertThat(c.heldKey()).isEqualTo(1);
        assertThat(c.matched()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("rome:s2");
            assertThat(s.closeToId()).isEqualTo("esco:e9");
            assertThat(s.closeTo()).isEqualTo("assurer la sécurité des jeunes enfants");
        });
    }

    @Test
    void anOccupationWithoutSkillsIsCoveredAtZero() {
        SkillCoverage.Coverage c = coverage.of(graph.requirements("rome:none"), Map.of("rome:s1", 1.0));
        assertThat(c.value()).isZero();
        assertThat(c.total()).isZero();
    }
}
