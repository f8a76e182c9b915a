package eu.passerelle.match;

import eu.passerelle.geo.Gazetteer;
import eu.passerelle.index.Analysis;
import eu.passerelle.model.Place;
import eu.passerelle.model.RecordType;
import eu.passerelle.search.Concepts;
import eu.passerelle.search.SearchRequest;
import eu.passerelle.search.Hit;
import eu.passerelle.search.SearchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a profile's words to concepts: occupations (ROME fiches through their appellations, ESCO,
 * Compétent), skills, certifications and brevets, with a confidence; then lists the skills the person is
 * taken to have, each with its reason. Words that resolve to nothing are reported, never dropped.
 */
public final class ProfileResolver {
    private static final Pattern OCCUPATION_ID = Pattern.compile("(rome|esco|competent):[A-Za-z0-9-]+");
    private static final Pattern SKILL_ID = Pattern.compile("(rome|esco|competent):[A-Za-z0-9-]+");
    private static final Pattern RNCP = Pattern.compile("(?i)(?:rncp:)?RNCP\\s*(\\d{2,6})");
    /** Below this, a free word's best candidate is too uncertain to use. */
    static final double MIN_CONFIDENCE = 0.35;
    /**
     * How many search hits are looked at for a record whose title or label is exactly the words. Ten was tried:
     * "Animateur d'un centre de loisirs" then resolves to Compétent's OP-163 (its exact title, 6th) instead of ROME's
     * G1203, and posts, which are reached through ROME fiches only, vanish from that profile's answer.
     */
    static final int EXACT_LOOKED_AT = 5;
    /** Weight of a skill the person is taken to have from a job they held (core skills) or a qualification. */
    static final double FROM_OCCUPATION = 0.9, FROM_OCCUPATION_OPTIONAL = 0.4, FROM_QUALIFICATION = 0.8, FROM_TEXT = 0.6;

    private final SearchService search;
    private final SkillGraph graph;
    private final TrainingLinks trainings;
    private final Recognition recognition;
    private final Gazetteer gazetteer;
    /** Occupations' Dutch labels, for the exact-label rule (the index keys French labels only); null: French only. */
    private final Concepts concepts;

    public ProfileResolver(SearchService search, SkillGraph graph, TrainingLinks trainings, Recognition recognition, Gazetteer gazetteer) {
        this(search, graph, trainings, recognition, gazetteer, null);
    }

    public ProfileResolver(SearchService search, SkillGraph graph, TrainingLinks trainings, Recognition recognition, Gazetteer gazetteer,
                           Concepts concepts) {
        this.concepts = concepts;
        this.search = search;
        this.graph = graph;
        this.trainings = trainings;
        this.recognition = recognition;
        this.gazetteer = gazetteer;
    }

    /** Thrown for a location the gazetteer does not know; the API turns it into a 400 naming the field. */
    public static final class UnknownPlace extends RuntimeException {
        public UnknownPlace(String place) {
            super(place);
        }
    }

    public ResolvedProfile resolve(ProfileInput in) {
        List<String> unresolved = new ArrayList<>();
        List<ResolvedProfile.Resolution> occupations = new ArrayList<>();
        for (String o : in.occupations()) {
            add(resolveConcept(o, RecordType.OCCUPATION, "occupation"), occupations, unresolved);
        }
        List<ResolvedProfile.Resolution> wanted = new ArrayList<>();
        for (String o : in.wantedOccupations()) {
            add(resolveConcept(o, RecordType.OCCUPATION, "occupation"), wanted, unresolved);
        }
        List<ResolvedProfile.Resolution> skills = new ArrayList<>();
        for (String s : in.skills()) {
            add(resolveConcept(s, RecordType.SKILL, "skill"), skills, unresolved);
        }
        List<ResolvedProfile.Resolution> qualifications = new ArrayList<>();
        for (String q : in.qualifications()) {
            add(resolveQualification(q), qualifications, unresolved);
        }
        if (in.text() != null && !in.text().isBlank()) {
            fromText(in.text(), occupations, skills);
        }

        Map<String, ResolvedProfile.Evidence> evidence = new LinkedHashMap<>();
        for (ResolvedProfile.Resolution s : skills) {
            evidence.put(s.id(), new ResolvedProfile.Evidence("text".equals(s.via()) ? FROM_TEXT : 1.0, "compétence indiquée : « " + s.input() + " »"));
        }
        for (ResolvedProfile.Resolution o : occupations) {
            for (SkillGraph.Requirement r : graph.effectiveRequirements(o.id())) {
                double w = r.core() || r.essential() ? FROM_OCCUPATION : FROM_OCCUPATION_OPTIONAL;
                evidence.merge(r.skillId(), new ResolvedProfile.Evidence(w * Math.min(1, o.confidence() + 0.2), "exercée comme « " + o.label() + " »"),
                        (a, b) -> a.weight() >= b.weight() ? a : b);
            }
        }
        for (ResolvedProfile.Resolution q : qualifications) {
            if (q.id() == null || !q.id().startsWith("rncp:")) {
                continue;
            }
            for (TrainingLinks.Link l : trainings.occupationsOfCertification(q.id().substring(5))) {
                for (SkillGraph.Requirement r : graph.requirements(l.occupationId())) {
                    if (r.core() || r.essential()) {
                        evidence.merge(r.skillId(), new ResolvedProfile.Evidence(FROM_QUALIFICATION * l.confidence(), "acquise par « " + q.label() + " »"),
                                (a, b) -> a.weight() >= b.weight() ? a : b);
                    }
                }
            }
        }

        Place place = place(in);
        List<String> countries = in.countries().stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        return new ResolvedProfile(occupations, skills, qualifications, unresolved, evidence, place, in.radiusKm(), countries, in.languages(), wanted);
    }

    /** The profile's place, null when it has none; UnknownPlace when the gazetteer does not know it. */
    public Place place(ProfileInput in) {
        if (in.location() == null || in.location().isBlank()) {
            return null;
        }
        return gazetteer.resolve(in.location()).orElseThrow(() -> new UnknownPlace(in.location()));
    }

    private static void add(ResolvedProfile.Resolution r, List<ResolvedProfile.Resolution> into, List<String> unresolved) {
        if (r.id() == null) {
            unresolved.add(r.input());
        } else if (into.stream().noneMatch(x -> x.id().equals(r.id()))) {
            into.add(r);
        }
    }

    private ResolvedProfile.Resolution resolveConcept(String input, RecordType type, String what) {
        String s = input.strip();
        if ((type == RecordType.OCCUPATION ? OCCUPATION_ID : SKILL_ID).matcher(s).matches()) {
            boolean known = type == RecordType.OCCUPATION ? graph.occupation(s) != null : graph.hasSkill(s);
            if (known) {
                String label = type == RecordType.OCCUPATION ? graph.occupation(s).title() : graph.skillLabel(s);
                return new ResolvedProfile.Resolution(input, s, label, 1.0, "id", List.of());
            }
            return new ResolvedProfile.Resolution(input, null, null, 0, "unknown " + what + " id", List.of());
        }
        return bySearch(input, type, "search");
    }

    /**
     * The best search hit for the words. Confidence is 1 when the words are exactly a title or label, else it
     * falls as the runner-up gets closer (1 − ½ · second/first). Among near-equal occupations a ROME fiche is
     * preferred: its appellations are what French job titles are, and its skills are the richest.
     */
    private ResolvedProfile.Resolution bySearch(String input, RecordType type, String via) {
        return bySearch(input, type, Set.of(), via);
    }

    /** The best ROME fiche for words, by the same rules as a profile's words: for classifying posts. */
    ResolvedProfile.Resolution romeOccupation(String words) {
        return bySearch(words, RecordType.OCCUPATION, Set.of("rome"), "search");
    }

    private ResolvedProfile.Resolution bySearch(String input, RecordType type, Set<String> schemes, String via) {
        // A record whose label is exactly the words may rank below records whose longer labels hold them
        // ("kinderbegeleider" is a Dutch label of ESCO's early-years educator, ranked 4th under "kinderbegeleider
        // schoolgaande kinderen" and the like): every hit looked at is checked for an exact label.
        List<Hit> items = search.search(SearchRequest.of(input, type, EXACT_LOOKED_AT).inSchemes(schemes)).items();
        if (items.isEmpty()) {
            return new ResolvedProfile.Resolution(input, null, null, 0, via, List.of());
        }
        double first = items.get(0).score();
        double second = items.size() > 1 ? items.get(1).score() : 0;
        Hit best = items.get(0);
        String inputKey = Analysis.labelKey(input);
        Hit exactHit = items.stream()
                .filter(i -> isExactLabel(i, inputKey, input))
                .min(java.util.Comparator.comparingInt(i -> "rome".equals(i.scheme()) ? 0 : 1)).orElse(null);
        if (exactHit != null) {
            best = exactHit; // the words are exactly this record's title or one of its labels
        } else if (type == RecordType.OCCUPATION && !"rome".equals(best.scheme())) {
            for (Hit i : items.subList(1, items.size())) {
                if ("rome".equals(i.scheme()) && i.score() >= 0.85 * first) {
                    best = i;
                    break;
                }
            }
        }
        // The words are exact when they are all of one of the chosen record's titles or labels.
        boolean exact = best == exactHit;
        double confidence = exact ? 1.0 : Math.max(0, 1 - 0.5 * (second / Math.max(first, 1e-9)));
        if (confidence < MIN_CONFIDENCE) {
            return new ResolvedProfile.Resolution(input, null, null, confidence, via, List.of());
        }
        List<ResolvedProfile.Alternative> alternatives = new ArrayList<>();
        for (Hit i : items) {
            if (i != best && alternatives.size() < 3) {
                alternatives.add(new ResolvedProfile.Alternative(i.id(), i.title()));
            }
        }
        return new ResolvedProfile.Resolution(input, best.id(), best.title(),
                Math.round(confidence * 100) / 100.0, exact ? "exact label" : via, alternatives);
    }

    /**
     * Whether the words are exactly one of the record's titles or labels: the French one that matched, or a Dutch
     * one (compared in the Dutch analysis). An exact label always beats a longer label that merely contains the
     * words, however the longer one scored.
     */
    private boolean isExactLabel(Hit hit, String inputKey, String input) {
        if (!inputKey.isEmpty() && hit.matchedLabel() != null && Analysis.labelKey(hit.matchedLabel()).equals(inputKey)) {
            return true;
        }
        return concepts != null && hit.type() == RecordType.OCCUPATION && concepts.hasExactDutchLabel(hit.id(), input);
    }

    private ResolvedProfile.Resolution resolveQualification(String input) {
        String s = input.strip();
        var rncp = RNCP.matcher(s);
        if (rncp.matches()) {
            String code = "RNCP" + rncp.group(1);
            return trainings.certificationTitle(code)
                    .map(title -> new ResolvedProfile.Resolution(input, "rncp:" + code, title, 1.0, "id", List.of()))
                    .orElse(new ResolvedProfile.Resolution(input, null, null, 0, "unknown RNCP code", List.of()));
        }
        var named = recognition.qualificationNamed(s);
        if (named.isPresent()) {
            return new ResolvedProfile.Resolution(input, "qualification:" + named.get().code(), named.get().names().get(named.get().names().size() > 1 ? 1 : 0),
                    1.0, "recognition table", List.of());
        }
        ResolvedProfile.Resolution r = bySearch(s, RecordType.TRAINING, "search");
        if (r.id() != null && !r.id().startsWith("rncp:")) {
            // A course leads to certifications; the person holds the certification, not the course.
            String certification = trainings.certificationOf(r.id()).orElse(null);
            if (certification == null) {
                return new ResolvedProfile.Resolution(input, null, null, r.confidence(), "search (no certification)", r.alternatives());
            }
            return new ResolvedProfile.Resolution(input, "rncp:" + certification, trainings.certificationTitle(certification).orElse(certification),
                    r.confidence(), "search", r.alternatives());
        }
        return r;
    }

    /** Lines and sentences of free text, each looked up as an occupation and as a skill; only confident hits count. */
    private void fromText(String text, List<ResolvedProfile.Resolution> occupations, List<ResolvedProfile.Resolution> skills) {
        for (String chunk : text.split("[\\n.;!?]+")) {
            String c = chunk.strip();
            if (c.length() < 3) {
                continue;
            }
            // A job title written in the sentence, word for word: the most specific one wins.
            List<SearchService.ContainedLabel> titles = search.containedLabels(c, RecordType.OCCUPATION, 2, 4);
            if (titles.isEmpty()) {
                // No title written out (an acronym, a description): the search's confident answer, if any.
                ResolvedProfile.Resolution o = bySearch(c, RecordType.OCCUPATION, "text");
                if (o.id() != null && o.confidence() >= 0.7 && occupations.stream().noneMatch(x -> x.id().equals(o.id()))) {
                    occupations.add(o);
                }
            } else {
                SearchService.ContainedLabel t = titles.get(0);
                if (occupations.stream().noneMatch(x -> x.id().equals(t.id()))) {
                    occupations.add(new ResolvedProfile.Resolution(c, t.id(), t.title(), titles.size() > 1 && titles.get(1).words() == t.words() ? 0.8 : 0.95,
                            "text (« " + t.label() + " »)", titles.stream().skip(1).map(x -> new ResolvedProfile.Alternative(x.id(), x.title())).toList()));
                }
            }
            ResolvedProfile.Resolution s = bySearch(c, RecordType.SKILL, "text");
            if (s.id() != null && s.confidence() >= 0.6 && skills.stream().noneMatch(x -> x.id().equals(s.id()))) {
                skills.add(s);
            }
        }
    }
}
