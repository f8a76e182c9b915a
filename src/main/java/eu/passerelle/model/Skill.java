package eu.passerelle.model;

import java.util.List;

/**
 * A skill, knowledge item or competence of one referential.
 *
 * @param label    French label (ESCO falls back to English where no French label exists, see {@code labelEn})
 * @param kind     ROME: savoir-faire / savoir-être / savoir; ESCO: skill/competence / knowledge; Compétent: SK / KN
 * @param category ROME category (e.g. "Technique"), ESCO reuse level, or empty
 */
public record Skill(String id, String scheme, String code, String uri, String label, String labelNl, String labelEn,
                   List<String> altLabels, String kind, String category, String description, Provenance provenance) {
    public Skill {
        scheme = Nulls.s(scheme); code = Nulls.s(code); uri = Nulls.s(uri); label = Nulls.s(label); labelNl = Nulls.s(labelNl);
        labelEn = Nulls.s(labelEn); altLabels = Nulls.l(altLabels); kind = Nulls.s(kind); category = Nulls.s(category);
        description = Nulls.s(description);
    }
}
