package eu.passerelle.match;

import eu.passerelle.model.RecordType;
import eu.passerelle.search.PhaseTimer;
import eu.passerelle.search.SearchService;
import eu.passerelle.store.BridgeStore.OccupationLink;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks occupations, trainings and postings for a resolved profile, one phase per class:
 * {@link CandidateGeneration} → {@link OccupationRanking} (with {@link SkillCoverage} and {@link Pathways}) →
 * {@link TrainingRanking}, {@link PostingRanking} → {@link RecognitionStep}; reasons are codes until
 * {@link ReasonRenderer} puts them in the reader's language. Weights: {@link MatchWeights}.
 * <ul>
 *   <li>occupation = coverage · skill fit (coverage of the occupation's skills; half of it, when the person stated
 *       skills, is the share of those the occupation uses) + mobility · ROME move from the person's occupations
 *       (rank 1 the closest) + qualification · a certification held leads there + pathway · a training leads there
 *       (fully when made for people in the person's job) + text · similarity with what the person wrote;</li>
 *   <li>training = how surely it leads to a well-ranked occupation, and distance fit;</li>
 *   <li>posting = occupation fit (× the classification's confidence when the engine classified the post itself),
 *       share of the post's skills the person has, distance decay.</li>
 * </ul>
 * Skills count across referentials through their equivalences; a Compétent profile, which has no skills in
 * the open data, borrows those of the occupation the crosswalk bridges it to, and says so.
 */
public final class Matcher {
    private final SkillGraph graph;
    private final MatchWeights w;
    private final CandidateGeneration candidates;
    private final OccupationRanking occupations;
    private final Pathways pathways;
    private final TrainingRanking trainings;
    private final PostingRanking postings;
    private final RecognitionStep recognition;
    private final ReasonRenderer renderer;
    private final Store store;
    private final TrainingReads.PerVersion trainingReads;
    private final SkillCoverage coverage;

    public Matcher(SkillGraph graph, TrainingLinks trainingLinks, SearchService search, Recognition recognition, Store store) {
        this(graph, trainingLinks, search, recognition, store, MatchWeights.DEFAULT, ReasonRenderer.load());
    }

    Matcher(SkillGraph graph, TrainingLinks trainingLinks, SearchService search, Recognition recognition, Store store, MatchWeights w, ReasonRenderer renderer) {
        this.graph = graph;
        this.w = w;
        this.renderer = renderer;
        this.store = store;
        this.trainingReads = new TrainingReads.PerVersion(store, search);
        this.candidates = new CandidateGeneration(graph, trainingLinks, search, w);
        this.pathways = new Pathways(graph, trainingLinks, store);
        this.coverage = new SkillCoverage(graph, w);
        this.occupations = new OccupationRanking(graph, coverage, pathways, w);
        this.trainings = new TrainingRanking(graph, trainingLinks, store, w);
        this.postings = new PostingRanking(graph, search, w);
        this.recognition = new RecognitionStep(recognition);
    }

    /**
     * Builds, on a background thread at start, what matching computes once per skill graph (the near-skill lists of
     * every skill and the requirement vector of every occupation) instead of pieces of it inside the first matches:
     * that was ~15 s of warm-up under 64 clients, under a lock every early match queued on.
     */
    public void prepareInBackground() {
        Thread.ofPlatform().name("match-prepare").daemon().start(() -> {
            long start = System.nanoTime();
            coverage.prepare();
            org.slf4j.LoggerFactory.getLogger(Matcher.class).info("match: {} near-skill pairs and the requirement vectors built in {} ms",
                    coverage.nearPairs(), (System.nanoTime() - start) / 1_000_000);
        });
    }

    ReasonRenderer renderer() {
        return renderer;
    }

    public Map<String, List<Map<String, Object>>> match(ResolvedProfile p, Set<RecordType> targets, int limit) {
        return match(p, targets, limit, ReasonRenderer.DEFAULT_LANG);
    }

    /** @param lang the language of the reasons: fr, nl or en */
    public Map<String, List<Map<String, Object>>> match(ResolvedProfile p, Set<RecordType> targets, int limit, String lang) {
        return match(p, targets, limit, lang, new PhaseTimer());
    }

    /** @param timer charged with candidates, ranking and explanations (labels, reasons, pathways of the page only) */
    Map<String, List<Map<String, Object>>> match(ResolvedProfile p, Set<RecordType> targets, int limit, String lang, PhaseTimer timer) {
        Map<String, Double> has = personSkills(p);
        Set<String> current = currentOccupations(p);
        TrainingReads reads = trainingReads.forRequest();
        CandidateGeneration.Candidates generated = candidates.generate(p, has, current);
        timer.mark("candidates");
        List<OccupationRanking.Scored> ranked = occupations.rank(p, has, generated, reads);
        timer.mark("ranking");
        Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
        if (targets.contains(RecordType.OCCUPATION)) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (OccupationRanking.Scored o : ranked.subList(0, Math.min(limit, ranked.size()))) {
                out.add(occupationItem(o, p, reads, lang));
            }
            results.put("occupation", out);
            timer.mark("explanations");
        }
        if (targets.contains(RecordType.TRAINING)) {
            List<TrainingRanking.Ranked> page = trainings.rank(p, ranked, limit, reads);
            timer.mark("ranking");
            List<Map<String, Object>> out = new ArrayList<>();
            for (TrainingRanking.Ranked t : page) {
                Map<String, Object> item = trainings.item(t, p);
                render(item, lang);
                recognition.add(item, p, t.training().country(), List.of(t.via().id()), renderer, lang);
                out.add(item);
            }
            results.put("training", out);
            timer.mark("explanations");
        }
        if (targets.contains(RecordType.POSTING)) {
            List<Map<String, Object>> out = postings.rank(p, has, current, ranked, limit);
            timer.mark("ranking");
            for (Map<String, Object> item : out) {
                render(item, lang);
                @SuppressWarnings("unchecked")
                List<String> occ = (List<String>) item.getOrDefault("occupations", List.of());
                recognition.add(item, p, String.valueOf(item.getOrDefault("country", "")), occ, renderer, lang);
            }
            results.put("posting", out);
            timer.mark("explanations");
        }
        return results;
    }

    private void render(Map<String, Object> item, String lang) {
        item.put("explanation", ((Explanation) item.get("explanation")).rendered(renderer, lang));
    }

    /** Every skill the person is taken to have, with its equivalents in the other referentials. */
    Map<String, Double> personSkills(ResolvedProfile p) {
        Map<String, Double> has = new HashMap<>();
        p.skillEvidence().forEach((id, e) -> {
            for (String s : graph.closure(id)) {
                has.merge(s, e.weight(), Math::max);
            }
        });
        return has;
    }

    /** The occupations the person holds, and their close equivalents in the other referentials. */
    private Set<String> currentOccupations(ResolvedProfile p) {
        Set<String> current = new LinkedHashSet<>();
        for (ResolvedProfile.Resolution o : p.occupations()) {
            current.add(o.id());
            for (OccupationLink l : graph.bridges(o.id())) {
                if (l.kind().equals("exact") && l.confidence() >= w.exactBridge()) {
                    current.add(l.toId());
                }
            }
        }
        return current;
    }

    private Map<String, Object> occupationItem(OccupationRanking.Scored o, ResolvedProfile p, TrainingReads reads, String lang) {
        SkillGraph.OccupationInfo info = graph.occupation(o.id());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "occupation");
        item.put("id", o.id());
        item.put("title", info.title());
        item.put("score", OccupationRanking.round(o.score()));
        item.put("scheme", info.scheme());
        item.put("code", o.id().substring(o.id().indexOf(':') + 1));
        if (!info.country().isEmpty()) {
            item.put("country", info.country());
        }
        item.put("explanation", o.explanation().rendered(renderer, lang));
        List<Map<String, Object>> bridges = graph.bridges(o.id()).stream().limit(3).map(l -> {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("id", l.toId());
            b.put("title", graph.occupation(l.toId()).title());
            b.put("kind", l.kind());
            b.put("confidence", l.confidence());
            return b;
        }).toList();
        if (!bridges.isEmpty()) {
            item.put("bridges", bridges);
        }
        Map<String, Object> pathway = pathways.steps(o.id(), o.explanation(), p, reads, renderer, lang);
        if (pathway != null) {
            item.put("pathway", pathway);
        }
        recognition.add(item, p, info.country(), List.of(o.id()), renderer, lang);
        return item;
    }
}
