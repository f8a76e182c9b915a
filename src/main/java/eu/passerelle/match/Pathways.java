package eu.passerelle.match;

import eu.passerelle.model.RecordType;
import eu.passerelle.model.Text;
import eu.passerelle.model.Training;
import eu.passerelle.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Training paths towards an occupation: whether one suits the person (for ranking) and its steps (for display). */
final class Pathways implements PathwayEvidence {
    /** An acronym in a title: "(AESH)", "ATSEM", "AES". */
    private static final Pattern ACRONYM = Pattern.compile("\\b[A-Z]{3,6}\\b");
    static final int MAX_STEPS = 3;

    private final SkillGraph graph;
    private final TrainingLinks trainings;
    private final Store store;

    Pathways(SkillGraph graph, TrainingLinks trainings, Store store) {
        this.graph = graph;
        this.trainings = trainings;
        this.store = store;
    }

    @Override
    public PathwayEvidence.Evidence evidence(String occupationId, ResolvedProfile p, TrainingReads reads) {
        List<TrainingLinks.Link> links = trainings.trainingsFor(occupationId, graph.occupation(occupationId).title());
        if (links.isEmpty()) {
            return null;
        }
        for (TrainingLinks.Link l : links) {
            Training t = reads.get(l.trainingId());
            if (t == null || t.audience().isEmpty()) {
                continue;
            }
            String audience = " " + Text.fold(t.audience()) + " ";
            for (ResolvedProfile.Resolution o : p.occupations()) {
                // The job as typed, or its acronym in the resolved title ("… (AESH)"), named in the audience.
                List<String> names = new ArrayList<>(List.of(o.input()));
                java.util.regex.Matcher acronym = ACRONYM.matcher(o.label() == null ? "" : o.label());
                while (acronym.find()) {
                    names.add(acronym.group());
                }
                for (String name : names) {
                    String job = Text.fold(name);
                    if (!job.isEmpty() && audience.contains(" " + job + " ")) {
                        String reference = t.provenance().reference();
                        return new PathwayEvidence.Evidence(true, Reason.of("occupation.pathwayForJob", "job", name, "training", t.title(), "trainingId", t.id(),
                                "hours", t.hours(), "source", reference != null && reference.startsWith("http") ? reference : null));
                    }
                }
            }
        }
        return new PathwayEvidence.Evidence(false, Reason.of("occupation.pathway"));
    }

    /** The training steps towards an occupation: trainings leading there, stated links and short ones first; null when none. */
    Map<String, Object> steps(String occupationId, Explanation explanation, ResolvedProfile p, TrainingReads reads, ReasonRenderer renderer, String lang) {
        String target = graph.romeEquivalent(occupationId);
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
            if (held.contains(l.trainingId()) || steps.size() >= MAX_STEPS) {
                continue;
            }
            Training t = reads.get(l.trainingId());
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
            Reason why = Reason.of("pathway.step", "occupation", graph.occupation(target).title(), "occupationId", target,
                    "link", l.basis(), "confidence", l.confidence());
            step.put("why", renderer.render(why, lang));
            step.put("whyCode", why);
            steps.add(step);
        }
        if (steps.isEmpty()) {
            return null;
        }
        Map<String, Object> pathway = new LinkedHashMap<>();
        pathway.put("closes", explanation.missingSkills().stream().filter(Explanation.MissingSkill::essential).map(Explanation.MissingSkill::label).toList());
        pathway.put("steps", steps);
        return pathway;
    }
}
