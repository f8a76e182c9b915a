package eu.passerelle.model;

import java.util.List;

/**
 * A job post, from a partner feed or the synthetic demo generator ({@code provenance.synthetic}).
 *
 * @param occupations ROME fiche ids the post was classified under, e.g. ["rome:K1303"]
 * @param skills      skill labels or ids the post asks for
 */
public record Posting(String id, String source, String sourceId, String title, String description,
                      String employer, String contract, String workingTime, PlaceRef place, String country,
                      List<String> occupations, List<String> skills, String postedAt, String validThrough,
                      String url, Provenance provenance) {
    public Posting {
        source = Nulls.s(source); sourceId = Nulls.s(sourceId); title = Nulls.s(title); description = Nulls.s(description);
        employer = Nulls.s(employer); contract = Nulls.s(contract); workingTime = Nulls.s(workingTime); country = Nulls.s(country);
        occupations = Nulls.l(occupations); skills = Nulls.l(skills); postedAt = Nulls.s(postedAt);
        validThrough = Nulls.s(validThrough); url = Nulls.s(url);
    }
}
