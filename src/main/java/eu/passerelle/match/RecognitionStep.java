package eu.passerelle.match;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognition for a result in another country than where the person's qualifications were issued (or,
 * without qualifications, than where the person is): each qualification's verdict, unknown when no source says.
 */
final class RecognitionStep {
    private final Recognition recognition;

    RecognitionStep(Recognition recognition) {
        this.recognition = recognition;
    }

    /** Adds {@code recognition} to the item when the result is across a border from the person. */
    void add(Map<String, Object> item, ResolvedProfile p, String resultCountry, List<String> occupations, ReasonRenderer renderer, String lang) {
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
            Reason note = Reason.of("recognition.noQualification");
            r.put("note", renderer.render(note, lang));
            r.put("noteCode", note);
        } else {
            List<Recognition.Verdict> verdicts = recognition.verdicts(codes, resultCountry, occupations);
            if (verdicts.isEmpty()) {
                return; // every qualification was issued in the result's country
            }
            r.put("from", verdicts.get(0).from());
            r.put("to", resultCountry);
            r.put("status", verdicts.stream().map(Recognition.Verdict::status).min(Comparator.comparingInt(RecognitionStep::statusRank)).orElse("unknown"));
            r.put("verdicts", verdicts.stream().map(v -> inLanguage(v, renderer, lang)).toList());
        }
        item.put("recognition", r);
    }

    /** The verdict's status label, and the route when no rule exists, in the reader's language (curated routes stay as written). */
    private static Recognition.Verdict inLanguage(Recognition.Verdict v, ReasonRenderer renderer, String lang) {
        String route = v.route();
        if ("unknown".equals(v.status()) && v.sources().isEmpty()) {
            route = renderer.render(Reason.of("recognition.noRule", "qualification", v.qualification(), "from", v.from(), "to", v.to()), lang);
        }
        return new Recognition.Verdict(v.qualification(), v.from(), v.to(), v.status(),
                renderer.render(Reason.of("recognition.status." + v.status()), lang), route, v.sources());
    }

    private static int statusRank(String status) {
        return switch (status) {
            case "eligible_now" -> 0;
            case "after_procedure" -> 1;
            case "needs_training" -> 2;
            default -> 3;
        };
    }
}
