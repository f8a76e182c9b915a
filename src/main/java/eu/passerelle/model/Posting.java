package eu.passerelle.model;

import java.util.List;

/**
 * A job post, from a partner feed or the synthetic demo generator ({@code provenance.synthetic}).
 *
 * @param occupations ROME fiche ids the post was classified under, e.g. ["rome:K1303"]
 * @param skills      skill labels or ids the post asks for
 * @param occupationText the feed's own words for the occupation when it has no code for it (Le Forem's
 *                       métier, a JobPosting's occupationalCategory written out), read by the classifier
 * @param classification how the engine placed the post under an occupation, null when the feed gave the code
 */
public record Posting(String id, String source, String sourceId, String title, String description,
                      String employer, String contract, String workingTime, PlaceRef place, String country,
                      List<String> occupations, List<String> skills, String postedAt, String validThrough,
                      String url, Provenance provenance, String occupationText, Classification classification) {
    public Posting {
        source = Nulls.s(source); sourceId = Nulls.s(sourceId); title = Nulls.s(title); description = Nulls.s(description);
        employer = Nulls.s(employer); contract = Nulls.s(contract); workingTime = Nulls.s(workingTime); country = Nulls.s(country);
        occupations = Nulls.l(occupations); skills = Nulls.l(skills); postedAt = Nulls.s(postedAt);
        validThrough = Nulls.s(validThrough); url = Nulls.s(url); occupationText = Nulls.s(occupationText);
    }

    /** The same post placed under {@code occupation} by the classifier. */
    public Posting classified(Classification c) {
        return new Posting(id, source, sourceId, title, description, employer, contract, workingTime, place, country,
                java.util.List.of(c.occupation()), skills, postedAt, validThrough, url, provenance, occupationText, c);
    }
}
