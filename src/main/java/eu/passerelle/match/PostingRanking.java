package eu.passerelle.match;

import eu.passerelle.model.RecordType;
import eu.passerelle.search.Hit;
import eu.passerelle.search.SearchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Posts by occupation fit, the share of their skills the person has, and distance decay within the radius. */
final class PostingRanking {
    private final SkillGraph graph;
    private final SearchService search;
    private final MatchWeights w;

    PostingRanking(SkillGraph graph, SearchService search, MatchWeights w) {
        this.graph = graph;
        this.search = search;
        this.w = w;
    }

    /** Ranked posting items, each with its explanation (reasons as codes) and score. */
    List<Map<String, Object>> rank(ResolvedProfile p, Map<String, Double> has, Set<String> current, List<OccupationRanking.Scored> occupations, int limit) {
        Map<String, Double> fit = new LinkedHashMap<>();
        Map<String, Reason> fitWhy = new HashMap<>();
        for (String c : current) {
            if (c.startsWith("rome:")) {
                fit.put(c, 1.0);
                fitWhy.put(c, Reason.of("posting.ownOccupation", "occupation", graph.occupation(c).title(), "occupationId", c));
            }
        }
        double top = occupations.isEmpty() ? 1 : occupations.get(0).score();
        for (OccupationRanking.Scored o : occupations.subList(0, Math.min(w.postingOccupations(), occupations.size()))) {
            String rome = o.id().startsWith("rome:") ? o.id() : null;
            if (rome != null && !fit.containsKey(rome)) {
                fit.put(rome, w.postingMove() * o.score() / top);
                fitWhy.put(rome, Reason.of("posting.move", "occupation", graph.occupation(rome).title(), "occupationId", rome));
            }
        }
        Double radius = p.place() == null ? null : p.radiusKm() != null ? p.radiusKm() : w.postingRadiusKm();
        List<byte[]> candidates = search.linkedSources(RecordType.POSTING, fit.keySet(), p.place(), radius, Set.copyOf(p.countries()), w.postingCandidates());
        Set<String> personKeys = new HashSet<>();
        has.keySet().forEach(s -> personKeys.add(graph.skillKey(s)));
        List<Scored> scored = new ArrayList<>();
        Map<String, Map<String, SkillGraph.Requirement>> requirementsByKey = new HashMap<>();
        for (byte[] source : candidates) {
            // Only what scoring reads; the whole item is read below for the returned page only.
            LinkedPosting posting = LinkedPosting.read(source);
            String bestOcc = posting.occupations().stream().filter(fit::containsKey).max(Comparator.comparingDouble(fit::get)).orElse(null);
            if (bestOcc == null) {
                continue;
            }
            List<String> postingSkills = posting.skills();
            // Built once per occupation and request (15 or so), not once per post looked at (200).
            Map<String, SkillGraph.Requirement> reqByKey = requirementsByKey.computeIfAbsent(bestOcc, o -> {
                Map<String, SkillGraph.Requirement> byKey = new HashMap<>();
                for (SkillGraph.Requirement r : graph.requirements(o)) {
                    byKey.put(graph.skillKey(r.skillId()), r);
                }
                return byKey;
            });
            List<Explanation.SkillRef> matched = new ArrayList<>();
            List<Explanation.MissingSkill> missing = new ArrayList<>();
            for (String label : postingSkills) {
                String key = graph.textKey(label);
                SkillGraph.Requirement r = reqByKey.get(key);
                String id = r == null ? "" : r.skillId();
                if (personKeys.contains(key)) {
                    matched.add(new Explanation.SkillRef(id, label));
                } else {
                    missing.add(new Explanation.MissingSkill(id, label, r != null && (r.core() || r.essential())));
                }
            }
            double skillFit = postingSkills.isEmpty() ? 0.5 : (double) matched.size() / postingSkills.size();
            Double d = posting.distanceKm(p.place());
            double geo = d == null ? 0.5 : Math.exp(-d / Math.max(10, radius / 2));
            // A post the engine classified itself counts as much as it is sure of that classification.
            double sure = posting.sure();
            double score = w.postingOccupation() * fit.get(bestOcc) * sure + w.postingSkills() * skillFit + w.postingGeo() * geo;
            scored.add(new Scored(posting, bestOcc, OccupationRanking.round(score), skillFit, matched, missing, d, sure));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.posting().id()));
        List<Map<String, Object>> page = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            Hit hit = SearchService.linkedHit(s.posting().source(), p.place());
            Map<String, Object> posting = hit.record();
            Map<?, ?> classification = posting.get("classification") instanceof Map<?, ?> c ? c : null;
            List<Reason> reasons = new ArrayList<>();
            reasons.add(fitWhy.get(s.bestOcc()));
            if (classification != null) {
                reasons.add(Reason.of("posting.classified", "occupation", classification.get("label"),
                        "from", Reason.of("title".equals(classification.get("from")) ? "posting.from.title" : "posting.from.occupation"),
                        "words", classification.get("words"), "via", Reason.via(String.valueOf(classification.get("via"))), "confidence", s.sure()));
            }
            int total = s.matched().size() + s.missing().size();
            reasons.add(total == 0 ? Reason.of("posting.noSkills") : Reason.of("posting.skills", "held", s.matched().size(), "total", total));
            if (s.distanceKm() != null) {
                reasons.add(Reason.of("posting.distance", "km", Math.round(s.distanceKm()), "place", p.place().name()));
            }
            if (Boolean.TRUE.equals(posting.get("synthetic"))) {
                reasons.add(Reason.of("posting.synthetic"));
            }
            Map<String, Object> item = new LinkedHashMap<>(hit.json());
            item.put("score", s.score());
            item.put("explanation", Explanation.of(s.matched(), s.missing(), OccupationRanking.round(s.skillFit()), reasons));
            item.remove("skills");
            page.add(item);
        }
        return page;
    }

    /** A post looked at, scored; its score rounded as the answer shows it, which is what orders the posts. */
    private record Scored(LinkedPosting posting, String bestOcc, double score, double skillFit,
                          List<Explanation.SkillRef> matched, List<Explanation.MissingSkill> missing, Double distanceKm, double sure) {
    }
}
