package eu.passerelle.search;

import com.fasterxml.jackson.annotation.JsonValue;
import eu.passerelle.model.RecordType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record found by a search, as the search found it: what the matcher and the resolver read (id, title,
 * score, the label that matched) as typed data, and the record's own fields for the answer.
 *
 * @param score        the engine's score, rounded to 3 decimals; null when the query did not score (selection by links)
 * @param distanceKm   distance from the request's place to the record's nearest place; null without a place
 * @param highlight    the title, label or description passage with the query's words in &lt;b&gt;, for display
 * @param matchedLabel the title or label that matched best, as written (no mark-up); null when only the
 *                     description matched or there was no text
 * @param record       the stored record, with its place set to the nearest one when a place was given
 */
public record Hit(String id, RecordType type, String title, String scheme, Float score, Double distanceKm,
                  String highlight, String matchedLabel, Map<String, Object> record) {

    static Hit of(Map<String, Object> record, Float score, Double distanceKm, String highlight, String matchedLabel) {
        Object scheme = record.get("scheme");
        return new Hit((String) record.get("id"), RecordType.fromWire(String.valueOf(record.get("type"))).orElse(null),
                (String) record.get("title"), scheme == null ? null : scheme.toString(), score, distanceKm, highlight, matchedLabel, record);
    }

    Hit withHighlight(String passage) {
        return new Hit(id, type, title, scheme, score, distanceKm, passage, matchedLabel, record);
    }

    /** A field of the record (certifications, occupations, places…). */
    public Object field(String name) {
        return record.get(name);
    }

    /** The item of the search answer: the record's fields, then score, distance and highlight, as before this type. */
    @JsonValue
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>(record);
        if (score != null) {
            out.put("score", score);
        }
        if (distanceKm != null) {
            out.put("distanceKm", distanceKm);
        }
        if (highlight != null) {
            out.put("highlight", highlight);
        }
        return out;
    }
}
