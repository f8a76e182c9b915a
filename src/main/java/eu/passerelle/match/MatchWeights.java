package eu.passerelle.match;

/**
 * Every weight and threshold of the matcher, in one place, so a ranking change is a change of this record.
 *
 * @param coverage           occupation: weight of the skill fit
 * @param mobility           occupation: weight of a ROME mobility from a job the person held
 * @param qualification      occupation: weight of a certification held leading there
 * @param pathway            occupation: weight of a training path leading there
 * @param text               occupation: weight of the text similarity with what the person wrote
 * @param wanted             occupation: weight of being an occupation the person aims at (its trainings follow it up)
 * @param mobilityRankDecay  each ROME mobility rank after the first divides the move by (1 + decay · (rank − 1))
 * @param core               skill weight of a ROME core skill
 * @param essential          skill weight of an ESCO essential skill
 * @param optional           skill weight of any other skill
 * @param similarSkill       Jaccard of analysed labels from which a skill worded differently counts (half)
 * @param genericPathway     share of the pathway term when a training leads there but nothing says it suits the person
 * @param plausibleCoverage  coverage from which a generic pathway counts at all (or a ROME mobility)
 * @param textReason         text similarity from which "close to your words" is given as a reason
 * @param exactBridge        confidence from which an "exact" bridge makes an occupation the person's own
 * @param borrowBridge       confidence from which a bridge lends an occupation its ROME fiche's skills and moves
 * @param overlapCandidates  occupations sharing the most skills with the person kept as candidates
 * @param pathwayCandidates  best candidates for which the pathway term is computed (it looks trainings up)
 * @param trainingLink       training: weight of how surely it leads to a well-ranked occupation
 * @param trainingGeo        training: weight of the distance fit
 * @param trainingGeoKm      training: distance decay scale (exp(−d / scale))
 * @param trainingOccupations best occupations whose trainings are ranked
 * @param postingOccupation  posting: weight of the occupation fit
 * @param postingSkills      posting: weight of the share of its skills the person has
 * @param postingGeo         posting: weight of the distance decay within the radius
 * @param postingMove        posting: occupation fit of a well-ranked move, relative to the best
 * @param postingOccupations best occupations whose posts are looked at
 * @param postingRadiusKm    default radius for posts when the person gave a place but no radius
 * @param postingCandidates  posts looked at per match (the nearest ones of the fitting fiches; the freshest without a place)
 * @param maxSkillsShown     matched or missing skills listed per result
 */
public record MatchWeights(double coverage, double mobility, double qualification, double pathway, double text, double wanted,
                           double mobilityRankDecay, double core, double essential, double optional, double similarSkill,
                           double genericPathway, double plausibleCoverage, double textReason, double exactBridge, double borrowBridge,
                           int overlapCandidates, int pathwayCandidates,
                           double trainingLink, double trainingGeo, double trainingGeoKm, int trainingOccupations,
                           double postingOccupation, double postingSkills, double postingGeo, double postingMove, int postingOccupations,
                           double postingRadiusKm, int postingCandidates, int maxSkillsShown) {

    /** The weights in use (each was chosen against the match relevance set; see scripts/eval). */
    public static final MatchWeights DEFAULT = new MatchWeights(0.45, 0.25, 0.10, 0.12, 0.08, 0.5,
            0.15, 1.0, 0.8, 0.25, 0.5,
            0.2, 0.15, 0.5, 0.6, 0.5,
            250, 40,
            0.7, 0.3, 100, 12,
            0.45, 0.35, 0.20, 0.8, 15,
            60, 200, 12);

    /** The weight of a requirement in the coverage. */
    double skillWeight(SkillGraph.Requirement r) {
        return r.core() ? core : r.essential() ? essential : optional;
    }
}
