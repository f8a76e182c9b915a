package eu.passerelle.match;

import java.util.List;

/**
 * A person's profile as a client sends it. Every field is optional, but at least one of text,
 * occupations, skills, qualifications is needed. Ids ("rome:K2113") and free words ("AESH") may be mixed.
 *
 * @param location          a place name or "lat,lon" (the API also accepts {"lat","lon"} and turns it into that)
 * @param wantedOccupations the occupations the person aims at ("métier visé"), words or ids, resolved like occupations
 */
public record ProfileInput(String text, List<String> occupations, List<String> skills, List<String> qualifications,
                           String location, Double radiusKm, List<String> countries, List<String> languages, List<String> wantedOccupations) {
    @com.fasterxml.jackson.annotation.JsonCreator
    public ProfileInput {
        wantedOccupations = wantedOccupations == null ? List.of() : List.copyOf(wantedOccupations);
        occupations = occupations == null ? List.of() : List.copyOf(occupations);
        skills = skills == null ? List.of() : List.copyOf(skills);
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
        countries = countries == null ? List.of() : List.copyOf(countries);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** A profile without aimed-at occupations. */
    public ProfileInput(String text, List<String> occupations, List<String> skills, List<String> qualifications,
                        String location, Double radiusKm, List<String> countries, List<String> languages) {
        this(text, occupations, skills, qualifications, location, radiusKm, countries, languages, List.of());
    }

    public boolean hasSubstance() {
        return (text != null && !text.isBlank()) || !occupations.isEmpty() || !skills.isEmpty() || !qualifications.isEmpty();
    }
}
