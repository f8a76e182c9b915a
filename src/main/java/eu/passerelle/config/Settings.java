package eu.passerelle.config;

import java.util.Map;

/** Reading numeric environment settings, with an error that names the setting and what it expects. */
final class Settings {
    private Settings() {
    }

    static int integer(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + v + "'");
        }
    }

    static double rate(Map<String, String> env, String name, double fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number of requests per second, 0 to switch the limit off; got '" + v + "'");
        }
    }
}
