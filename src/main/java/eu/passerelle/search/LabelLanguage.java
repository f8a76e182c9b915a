package eu.passerelle.search;

import eu.passerelle.model.Occupation;
import eu.passerelle.model.Skill;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the label of a referential concept a person reads in their language: the Dutch label where the
 * referential has one (Compétent, ESCO), the English one of ESCO skills, and the French label otherwise.
 * Whatever is shown says which language it is in ({@code labelLang}), so a client can mark a French label
 * in a Dutch page instead of passing it off as Dutch. Posts and trainings are shown in the words of their
 * source: no language is claimed for them.
 */
public final class LabelLanguage {
    private LabelLanguage() {
    }

    /** A label and the language it is in. */
    public record Label(String text, String lang) {
    }

    public static Label of(Occupation o, String lang) {
        return pick(o.title(), o.titleNl(), "", lang);
    }

    public static Label of(Skill s, String lang) {
        // ESCO skills without a French label carry the English one as their label.
        boolean noFrench = "esco".equals(s.scheme()) && !s.labelEn().isEmpty() && s.label().equals(s.labelEn());
        Label label = pick(s.label(), s.labelNl(), s.labelEn(), lang);
        return noFrench && label.lang().equals("fr") ? new Label(s.label(), "en") : label;
    }

    /**
     * A search item (its stored fields: {@code title}, {@code titleNl}, {@code titleEn}) in the language asked:
     * a copy with {@code title} in that language where the record has it, the French title kept as
     * {@code titleFr} when it was replaced, and {@code labelLang}. Items that are not referential concepts
     * come back unchanged.
     */
    public static Map<String, Object> item(Map<String, Object> item, String lang) {
        Object type = item.get("type");
        if (!"occupation".equals(type) && !"skill".equals(type)) {
            return item;
        }
        String fr = String.valueOf(item.getOrDefault("title", ""));
        Label label = pick(fr, text(item.get("titleNl")), text(item.get("titleEn")), lang);
        if ("skill".equals(type) && "esco".equals(item.get("scheme")) && !item.containsKey("titleEn") && label.lang().equals("fr")) {
            // An ESCO skill item has titleEn only when it differs from its title: without it, the title is the English label.
            label = new Label(fr, "en");
        }
        Map<String, Object> out = new LinkedHashMap<>(item);
        if (!label.text().equals(fr)) {
            out.put("title", label.text());
            out.put("titleFr", fr);
        }
        out.put("labelLang", label.lang());
        return out;
    }

    /** Search hits in the language asked (see {@link #item}). */
    public static List<Hit> hits(List<Hit> hits, String lang) {
        return hits.stream().map(h -> {
            Map<String, Object> record = item(h.record(), lang);
            return record == h.record() ? h : new Hit(h.id(), h.type(), String.valueOf(record.get("title")), h.scheme(), h.score(),
                    h.distanceKm(), h.highlight(), h.matchedLabel(), record);
        }).toList();
    }

    private static Label pick(String fr, String nl, String en, String lang) {
        if ("nl".equals(lang) && !nl.isBlank()) {
            return new Label(nl, "nl");
        }
        if ("en".equals(lang) && !en.isBlank()) {
            return new Label(en, "en");
        }
        return new Label(fr, "fr");
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
