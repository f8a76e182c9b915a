package eu.passerelle.match;

import java.util.List;

/**
 * A person's profile as a client sends it. Every field is optional, but at least one of text,
 * occupations, skills, qualifications is needed. Ids ("rome:K2113") and free words ("AESH") may be mixed.
 *
 * @param location a place name or "lat,lon" (the API also accepts {"lat","lon"} and turns it into that)
 */
public record ProfileInput(String text, List<String> occupations, List<String> skills, List<String> qualifications,
                           String location, Double radiusKm, List<String> countries, List<String> languages) {
    public ProfileInput {
        occupations = occupations == null ? List.of() : List.copyOf(occupations);
        skills = skills == null ? List.of() : List.copyOf(skills);
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
        countries = countries == null ? List.of() : List.copyOf(countries);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public boolean hasSubstance() {
        return (text != null && !text.isBlank()) || !occupations.isEmpty() || !skills.isEmpty() || !qualifications.isEmpty();
    }
}
