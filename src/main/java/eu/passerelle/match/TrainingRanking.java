package eu.passerelle.match;

import eu.passerelle.geo.GeoMath;
import eu.passerelle.model.Place;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Trainings by how surely they lead to a well-ranked occupation, and how near they are. */
final class TrainingRanking {
    /** A ranked training, the occupation it was found through and how. */
    record Ranked(Training training, double score, OccupationRanking.Scored via, TrainingLinks.Link link, Double distanceKm) {
    }

    private final SkillGraph graph;
    private final TrainingLinks trainings;
    private final Store store;
    private final MatchWeights w;

    TrainingRanking(SkillGraph graph, TrainingLinks trainings, Store store, MatchWeights w) {
        this.graph = graph;
        this.trainings = trainings;
        this.store = store;
        this.w = w;
    }

    List<Ranked> rank(ResolvedProfile p, List<OccupationRanking.Scored> occupations, int limit, TrainingReads reads) {
        double top = occupations.isEmpty() ? 1 : occupations.get(0).score();
        Set<String> held = new HashSet<>(p.qualifications().stream().map(ResolvedProfile.Resolution::id).toList());
        Map<String, Ranked> best = new LinkedHashMap<>();
        for (OccupationRanking.Scored o : occupations.subList(0, Math.min(w.trainingOccupations(), occupations.size()))) {
            String target = graph.romeEquivalent(o.id());
            if (target == null) {
                continue;
            }
            for (TrainingLinks.Link l : trainings.trainingsFor(target, graph.occupation(target).title())) {
                if (held.contains(l.trainingId())) {
                    continue;
                }
                Training t = reads.get(l.trainingId());
                if (t == null || t.certifications().stream().anyMatch(c -> held.contains("rncp:" + c))
                        || (!p.countries().isEmpty() && !t.country().isEmpty() && !p.countries().contains(t.country()))) {
                    continue;
                }
                Double d = null;
                double geo = 0.5; // a national diploma, offered in many places the data does not list
                if (p.place() != null && !t.places().isEmpty()) {
                    d = t.places().stream().mapToDouble(pl -> GeoMath.distanceKm(p.place().lat(), p.place().lon(), pl.lat(), pl.lon())).min().orElse(0);
                    geo = Math.exp(-d / w.trainingGeoKm());
                    if (p.radiusKm() != null && d > p.radiusKm() && !"hybride".equals(t.modality()) && !"distance".equals(t.modality())) {
                        continue;
                    }
                } else if ("distance".equals(t.modality())) {
                    geo = 1.0;
                }
                double score = w.trainingLink() * l.confidence() * (o.score() / top) + w.trainingGeo() * geo;
                best.merge(t.id(), new Ranked(t, score, o, l, d), (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        List<Ranked> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(c -> c.training().id()));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    /** The answer item of a ranked training, with its reasons as codes. */
    Map<String, Object> item(Ranked c, ResolvedProfile p) {
        Training t = c.training();
        SkillGraph.OccupationInfo target = graph.occupation(c.via().id());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "training");
        item.put("id", t.id());
        item.put("title", t.title());
        item.put("score", OccupationRanking.round(c.score()));
        item.put("kind", t.kind());
        if (!t.certifications().isEmpty()) {
            item.put("certifications", t.certifications());
        }
        if (!t.country().isEmpty()) {
            item.put("country", t.country());
        }
        if (t.hours() != null) {
            item.put("hours", t.hours());
        }
        if (!t.modality().isEmpty()) {
            item.put("modality", t.modality());
        }
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of("training.prepares", "occupation", target.title(), "occupationId", target.id(), "link", c.link().basis(),
                "confidence", c.link().confidence()));
        if (c.distanceKm() != null) {
            Place from = p.place();
            var nearest = t.places().stream().min(Comparator.comparingDouble(pl -> GeoMath.distanceKm(from.lat(), from.lon(), pl.lat(), pl.lon()))).orElseThrow();
            item.put("place", nearest.name());
            item.put("lat", nearest.lat());
            item.put("lon", nearest.lon());
            item.put("distanceKm", GeoMath.roundKm(c.distanceKm()));
            reasons.add(Reason.of("training.distance", "km", Math.round(c.distanceKm()), "place", nearest.name()));
        }
        if (t.hours() != null) {
            reasons.add(Reason.of("training.hours", "hours", t.hours()));
        }
        if (!t.schedule().isEmpty()) {
            reasons.add(Reason.of("training.schedule", "text", t.schedule()));
        }
        if (!t.funding().isEmpty()) {
            reasons.add(Reason.of("training.funding", "text", t.funding()));
        }
        if (!t.nextSession().isEmpty()) {
            reasons.add(Reason.of("training.nextSession", "text", t.nextSession()));
        }
        Explanation e = c.via().explanation();
        item.put("explanation", Explanation.of(e.matchedSkills(), e.missingSkills(), e.coverage(), reasons));
        return item;
    }
}
