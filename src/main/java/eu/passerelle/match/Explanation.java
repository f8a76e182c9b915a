package eu.passerelle.match;

import java.util.List;

/**
 * Why a result is there, built by the code that scores it.
 *
 * @param coverage share of the target's skills the person has (core and essential skills weigh more)
 * @param reasons  plain French sentences an advisor can read aloud
 */
public record Explanation(List<SkillRef> matchedSkills, List<MissingSkill> missingSkills, double coverage, List<String> reasons) {
    public record SkillRef(String id, String label) {
    }

    public record MissingSkill(String id, String label, boolean essential) {
    }
}
