package eu.passerelle.model;

import java.util.List;

/**
 * An occupation of one referential: a ROME 4.0 fiche, an ESCO occupation or a Compétent profile.
 *
 * @param labels   every other way to say it in French: ROME appellations, ESCO alternative and hidden labels
 * @param labelsNl Dutch labels (Compétent)
 * @param parent   ROME 4.0 parent fiche code when the fiche is a sub-fiche; ESCO ISCO group otherwise
 */
public record Occupation(String id, String scheme, String code, String uri, String title, String titleNl,
                         List<String> labels, List<String> labelsNl, String definition, String access,
                         String country, String parent, String domain, List<String> tags, Provenance provenance) {
    public Occupation {
        scheme = Nulls.s(scheme); code = Nulls.s(code); uri = Nulls.s(uri); title = Nulls.s(title); titleNl = Nulls.s(titleNl);
        labels = Nulls.l(labels); labelsNl = Nulls.l(labelsNl); definition = Nulls.s(definition); access = Nulls.s(access);
        country = Nulls.s(country); parent = Nulls.s(parent); domain = Nulls.s(domain); tags = Nulls.l(tags);
    }
}
