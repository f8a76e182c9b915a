package eu.passerelle.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Occupation ranking over a small hand-built graph: skill fit, moves, pathways, countries, borrowed skills. */
class OccupationRankingTest {
    private final SkillGraph graph = SkillGraph.empty()
            .withOccupation("rome:A", "Accompagnant d'élèves", "FR")
            .withOccupation("rome:B", "Animateur de loisirs", "FR")
            .withOccupation("rome:C", "Assistant maternel", "FR")
            .withOccupation("competent:X", "Animateur (BE)", "BE")
            .withSkill("rome:s1", "Accompagner un enfant")
            .withSkill("rome:s2", "Animer un groupe")
            .withSkill("rome:s3", "Préparer les repas")
            .withRequirement("rome:A", "rome:s1", true, true)
            .withRequirement("rome:B", "rome:s1", true, true)
            .withRequirement("rome:B", "rome:s2", true, true)
            .withRequirement("rome:C", "rome:s1", true, true)
            .withRequirement("rome:C", "rome:s3", true, true)
            .withBridge("competent:X", "rome:B", "exact", 0.9);
    private final MatchWeights w = MatchWeights.DEFAULT;
    private final Map<String, Double> has = Map.of("rome:s1", 1.0);

    private static ResolvedProfile person(List<String> countries) {
        var aesh = new ResolvedProfile.Resolution("AESH", "rome:A", "Accompagnant d'élèves (AESH)", 1.0, "id", List.of());
        return new ResolvedProfile(List.of(aesh), List.of(), List.of(), List.of(), Map.of(), null, null, countries, List.of(), List.of());
    }

    private CandidateGeneration.Candidates candidates(Map<String, Double> mobility) {
        Map<String, Reason> why = new java.util.HashMap<>();
        mobility.keySet().forEach(k -> why.put(k, Reason.of("occupation.mobility", "from", "Accompagnant d'élèves", "rank", 1)));
        return new CandidateGeneration.Candidates(Set.of("rome:B", "rome:C", "competent:X"), mobility, why, Map.of(), Map.of(), Map.of(), wanted);
    }

    private Set<String> wanted = Set.of();

    @Test
    void aWantedOccupationComesFirstAndSaysSo() {
        wanted = Set.of("rome:B");
        List<OccupationRanking.Scored> ranked = rank((id, p, r) -> null, Map.of("rome:C", 1.0), List.of("FR"));
        assertThat(ranked.get(0).id()).isEqualTo("rome:B");
        assertThat(ranked.get(0).explanation().reasonCodes().get(0).code()).isEqualTo("occupation.wanted");
    }

    private List<OccupationRanking.Scored> rank(PathwayEvidence pathways, Map<String, Double> mobility, List<String> countries) {
        OccupationRanking ranking = new OccupationRanking(graph, new SkillCoverage(graph, w), pathways, w);
        return ranking.rank(person(countries), has, candidates(mobility), null);
    }

    @Test
    void equalSkillFitIsBrokenByARomeMove() {
        List<OccupationRanking.Scored> ranked = rank((id, p, r) -> null, Map.of("rome:C", 1.0), List.of("FR"));
        assertThat(ranked).extracting(OccupationRanking.Scored::id).containsExactly("rome:C", "rome:B");
        assertThat(ranked.get(0).score() - ranked.get(1).score()).isCloseTo(w.mobility(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ranked.get(0).explanation().reasonCodes()).extracting(Reason::code).contains("occupation.mobility", "occupation.coverage");
    }

    @Test
    void aTrainingDesignedForThePersonsJobWeighsFullyWhateverItsWording() {
        PathwayEvidence designedForB = (id, p, r) -> id.equals("rome:B") ? new PathwayEvidence.Evidence(true, Reason.of("occupation.pathway")) : null;
        List<OccupationRanking.Scored> ranked = rank(designedForB, Map.of(), List.of("FR"));
        assertThat(ranked.get(0).id()).isEqualTo("rome:B");
        assertThat(ranked.get(0).score() - ranked.get(1).score()).isCloseTo(w.pathway(), org.assertj.core.api.Assertions.within(1e-9));
        // The pathway reason comes right after the first one.
        assertThat(ranked.get(0).explanation().reasonCodes().get(1).code()).isEqualTo("occupation.pathway");
    }

    @Test
    void aGenericPathwayCountsOnlyItsShare() {
        PathwayEvidence anyForB = (id, p, r) -> id.equals("rome:B") ? new PathwayEvidence.Evidence(false, Reason.of("occupation.pathway")) : null;
        List<OccupationRanking.Scored> without = rank((id, p, r) -> null, Map.of(), List.of("FR"));
        List<OccupationRanking.Scored> with = rank(anyForB, Map.of(), List.of("FR"));
        double before = without.stream().filter(o -> o.id().equals("rome:B")).findFirst().orElseThrow().score();
        double after = with.stream().filter(o -> o.id().equals("rome:B")).findFirst().orElseThrow().score();
        assertThat(after - before).isCloseTo(w.pathway() * w.genericPathway(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aCompetentProfileBorrowsItsBridgedSkillsAndOnlyWhenItsCountryIsWanted() {
        List<OccupationRanking.Scored> fr = rank((id, p, r) -> null, Map.of(), List.of("FR"));
        assertThat(fr).extracting(OccupationRanking.Scored::id).doesNotContain("competent:X");
        List<OccupationRanking.Scored> any = rank((id, p, r) -> null, Map.of(), List.of());
        OccupationRanking.Scored be = any.stream().filter(o -> o.id().equals("competent:X")).findFirst().orElseThrow();
        assertThat(be.explanation().coverage()).isEqualTo(any.stream().filter(o -> o.id().equals("rome:B")).findFirst().orElseThrow().explanation().coverage());
        assertThat(be.explanation().reasonCodes()).extracting(Reason::code).contains("occupation.borrowed");
    }
}
