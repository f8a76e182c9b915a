package eu.passerelle.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Query-parameter parsing that answers a 400 naming the parameter, never a 500. */
final class Params {
    private Params() {
    }

    /** Rejects parameters the endpoint does not know, so a typo ("raduisKm") is not silently ignored. */
    static void onlyKnown(Context ctx, Set<String> known) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!known.contains(name) && !name.startsWith("_")) {
                throw ApiProblem.badParameter(name, "Unknown parameter '" + name + "'. Known parameters: " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }

    static String text(Context ctx, String name, int maxLength) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiProblem.badParameter(name, "'" + name + "' is given " + values.size() + " times; give it once.");
        }
        String v = values.get(0).strip();
        if (v.length() > maxLength) {
            throw ApiProblem.badParameter(name, "'" + name + "' is " + v.length() + " characters long; the maximum is " + maxLength + ".");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n') {
                throw ApiProblem.badParameter(name, "'" + name + "' contains a control character.");
            }
        }
        return v.isEmpty() ? null : v;
    }

    static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        String v = text(ctx, name, 20);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw ApiProblem.badParameter(name, "'" + name + "' must be between " + min + " and " + max + ", got " + n + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter(name, "'" + name + "' must be a whole number, got '" + v + "'.");
        }
    }

    static Double decimal(Context ctx, String name, double minExclusive, double max) {
        String v = text(ctx, name, 30);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || d <= minExclusive || d > max) {
                throw ApiProblem.badParameter(name, "'" + name + "' must be greater than " + (long) minExclusive + " and at most " + (long) max + ", got " + v + ".");
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter(name, "'" + name + "' must be a number, got '" + v + "'.");
        }
    }

    /** A comma-separated and/or repeated list, each value checked. */
    static Set<String> list(Context ctx, String name, Predicate<String> valid, String expected, boolean upper) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : ctx.queryParams(name)) {
            for (String part : raw.split(",")) {
                String v = part.strip();
                if (v.isEmpty()) {
                    continue;
                }
                v = upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
                if (v.length() > 60 || !valid.test(v)) {
                    throw ApiProblem.badParameter(name, "'" + name + "' has an unknown value '" + part.strip() + "'; expected " + expected + ".");
                }
                out.add(v);
            }
        }
        if (out.size() > 20) {
            throw ApiProblem.badParameter(name, "'" + name + "' has more than 20 values.");
        }
        return out;
    }

    static Set<String> oneOf(String... values) {
        return new LinkedHashSet<>(Arrays.asList(values));
    }
}
