package eu.passerelle.match;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Why a result is there, built by the code that scores it.
 *
 * @param coverage    weighted share of the target's skills the person has (core and essential skills weigh more):
 *                    the figure the coverage reason states
 * @param reasons     sentences an advisor can read aloud, in the request's language
 * @param reasonCodes the same reasons as codes and parameters, for systems that render their own
 */
public record Explanation(List<SkillRef> matchedSkills, List<MissingSkill> missingSkills, double coverage, List<String> reasons,
                          List<Reason> reasonCodes) {
    /**
     * A skill the person has. When only a skill worded differently in another fiche was found, {@code closeTo}
     * names it (and the skill counts half).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SkillRef(String id, String label, String closeToId, String closeTo) {
        public SkillRef(String id, String label) {
            this(id, label, null, null);
        }
    }

    public record MissingSkill(String id, String label, boolean essential) {
    }

    /** An explanation whose reasons are still to be rendered. */
    static Explanation of(List<SkillRef> matched, List<MissingSkill> missing, double coverage, List<Reason> codes) {
        return new Explanation(matched, missing, coverage, List.of(), List.copyOf(codes));
    }

    Explanation rendered(ReasonRenderer renderer, String lang) {
        return new Explanation(matchedSkills, missingSkills, coverage, reasonCodes.stream().map(r -> renderer.render(r, lang)).toList(), reasonCodes);
    }

    Explanation withReasons(List<Reason> codes) {
        return new Explanation(matchedSkills, missingSkills, coverage, List.of(), List.copyOf(codes));
    }
}
