package eu.passerelle.match;

import eu.passerelle.model.RecordType;
import eu.passerelle.search.Hit;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.SearchService;
import eu.passerelle.store.BridgeStore.OccupationLink;
import eu.passerelle.store.RelationStore.Mobility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The occupations worth scoring for a person, and the signals found on the way: ROME moves from the jobs held,
 * targets of the certifications held, the engine's text search over what the person wrote, and the
 * occupations sharing the most skills with the person (with their bridged Compétent profiles).
 */
final class CandidateGeneration {
    /**
     * @param mobility      occupation → strength of the best ROME move towards it (1 for rank 1)
     * @param qualification occupation → confidence that a certification held leads there
     * @param text          occupation → text score relative to the best
     * @param wanted        the occupations the person aims at, with their exact equivalents in the other referentials
     */
    record Candidates(Set<String> ids, Map<String, Double> mobility, Map<String, Reason> mobilityWhy,
                      Map<String, Double> qualification, Map<String, Reason> qualificationWhy, Map<String, Double> text,
                      Set<String> wanted) {
    }

    /** The text search looks at this many occupations. */
    static final int TEXT_CANDIDATES = 30;

    private final SkillGraph graph;
    private final TrainingLinks trainings;
    private final SearchService search;
    private final MatchWeights w;

    CandidateGeneration(SkillGraph graph, TrainingLinks trainings, SearchService search, MatchWeights w) {
        this.graph = graph;
        this.trainings = trainings;
        this.search = search;
        this.w = w;
    }

    Candidates generate(ResolvedProfile p, Map<String, Double> has, Set<String> current) {
        Map<String, Double> mobility = new HashMap<>();
        Map<String, Reason> mobilityWhy = new HashMap<>();
        for (String c : current) {
            for (Mobility m : graph.mobilitiesFrom(c)) {
                double v = 1.0 / (1 + w.mobilityRankDecay() * (m.rank() - 1));
                if (v > mobility.getOrDefault(m.toId(), 0.0)) {
                    mobility.put(m.toId(), v);
                    mobilityWhy.put(m.toId(), Reason.of("occupation.mobility", "from", graph.occupation(c).title(), "fromId", c, "rank", m.rank()));
                }
            }
        }
        Map<String, Double> qualification = new HashMap<>();
        Map<String, Reason> qualificationWhy = new HashMap<>();
        for (ResolvedProfile.Resolution q : p.qualifications()) {
            if (q.id().startsWith("rncp:")) {
                for (TrainingLinks.Link l : trainings.occupationsOfCertification(q.id().substring(5))) {
                    if (l.confidence() > qualification.getOrDefault(l.occupationId(), 0.0)) {
                        qualification.put(l.occupationId(), l.confidence());
                        qualificationWhy.put(l.occupationId(), Reason.of("occupation.qualification", "certification", q.label(), "certificationId", q.id(),
                                "link", l.basis()));
                    }
                }
            }
        }
        String words = String.join(" ", p.occupations().stream().map(ResolvedProfile.Resolution::input).toList())
                + " " + String.join(" ", p.skills().stream().map(ResolvedProfile.Resolution::input).toList());
        Map<String, Double> text = textScores(words);

        Map<String, Double> overlap = new HashMap<>();
        has.forEach((s, weight) -> {
            if (weight >= 0.5) {
                for (String o : graph.occupationsWith(s)) {
                    overlap.merge(o, weight, Double::sum);
                }
            }
        });
        Set<String> wanted = new LinkedHashSet<>();
        for (ResolvedProfile.Resolution o : p.wanted()) {
            wanted.add(o.id());
            for (OccupationLink l : graph.bridges(o.id())) {
                if (l.kind().equals("exact") && l.confidence() >= w.exactBridge()) {
                    wanted.add(l.toId());
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>(wanted);
        ids.addAll(mobility.keySet());
        ids.addAll(qualification.keySet());
        ids.addAll(text.keySet());
        overlap.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(w.overlapCandidates())
                .forEach(e -> ids.add(e.getKey()));
        for (String c : new ArrayList<>(ids)) {
            if (c.startsWith("rome:")) {
                for (OccupationLink l : graph.bridges(c)) {
                    if (l.toId().startsWith("competent:") && l.confidence() >= w.borrowBridge()) {
                        ids.add(l.toId());
                    }
                }
            }
        }
        ids.removeAll(current);
        return new Candidates(ids, mobility, mobilityWhy, qualification, qualificationWhy, text, wanted);
    }

    private Map<String, Double> textScores(String words) {
        Map<String, Double> out = new HashMap<>();
        if (words.isBlank()) {
            return out;
        }
        List<Hit> items = search.search(SearchRequest.of(words.strip(), RecordType.OCCUPATION, TEXT_CANDIDATES)).items();
        if (items.isEmpty()) {
            return out;
        }
        double top = items.get(0).score();
        for (Hit i : items) {
            out.put(i.id(), i.score() / top);
        }
        return out;
    }
}
