package eu.passerelle.match;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reason for a result, as data: a code and its parameters (labels, counts, distances). The scoring code
 * builds these; {@link ReasonRenderer} turns them into a sentence in the reader's language.
 */
public record Reason(String code, Map<String, Object> params) {
    public Reason {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static Reason of(String code) {
        return new Reason(code, Map.of());
    }

    /** A reason with parameters given as name, value, name, value…; null values are left out. */
    static Reason of(String code, Object... nameValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                p.put((String) nameValues[i], nameValues[i + 1]);
            }
        }
        return new Reason(code, p);
    }

    /** How a word of the profile (or a post's words) was resolved, as a renderable reason: "exact label" → via.exact-label. */
    static Reason via(String via) {
        if (via == null) {
            return of("via.search");
        }
        java.util.regex.Matcher titled = TITLED_VIA.matcher(via);
        if (titled.matches()) {
            return of("via." + titled.group(1).replace(' ', '-') + "-title", "title", titled.group(2));
        }
        return of("via." + via.replaceAll("[^A-Za-z]+", "-").replaceAll("-$", ""));
    }

    private static final java.util.regex.Pattern TITLED_VIA = java.util.regex.Pattern.compile("(\\w[\\w ]*?) \\(« (.*) »\\)");
}
