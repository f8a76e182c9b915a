package eu.passerelle.model;

import java.util.List;

/**
 * A certification (a diploma listed at ONISEP with its RNCP code) or a course / session leading to one.
 *
 * @param kind           "certification" or "course"
 * @param certifications RNCP codes this training leads to, e.g. ["RNCP32369"]
 * @param level          European qualification level "1".."8", or empty
 * @param hours          total hours when a source states them
 * @param modality       "presentiel", "hybride", "distance", or empty when unknown
 * @param occupations    ROME fiche ids this training prepares for, when a source states it
 * @param url            the training's own page (LHÉO url-action / url-formation, a curated record's source page)
 * @param address        where it takes place, as the source writes it ("1 rue …, 54400 Longwy")
 * @param contact        whom to ask, as the source gives it (name, telephone, e-mail)
 */
public record Training(String id, String kind, String title, List<String> certifications, String level,
                       String levelLabel, String duration, Integer hours, String modality, String schedule,
                       String cost, String funding, String audience, List<Provider> providers,
                       List<PlaceRef> places, String country, String authority, List<String> domains,
                       String nextSession, String url, List<String> occupations, String description,
                       Provenance provenance, String address, String contact) {
    public Training(String id, String kind, String title, List<String> certifications, String level,
                    String levelLabel, String duration, Integer hours, String modality, String schedule,
                    String cost, String funding, String audience, List<Provider> providers,
                    List<PlaceRef> places, String country, String authority, List<String> domains,
                    String nextSession, String url, List<String> occupations, String description,
                    Provenance provenance) {
        this(id, kind, title, certifications, level, levelLabel, duration, hours, modality, schedule, cost, funding, audience,
                providers, places, country, authority, domains, nextSession, url, occupations, description, provenance, "", "");
    }

    public Training {
        kind = Nulls.s(kind); title = Nulls.s(title); certifications = Nulls.l(certifications); level = Nulls.s(level);
        levelLabel = Nulls.s(levelLabel); duration = Nulls.s(duration); modality = Nulls.s(modality); schedule = Nulls.s(schedule);
        cost = Nulls.s(cost); funding = Nulls.s(funding); audience = Nulls.s(audience); providers = Nulls.l(providers);
        places = Nulls.l(places); country = Nulls.s(country); authority = Nulls.s(authority); domains = Nulls.l(domains);
        nextSession = Nulls.s(nextSession); url = Nulls.s(url); occupations = Nulls.l(occupations); description = Nulls.s(description);
        address = Nulls.s(address); contact = Nulls.s(contact);
    }
}
