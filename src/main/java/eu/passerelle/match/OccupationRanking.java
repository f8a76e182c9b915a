package eu.passerelle.match;

import eu.passerelle.store.BridgeStore.OccupationLink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores candidate occupations: skill fit, ROME moves, certifications held, text, then (for the best ones) the
 * training pathway. The answer is a ranked list a later step (grouping by concept) may post-process.
 */
final class OccupationRanking {
    /**
     * A scored occupation with what went into its score. The explanation (skill labels, matched and missing lists)
     * is built on first use: ~250 candidates are scored, only the returned page is explained.
     */
    static final class Scored {
        private final String id;
        private final double score;
        private final double coverage;
        private final Reason pathway;
        private final java.util.function.Function<Reason, Explanation> explain;
        private Explanation explanation;

        Scored(String id, double score, double coverage, Reason pathway, java.util.function.Function<Reason, Explanation> explain) {
            this.id = id;
            this.score = score;
            this.coverage = coverage;
            this.pathway = pathway;
            this.explain = explain;
        }

        String id() {
            return id;
        }

        double score() {
            return score;
        }

        /** The rounded coverage the explanation states. */
        double coverage() {
            return coverage;
        }

        /** Built once, when a result is shown or a training or post borrows it. */
        Explanation explanation() {
            if (explanation == null) {
                explanation = explain.apply(pathway);
            }
            return explanation;
        }

        Scored withPathway(double bonus, Reason why) {
            return new Scored(id, score + bonus, coverage, why, explain);
        }
    }

    private final SkillGraph graph;
    private final SkillCoverage coverage;
    private final PathwayEvidence pathways;
    private final MatchWeights w;

    OccupationRanking(SkillGraph graph, SkillCoverage coverage, PathwayEvidence pathways, MatchWeights w) {
        this.graph = graph;
        this.coverage = coverage;
        this.pathways = pathways;
        this.w = w;
    }

    List<Scored> rank(ResolvedProfile p, Map<String, Double> has, CandidateGeneration.Candidates c, TrainingReads reads) {
        SkillCoverage.SkillWords similar = coverage.words(has);
        // Skills the person stated: an occupation that uses them fits, however many others it asks for.
        List<Set<String>> stated = p.skills().stream().map(s -> graph.closure(s.id())).toList();
        List<Scored> scored = new ArrayList<>();
        for (String id : c.ids()) {
            SkillGraph.OccupationInfo info = graph.occupation(id);
            if (info == null || (!p.countries().isEmpty() && !info.country().isEmpty() && !p.countries().contains(info.country()))) {
                continue;
            }
            OccupationLink borrowed = graph.borrowedFrom(id);
            SkillCoverage.RequirementVector vector = coverage.vector(id);
            List<SkillGraph.Requirement> requirements = vector.requirements();
            double covValue = coverage.value(vector, has, similar);
            double mob = c.mobility().getOrDefault(id, 0.0);
            Reason mobWhy = c.mobilityWhy().get(id);
            double qual = c.qualification().getOrDefault(id, 0.0);
            Reason qualWhy = c.qualificationWhy().get(id);
            if (borrowed != null) {
                // A bridged occupation inherits the moves and qualification links of its ROME equivalent.
                double m2 = c.mobility().getOrDefault(borrowed.toId(), 0.0) * borrowed.confidence();
                if (m2 > mob) {
                    mob = m2;
                    mobWhy = c.mobilityWhy().get(borrowed.toId());
                }
                double q2 = c.qualification().getOrDefault(borrowed.toId(), 0.0) * borrowed.confidence();
                if (q2 > qual) {
                    qual = q2;
                    qualWhy = c.qualificationWhy().get(borrowed.toId());
                }
            }
            double txt = c.text().getOrDefault(id, 0.0);
            double fit = covValue;
            long used = 0;
            if (!stated.isEmpty()) {
                used = stated.stream().filter(s -> requirements.stream().anyMatch(r -> s.contains(r.skillId()))).count();
                fit = 0.5 * covValue + 0.5 * ((double) used / stated.size());
            }
            boolean wanted = c.wanted().contains(id);
            double score = w.coverage() * fit + w.mobility() * mob + w.qualification() * qual + w.text() * txt + (wanted ? w.wanted() : 0);
            if (score <= 0) {
                continue;
            }
            if (mob <= 0 && qual <= 0 && !wanted && !coverage.holdsSpecific(vector, has, similar)) {
                // Nothing but transversal skills or a word in common with the profile: an absurd answer, not a lead.
                continue;
            }
            long statedUsed = used;
            Reason mobReason = mobWhy != null && mob > 0 ? mobWhy : null;
            Reason qualReason = qualWhy != null && qual > 0 ? qualWhy : null;
            scored.add(new Scored(id, score, round(covValue), null, pathway -> {
                SkillCoverage.Coverage cov = coverage.of(requirements, has, similar);
                List<Reason> reasons = new ArrayList<>();
                if (wanted) {
                    reasons.add(Reason.of("occupation.wanted"));
                }
                if (statedUsed > 0) {
                    reasons.add(Reason.of("occupation.statedSkillsUsed", "used", statedUsed, "stated", stated.size()));
                }
                if (mobReason != null) {
                    reasons.add(mobReason);
                }
                if (qualReason != null) {
                    reasons.add(qualReason);
                }
                reasons.add(Reason.of("occupation.coverage", "percent", Math.round(round(cov.value()) * 100), "heldKey", cov.heldKey(), "totalKey", cov.totalKey(),
                        "held", cov.held(), "total", cov.total()));
                long missingEssential = cov.missing().stream().filter(Explanation.MissingSkill::essential).count();
                reasons.add(missingEssential == 0 ? Reason.of("occupation.noEssentialMissing")
                        : Reason.of("occupation.essentialMissing", "count", missingEssential, "example", cov.missing().get(0).label()));
                if (borrowed != null) {
                    reasons.add(Reason.of("occupation.borrowed", "scheme", Reason.of("scheme." + info.scheme()), "from", graph.occupation(borrowed.toId()).title(),
                            "fromId", borrowed.toId(), "kind", Reason.of("bridge." + borrowed.kind()), "confidence", borrowed.confidence()));
                }
                if (txt > w.textReason()) {
                    reasons.add(Reason.of("occupation.closeToWords"));
                }
                if (pathway != null) {
                    reasons.add(1, pathway);
                }
                return Explanation.of(cov.matched(), cov.missing(), round(cov.value()), reasons);
            }));
        }
        scored.sort(BEST_FIRST);
        return withPathways(scored, p, c, reads);
    }

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id);

    /** The pathway term looks trainings up, so only for the best candidates. */
    private List<Scored> withPathways(List<Scored> scored, ResolvedProfile p, CandidateGeneration.Candidates c, TrainingReads reads) {
        List<Scored> rescored = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored o = scored.get(i);
            if (i < w.pathwayCandidates() && o.id().startsWith("rome:")) {
                PathwayEvidence.Evidence evidence = pathways.evidence(o.id(), p, reads);
                boolean plausible = o.coverage() >= w.plausibleCoverage() || c.mobility().containsKey(o.id());
                double value = evidence == null ? 0 : evidence.designedForJob() ? 1.0 : plausible ? w.genericPathway() : 0;
                if (value > 0) {
                    o = o.withPathway(w.pathway() * value, evidence.reason());
                }
            }
            rescored.add(o);
        }
        rescored.sort(BEST_FIRST);
        return rescored;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
