package eu.passerelle.match;

import eu.passerelle.geo.GeoMath;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.Hit;
import eu.passerelle.search.SearchService;
import eu.passerelle.store.BridgeStore.OccupationLink;
import eu.passerelle.store.RelationStore.Mobility;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ranks occupations, trainings and postings for a resolved profile.
 * <ul>
 *   <li>occupation = 0.45 · skill fit (coverage of the occupation's skills; half of it, when the person stated
 *       skills, is the share of those the occupation uses) + 0.25 · mobility (ROME mobilités from the person's occupations,
 *       rank 1 the closest) + 0.10 · qualification (a certification held leads there) + 0.12 · pathway (a
 *       training leads there, made for people in the person's job when its record says so) + 0.08 · text
 *       similarity with what the person wrote;</li>
 *   <li>training = 0.70 · how surely it leads to a well-ranked occupation + 0.30 · distance fit;</li>
 *   <li>posting = 0.45 · occupation fit (× the classification's confidence when the engine classified the post
 *       itself) + 0.35 · share of the post's skills the person has + 0.20 · distance decay.</li>
 * </ul>
 * Skills count across referentials through their equivalences; a Compétent profile, which has no skills in
 * the open data, borrows those of the occupation the crosswalk bridges it to, and says so.
 */
public final class Matcher {
    static final double W_COVERAGE = 0.45, W_MOBILITY = 0.25, W_QUALIFICATION = 0.10, W_PATHWAY = 0.12, W_TEXT = 0.08;
    /** A missing skill whose analysed label shares this much (Jaccard) with one the person has counts in part. */
    static final double SIMILAR_SKILL = 0.5;
    /** Candidates for which the pathway term is computed (it looks trainings up). */
    static final int PATHWAY_CANDIDATES = 40;
    /**
     * Share of the pathway term when a training leads there but nothing says it suits the person: weak
     * evidence (a certification title naming the job), kept below a ROME mobility-rank step.
     */
    static final double GENERIC_PATHWAY = 0.2;
    /** An acronym in a title: "(AESH)", "ATSEM", "AES". */
    private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern.compile("\\b[A-Z]{3,6}\\b");
    static final double W_CORE = 1.0, W_ESSENTIAL = 0.8, W_OPTIONAL = 0.25;
    static final int MAX_SKILLS_SHOWN = 12;
    static final double DEFAULT_POSTING_RADIUS_KM = 60;
    /** Posts looked at per match: the nearest ones of the fitting fiches. */
    static final int MAX_POSTING_CANDIDATES = 200;
    private static final Map<String, String> VIA_FR = Map.of("exact label", "libellé exact", "label in words", "libellé écrit en toutes lettres",
            "words in label", "libellé abrégé",
            "search", "recherche");

    private final SkillGraph graph;
    private final TrainingLinks trainings;
    private final SearchService search;
    private final Recognition recognition;
    private final Store store;

    public Matcher(SkillGraph graph, TrainingLinks trainings, SearchService search, Recognition recognition, Store store) {
        this.graph = graph;
        this.trainings = trainings;
        this.search = search;
        this.recognition = recognition;
        this.store = store;
    }

    /** A scored occupation with what went into its score. */
    record ScoredOccupation(String id, double score, Explanation explanation) {
    }

    public Map<String, List<Map<String, Object>>> match(ResolvedProfile p, Set<RecordType> targets, int limit) {
        Map<String, Double> has = personSkills(p);
        Set<String> current = currentOccupations(p);
        List<ScoredOccupation> occupations = rankOccupations(p, has, current);
        Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
        if (targets.contains(RecordType.OCCUPATION)) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (ScoredOccupation o : occupations.subList(0, Math.min(limit, occupations.size()))) {
                out.add(occupationResult(o, p, has));
            }
            results.put("occupation", out);
        }
        if (targets.contains(RecordType.TRAINING)) {
            results.put("training", rankTrainings(p, has, occupations, limit));
        }
        if (targets.contains(RecordType.POSTING)) {
            results.put("posting", rankPostings(p, has, current, occupations, limit));
        }
        return results;
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
                if (l.kind().equals("exact") && l.confidence() >= 0.6) {
                    current.add(l.toId());
                }
            }
        }
        return current;
    }

    private List<ScoredOccupation> rankOccupations(ResolvedProfile p, Map<String, Double> has, Set<String> current) {
        Map<String, Double> mobility = new HashMap<>();
        Map<String, String> mobilityReason = new HashMap<>();
        for (String c : current) {
            for (Mobility m : graph.mobilitiesFrom(c)) {
                double v = 1.0 / (1 + 0.15 * (m.rank() - 1));
                if (v > mobility.getOrDefault(m.toId(), 0.0)) {
                    mobility.put(m.toId(), v);
                    mobilityReason.put(m.toId(), "Mobilité répertoriée par le ROME depuis « " + graph.occupation(c).title() + " » (rang " + m.rank() + ").");
                }
            }
        }
        Map<String, Double> qualification = new HashMap<>();
        Map<String, String> qualificationReason = new HashMap<>();
        for (ResolvedProfile.Resolution q : p.qualifications()) {
            if (q.id().startsWith("rncp:")) {
                for (TrainingLinks.Link l : trainings.occupationsOfCertification(q.id().substring(5))) {
                    if (l.confidence() > qualification.getOrDefault(l.occupationId(), 0.0)) {
                        qualification.put(l.occupationId(), l.confidence());
                        qualificationReason.put(l.occupationId(), "Votre certification « " + q.label() + " » y mène (" + l.source() + ").");
                    }
                }
            }
        }
        Set<String> pathwayCandidates = new HashSet<>();
        Map<String, Double> text = new HashMap<>();
        String words = String.join(" ", p.occupations().stream().map(ResolvedProfile.Resolution::input).toList());
        for (Map.Entry<String, Double> e : textScores(words + " " + String.join(" ", p.skills().stream().map(ResolvedProfile.Resolution::input).toList())).entrySet()) {
            text.put(e.getKey(), e.getValue());
        }

        // Candidates: moves, qualification targets, text hits, and the occupations sharing the most skills.
        Map<String, Double> overlap = new HashMap<>();
        has.forEach((s, w) -> {
            if (w >= 0.5) {
                for (String o : graph.occupationsWith(s)) {
                    overlap.merge(o, w, Double::sum);
                }
            }
        });
        Set<String> candidates = new LinkedHashSet<>();
        candidates.addAll(mobility.keySet());
        candidates.addAll(qualification.keySet());
        candidates.addAll(text.keySet());
        overlap.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(250).forEach(e -> candidates.add(e.getKey()));
        for (String c : new ArrayList<>(candidates)) {
            if (c.startsWith("rome:")) {
                for (OccupationLink l : graph.bridges(c)) {
                    if (l.toId().startsWith("competent:") && l.confidence() >= 0.5) {
                        candidates.add(l.toId());
                    }
                }
            }
        }
        candidates.removeAll(current);

        SkillWords similar = new SkillWords(has);
        // Skills the person stated: an occupation that uses them fits, however many others it asks for.
        List<Set<String>> stated = p.skills().stream().map(s -> graph.closure(s.id())).toList();
        List<ScoredOccupation> scored = new ArrayList<>();
        for (String id : candidates) {
            SkillGraph.OccupationInfo info = graph.occupation(id);
            if (info == null || (!p.countries().isEmpty() && !info.country().isEmpty() && !p.countries().contains(info.country()))) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            OccupationLink borrowed = graph.borrowedFrom(id);
            Coverage cov = coverage(graph.effectiveRequirements(id), has, similar);
            double mob = mobility.getOrDefault(id, 0.0);
            String mobWhy = mobilityReason.get(id);
            double qual = qualification.getOrDefault(id, 0.0);
            String qualWhy = qualificationReason.get(id);
            if (borrowed != null) {
                // A bridged occupation inherits the moves and qualification links of its ROME equivalent.
                double m2 = mobility.getOrDefault(borrowed.toId(), 0.0) * borrowed.confidence();
                if (m2 > mob) {
                    mob = m2;
                    mobWhy = mobilityReason.get(borrowed.toId());
                }
                double q2 = qualification.getOrDefault(borrowed.toId(), 0.0) * borrowed.confidence();
                if (q2 > qual) {
                    qual = q2;
                    qualWhy = qualificationReason.get(borrowed.toId());
                }
            }
            double txt = text.getOrDefault(id, 0.0);
            double fit = cov.value;
            if (!stated.isEmpty()) {
                Set<String> required = new HashSet<>();
                graph.effectiveRequirements(id).forEach(r -> required.add(r.skillId()));
                long used = stated.stream().filter(c -> c.stream().anyMatch(required::contains)).count();
                double usage = (double) used / stated.size();
                fit = 0.5 * cov.value + 0.5 * usage;
                if (used > 0) {
                    reasons.add(String.format(Locale.FRENCH, "Le métier utilise %d des %d compétences que vous avez indiquées.", used, stated.size()));
                }
            }
            double score = W_COVERAGE * fit + W_MOBILITY * mob + W_QUALIFICATION * qual + W_TEXT * txt;
            if (borrowed == null) {
                pathwayCandidates.add(id);
            }
            if (score <= 0) {
                continue;
            }
            if (mobWhy != null && mob > 0) {
                reasons.add(mobWhy);
            }
            if (qualWhy != null && qual > 0) {
                reasons.add(qualWhy);
            }
            reasons.add(String.format(Locale.FRENCH, "Vous avez déjà %d des %d compétences clés du métier (couverture %.0f %%).",
                    cov.matchedKey, cov.totalKey, cov.value * 100));
            long missingEssential = cov.missing.stream().filter(Explanation.MissingSkill::essential).count();
            reasons.add(missingEssential == 0 ? "Aucune compétence essentielle ne manque."
                    : missingEssential + " compétence(s) essentielle(s) à acquérir, dont « " + cov.missing.get(0).label() + " ».");
            if (borrowed != null) {
                reasons.add("Profil " + info.scheme() + " sans compétences publiées : rapproché de « " + graph.occupation(borrowed.toId()).title()
                        + " » (" + borrowed.kind() + ", confiance " + borrowed.confidence() + ", " + borrowed.method() + ").");
            }
            if (txt > 0.5) {
                reasons.add("Proche des mots de votre profil.");
            }
            scored.add(new ScoredOccupation(id, score, new Explanation(cov.matched, cov.missing, round(cov.value), reasons)));
        }
        scored.sort(Comparator.comparingDouble(ScoredOccupation::score).reversed().thenComparing(ScoredOccupation::id));
        // The pathway term looks trainings up, so only for the best candidates.
        List<ScoredOccupation> rescored = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            ScoredOccupation o = scored.get(i);
            if (i < PATHWAY_CANDIDATES && o.id().startsWith("rome:")) {
                String why = pathwayReason(o.id(), p);
                boolean plausible = o.explanation().coverage() >= 0.15 || mobility.containsKey(o.id());
                double value = why == null ? 0 : why.startsWith("Une formation conçue") ? 1.0 : plausible ? GENERIC_PATHWAY : 0;
                if (value == 0) {
                    why = null;
                }
                if (why != null) {
                    List<String> reasons = new ArrayList<>(o.explanation().reasons());
                    reasons.add(1, why);
                    o = new ScoredOccupation(o.id(), o.score() + W_PATHWAY * value,
                            new Explanation(o.explanation().matchedSkills(), o.explanation().missingSkills(), o.explanation().coverage(), reasons));
                }
            }
            rescored.add(o);
        }
        rescored.sort(Comparator.comparingDouble(ScoredOccupation::score).reversed().thenComparing(ScoredOccupation::id));
        return rescored;
    }

    /**
     * Why a training path to this occupation counts: a curated training leads there and its stated audience
     * names the person's job (the seed's CPJEPS for AESH), or at least a training leads there.
     */
    private String pathwayReason(String occupationId, ResolvedProfile p) {
        List<TrainingLinks.Link> links = trainings.trainingsFor(occupationId, graph.occupation(occupationId).title());
        if (links.isEmpty()) {
            return null;
        }
        for (TrainingLinks.Link l : links) {
            Training t = store.records().find(RecordType.TRAINING, l.trainingId(), Training.class).orElse(null);
            if (t == null || t.audience().isEmpty()) {
                continue;
            }
            String audience = " " + eu.passerelle.model.Text.fold(t.audience()) + " ";
            for (ResolvedProfile.Resolution o : p.occupations()) {
                // The job as typed, or its acronym in the resolved title ("… (AESH)"), named in the audience.
                List<String> names = new ArrayList<>(List.of(o.input()));
                java.util.regex.Matcher acronym = ACRONYM.matcher(o.label() == null ? "" : o.label());
                while (acronym.find()) {
                    names.add(acronym.group());
                }
                for (String name : names) {
                    String job = eu.passerelle.model.Text.fold(name);
                    if (!job.isEmpty() && audience.contains(" " + job + " ")) {
                        return "Une formation conçue pour les « " + name + " » y mène : « " + t.title() + " »"
                                + (t.hours() != null ? " (" + t.hours() + " h)" : "") + " — source : " + t.provenance().reference() + ".";
                    }
                }
            }
        }
        return "Au moins une formation y prépare (voir le parcours).";
    }

    private Map<String, Double> textScores(String words) {
        Map<String, Double> out = new HashMap<>();
        if (words.isBlank()) {
            return out;
        }
        List<Hit> items = search.search(SearchRequest.of(words.strip(), RecordType.OCCUPATION, 30)).items();
        if (items.isEmpty()) {
            return out;
        }
        double top = items.get(0).score();
        for (Hit i : items) {
            out.put(i.id(), (double) i.score() / top);
        }
        return out;
    }

    /** What a person covers of a set of requirements. */
    static final class Coverage {
        double value;
        int matchedKey;
        int totalKey;
        List<Explanation.SkillRef> matched = new ArrayList<>();
        List<Explanation.MissingSkill> missing = new ArrayList<>();
    }

    /** The person's skills by analysed label word, to find near-identical skills worded differently. */
    final class SkillWords {
        final Map<String, List<String>> byWord = new HashMap<>();
        final Map<String, Set<String>> words = new HashMap<>();

        SkillWords(Map<String, Double> has) {
            has.forEach((id, w) -> {
                if (w >= 0.5) {
                    Set<String> ws = words(id);
                    words.put(id, ws);
                    ws.forEach(word -> byWord.computeIfAbsent(word, k -> new ArrayList<>()).add(id));
                }
            });
        }

        /** The person's skill most similar to this one, if similar enough: [id, similarity]. */
        Object[] closest(String skillId) {
            Set<String> target = words(skillId);
            Map<String, Integer> common = new HashMap<>();
            for (String w : target) {
                for (String id : byWord.getOrDefault(w, List.of())) {
                    common.merge(id, 1, Integer::sum);
                }
            }
            Object[] best = null;
            double bestSim = SIMILAR_SKILL;
            for (Map.Entry<String, Integer> e : common.entrySet()) {
                double sim = e.getValue() / (double) (target.size() + words.get(e.getKey()).size() - e.getValue());
                if (sim >= bestSim) {
                    bestSim = sim;
                    best = new Object[] {e.getKey(), sim};
                }
            }
            return best;
        }

        private Set<String> words(String skillId) {
            return graph.skillWords(skillId);
        }
    }

    Coverage coverage(List<SkillGraph.Requirement> requirements, Map<String, Double> has) {
        return coverage(requirements, has, null);
    }

    Coverage coverage(List<SkillGraph.Requirement> requirements, Map<String, Double> has, SkillWords similar) {
        Coverage c = new Coverage();
        double total = 0;
        double got = 0;
        List<Explanation.MissingSkill> missingOptional = new ArrayList<>();
        for (SkillGraph.Requirement r : requirements) {
            double w = r.core() ? W_CORE : r.essential() ? W_ESSENTIAL : W_OPTIONAL;
            boolean key = r.core() || r.essential();
            total += w;
            double h = has.getOrDefault(r.skillId(), 0.0);
            if (key) {
                c.totalKey++;
            }
            Object[] near = h > 0 || similar == null ? null : similar.closest(r.skillId());
            if (h > 0) {
                got += w * Math.min(1, h);
                if (key) {
                    c.matchedKey++;
                }
                c.matched.add(new Explanation.SkillRef(r.skillId(), graph.skillLabel(r.skillId())));
            } else if (near != null) {
                // Worded differently in another fiche: half credit, and the explanation says which skill it is close to.
                got += w * 0.5 * (double) near[1];
                if (key) {
                    c.matchedKey++;
                }
                c.matched.add(new Explanation.SkillRef(r.skillId(), graph.skillLabel(r.skillId()) + " (proche de « " + graph.skillLabel((String) near[0]) + " »)"));
            } else if (key) {
                c.missing.add(new Explanation.MissingSkill(r.skillId(), graph.skillLabel(r.skillId()), true));
            } else {
                missingOptional.add(new Explanation.MissingSkill(r.skillId(), graph.skillLabel(r.skillId()), false));
            }
        }
        c.missing.addAll(missingOptional);
        c.value = total == 0 ? 0 : got / total;
        c.matched = c.matched.subList(0, Math.min(MAX_SKILLS_SHOWN, c.matched.size()));
        c.missing = c.missing.subList(0, Math.min(MAX_SKILLS_SHOWN, c.missing.size()));
        return c;
    }

    private Map<String, Object> occupationResult(ScoredOccupation o, ResolvedProfile p, Map<String, Double> has) {
        SkillGraph.OccupationInfo info = graph.occupation(o.id());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "occupation");
        item.put("id", o.id());
        item.put("title", info.title());
        item.put("score", round(o.score()));
        item.put("scheme", info.scheme());
        item.put("code", o.id().substring(o.id().indexOf(':') + 1));
        if (!info.country().isEmpty()) {
            item.put("country", info.country());
        }
        item.put("explanation", o.explanation());
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
        Map<String, Object> pathway = pathway(o, info, p);
        if (pathway != null) {
            item.put("pathway", pathway);
        }
        addRecognition(item, p, info.country(), List.of(o.id()));
        return item;
    }

    /** The training steps towards an occupation: trainings leading there, stated links and short ones first. */
    private Map<String, Object> pathway(ScoredOccupation o, SkillGraph.OccupationInfo info, ResolvedProfile p) {
        List<Explanation.MissingSkill> missingEssential = o.explanation().missingSkills().stream().filter(Explanation.MissingSkill::essential).toList();
        String target = graph.romeEquivalent(o.id());
        if (target == null) {
            return null;
        }
        List<TrainingLinks.Link> links = new ArrayList<>(trainings.trainingsFor(target, graph.occupation(target).title()));
        if (links.isEmpty()) {
            return null;
        }
        Set<String> held = new HashSet<>(p.qualifications().stream().map(ResolvedProfile.Resolution::id).toList());
        List<Map<String, Object>> steps = new ArrayList<>();
        links.sort(Comparator.comparingDouble(TrainingLinks.Link::confidence).reversed()
                .thenComparing(l -> l.trainingId().startsWith("rncp:") ? 1 : 0));
        for (TrainingLinks.Link l : links) {
            if (held.contains(l.trainingId()) || steps.size() >= 3) {
                continue;
            }
            Training t = store.records().find(RecordType.TRAINING, l.trainingId(), Training.class).orElse(null);
            if (t == null) {
                continue;
            }
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", t.id());
            step.put("title", t.title());
            if (t.hours() != null) {
                step.put("hours", t.hours());
            }
            if (!t.duration().isEmpty()) {
                step.put("duration", t.duration());
            }
            step.put("why", "Mène à « " + graph.occupation(target).title() + " » (" + l.source() + ", confiance " + l.confidence()
                    + ") : une formation qui y prépare couvre ses compétences clés.");
            steps.add(step);
        }
        if (steps.isEmpty()) {
            return null;
        }
        Map<String, Object> pathway = new LinkedHashMap<>();
        pathway.put("closes", missingEssential.stream().map(Explanation.MissingSkill::label).toList());
        pathway.put("steps", steps);
        return pathway;
    }

    /**
     * Recognition for a result in another country than where the person's qualifications were issued (or,
     * without qualifications, than where the person is): each qualification's verdict, unknown when no
     * source says.
     */
    private void addRecognition(Map<String, Object> item, ResolvedProfile p, String resultCountry, List<String> occupations) {
        if (resultCountry == null || resultCountry.isEmpty()) {
            return;
        }
        List<String> codes = p.qualifications().stream().map(q -> q.id().replaceFirst("^(rncp|qualification):", "")).toList();
        Map<String, Object> r = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            String home = p.homeCountry();
            if (home.isEmpty() || home.equals(resultCountry)) {
                return;
            }
            r.put("from", home);
            r.put("to", resultCountry);
            r.put("status", "unknown");
            r.put("note", "Aucune qualification indiquée : la reconnaissance de l'autre côté de la frontière ne peut pas être évaluée.");
        } else {
            List<Recognition.Verdict> verdicts = recognition.verdicts(codes, resultCountry, occupations);
            if (verdicts.isEmpty()) {
                return; // every qualification was issued in the result's country
            }
            r.put("from", verdicts.get(0).from());
            r.put("to", resultCountry);
            r.put("status", verdicts.stream().map(Recognition.Verdict::status).min(Comparator.comparingInt(Matcher::statusRank)).orElse("unknown"));
            r.put("verdicts", verdicts);
        }
        item.put("recognition", r);
    }

    private static int statusRank(String status) {
        return switch (status) {
            case "eligible_now" -> 0;
            case "after_procedure" -> 1;
            case "needs_training" -> 2;
            default -> 3;
        };
    }

    private List<Map<String, Object>> rankTrainings(ResolvedProfile p, Map<String, Double> has, List<ScoredOccupation> occupations, int limit) {
        double top = occupations.isEmpty() ? 1 : occupations.get(0).score();
        Set<String> held = new HashSet<>(p.qualifications().stream().map(ResolvedProfile.Resolution::id).toList());
        record Candidate(Training t, double score, ScoredOccupation via, TrainingLinks.Link link, Double distanceKm) {
        }
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (ScoredOccupation o : occupations.subList(0, Math.min(12, occupations.size()))) {
            String target = graph.romeEquivalent(o.id());
            if (target == null) {
                continue;
            }
            for (TrainingLinks.Link l : trainings.trainingsFor(target, graph.occupation(target).title())) {
                if (held.contains(l.trainingId())) {
                    continue;
                }
                Training t = store.records().find(RecordType.TRAINING, l.trainingId(), Training.class).orElse(null);
                if (t == null || t.certifications().stream().anyMatch(c -> held.contains("rncp:" + c))
                        || (!p.countries().isEmpty() && !t.country().isEmpty() && !p.countries().contains(t.country()))) {
                    continue;
                }
                Double d = null;
                double geo = 0.5; // a national diploma, offered in many places the data does not list
                if (p.place() != null && !t.places().isEmpty()) {
                    d = t.places().stream().mapToDouble(pl -> GeoMath.distanceKm(p.place().lat(), p.place().lon(), pl.lat(), pl.lon())).min().orElse(0);
                    geo = Math.exp(-d / 100.0);
                    if (p.radiusKm() != null && d > p.radiusKm() && !"hybride".equals(t.modality()) && !"distance".equals(t.modality())) {
                        continue;
                    }
                } else if ("distance".equals(t.modality())) {
                    geo = 1.0;
                }
                double score = 0.7 * l.confidence() * (o.score() / top) + 0.3 * geo;
                Candidate c = new Candidate(t, score, o, l, d);
                best.merge(t.id(), c, (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        List<Candidate> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.t().id()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Candidate c : ranked.subList(0, Math.min(limit, ranked.size()))) {
            Training t = c.t();
            SkillGraph.OccupationInfo target = graph.occupation(c.via().id());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "training");
            item.put("id", t.id());
            item.put("title", t.title());
            item.put("score", round(c.score()));
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
            List<String> reasons = new ArrayList<>();
            reasons.add("Prépare au métier « " + target.title() + " », classé pour vous (" + c.link().source() + ", confiance " + c.link().confidence() + ").");
            if (c.distanceKm() != null) {
                var nearest = t.places().stream().min(Comparator.comparingDouble(pl -> GeoMath.distanceKm(p.place().lat(), p.place().lon(), pl.lat(), pl.lon()))).orElseThrow();
                item.put("place", nearest.name());
                item.put("lat", nearest.lat());
                item.put("lon", nearest.lon());
                item.put("distanceKm", GeoMath.roundKm(c.distanceKm()));
                reasons.add(String.format(Locale.FRENCH, "À %.0f km (%s).", c.distanceKm(), nearest.name()));
            }
            if (t.hours() != null) {
                reasons.add(t.hours() + " heures de formation.");
            }
            if (!t.schedule().isEmpty()) {
                reasons.add("Organisation : " + t.schedule());
            }
            if (!t.funding().isEmpty()) {
                reasons.add("Financement : " + t.funding());
            }
            if (!t.nextSession().isEmpty()) {
                reasons.add("Prochaine session : " + t.nextSession() + ".");
            }
            Explanation e = c.via().explanation();
            item.put("explanation", new Explanation(e.matchedSkills(), e.missingSkills(), e.coverage(), reasons));
            addRecognition(item, p, t.country(), List.of(c.via().id()));
            out.add(item);
        }
        return out;
    }

    private List<Map<String, Object>> rankPostings(ResolvedProfile p, Map<String, Double> has, Set<String> current, List<ScoredOccupation> occupations, int limit) {
        Map<String, Double> fit = new LinkedHashMap<>();
        Map<String, String> fitWhy = new HashMap<>();
        for (String c : current) {
            if (c.startsWith("rome:")) {
                fit.put(c, 1.0);
                fitWhy.put(c, "Offre pour votre métier « " + graph.occupation(c).title() + " ».");
            }
        }
        double top = occupations.isEmpty() ? 1 : occupations.get(0).score();
        for (ScoredOccupation o : occupations.subList(0, Math.min(15, occupations.size()))) {
            String rome = o.id().startsWith("rome:") ? o.id() : null;
            if (rome != null && !fit.containsKey(rome)) {
                fit.put(rome, 0.8 * o.score() / top);
                fitWhy.put(rome, "Offre pour « " + graph.occupation(rome).title() + " », un métier vers lequel vous pouvez évoluer.");
            }
        }
        Double radius = p.place() == null ? null : p.radiusKm() != null ? p.radiusKm() : DEFAULT_POSTING_RADIUS_KM;
        List<Hit> candidates = search.linkedTo(RecordType.POSTING, fit.keySet(), p.place(), radius, Set.copyOf(p.countries()), MAX_POSTING_CANDIDATES);
        Set<String> personKeys = new HashSet<>();
        has.keySet().forEach(s -> personKeys.add(graph.skillKey(s)));
        List<Map<String, Object>> scored = new ArrayList<>();
        for (Hit hit : candidates) {
            Map<String, Object> posting = hit.record();
            @SuppressWarnings("unchecked")
            List<String> occ = (List<String>) posting.getOrDefault("occupations", List.of());
            String bestOcc = occ.stream().filter(fit::containsKey).max(Comparator.comparingDouble(fit::get)).orElse(null);
            if (bestOcc == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> postingSkills = (List<String>) posting.getOrDefault("skills", List.of());
            String postingCountry = String.valueOf(posting.getOrDefault("country", ""));
            boolean synthetic = Boolean.TRUE.equals(posting.get("synthetic"));
            Map<String, SkillGraph.Requirement> reqByKey = new HashMap<>();
            for (SkillGraph.Requirement r : graph.requirements(bestOcc)) {
                reqByKey.put(graph.skillKey(r.skillId()), r);
            }
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
            Double d = hit.distanceKm();
            double geo = d == null ? 0.5 : Math.exp(-d / Math.max(10, radius / 2));
            // A post the engine classified itself counts as much as it is sure of that classification.
            Map<?, ?> classification = posting.get("classification") instanceof Map<?, ?> c ? c : null;
            double sure = classification != null && classification.get("confidence") instanceof Number n ? n.doubleValue() : 1.0;
            double score = 0.45 * fit.get(bestOcc) * sure + 0.35 * skillFit + 0.20 * geo;
            List<String> reasons = new ArrayList<>();
            reasons.add(fitWhy.get(bestOcc));
            if (classification != null) {
                reasons.add(String.format(Locale.FRENCH, "Le flux ne donne pas de code métier : offre rattachée à « %s » d'après %s « %s » (%s, confiance %.2f).",
                        classification.get("label"), "title".equals(classification.get("from")) ? "son intitulé" : "son métier",
                        classification.get("words"), VIA_FR.getOrDefault(String.valueOf(classification.get("via")), "recherche"), sure));
            }
            reasons.add(postingSkills.isEmpty() ? "L'offre ne liste pas de compétences."
                    : String.format(Locale.FRENCH, "Vous avez %d des %d compétences demandées.", matched.size(), postingSkills.size()));
            if (d != null) {
                reasons.add(String.format(Locale.FRENCH, "À %.0f km de %s.", d, p.place().name()));
            }
            if (synthetic) {
                reasons.add("Offre synthétique de démonstration.");
            }
            Map<String, Object> item = new LinkedHashMap<>(hit.json());
            item.put("score", round(score));
            item.put("explanation", new Explanation(matched, missing, round(skillFit), reasons));
            item.remove("skills");
            addRecognition(item, p, postingCountry, occ);
            scored.add(item);
        }
        scored.sort(Comparator.comparingDouble((Map<String, Object> m) -> ((Number) m.get("score")).doubleValue()).reversed()
                .thenComparing(m -> (String) m.get("id")));
        return scored.subList(0, Math.min(limit, scored.size()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
