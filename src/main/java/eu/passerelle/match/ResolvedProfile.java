package eu.passerelle.match;

import eu.passerelle.model.Place;
import java.util.List;
import java.util.Map;

/**
 * How the profile's words were understood, shown to the advisor, and the skills the person is taken to
 * have, each with where that comes from. {@code wanted}: the occupations the person aims at.
 */
public record ResolvedProfile(List<Resolution> occupations, List<Resolution> skills, List<Resolution> qualifications,
                              List<String> unresolved, Map<String, Evidence> skillEvidence, Place place, Double radiusKm,
                              List<String> countries, List<String> languages, List<Resolution> wanted) {
    /**
     * @param input        what was written
     * @param id           the concept it was resolved to (null when unresolved)
     * @param confidence   0..1: 1 for an id or an exact label, lower when the best candidate was close to others
     * @param via          "id", "exact label", "search", "text", "recognition table"
     * @param alternatives other candidates, best first
     */
    public record Resolution(String input, String id, String label, double confidence, String via, List<Alternative> alternatives) {
    }

    public record Alternative(String id, String label) {
    }

    /** Why the person is taken to have a skill, and how much that counts (1 stated, less when inferred). */
    public record Evidence(double weight, String because) {
    }

    /** The country the person is in, for recognition across the border: from the place, else the first country. */
    public String homeCountry() {
        if (place != null && !place.country().isEmpty()) {
            return place.country();
        }
        return countries.isEmpty() ? "" : countries.get(0);
    }
}
