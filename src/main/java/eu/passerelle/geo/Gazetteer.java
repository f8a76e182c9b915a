package eu.passerelle.geo;

import eu.passerelle.model.Place;
import eu.passerelle.model.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves what a person types as a place ("Arlon", "virton", "Saint-Quentin, FR", "49.68,5.82") to a
 * point, and completes place names. Accents, case and hyphens do not matter. When a name exists in several
 * countries, the border countries come first (FR, BE, LU), unless a country is given after a comma.
 */
public final class Gazetteer {
    private static final Pattern LAT_LON = Pattern.compile("^\\s*(-?\\d{1,2}(?:\\.\\d+)?)\\s*[,;]\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*$");
    private static final Pattern WITH_COUNTRY = Pattern.compile("^(.+?)\\s*[,(]\\s*([A-Za-z]{2})\\s*\\)?\\s*$");
    private static final List<String> COUNTRY_PREFERENCE = List.of("FR", "BE", "LU", "DE", "NL", "CH");

    private final Map<String, List<Place>> byKey = new HashMap<>();
    private final TreeMap<String, List<Place>> sorted = new TreeMap<>();
    private final int size;

    public Gazetteer(List<Place> places) {
        for (Place p : places) {
            byKey.computeIfAbsent(Text.fold(p.name()), k -> new ArrayList<>()).add(p);
        }
        Comparator<Place> preference = Comparator.comparingInt(p -> rank(p.country()));
        byKey.values().forEach(list -> list.sort(preference));
        sorted.putAll(byKey);
        this.size = places.size();
    }

    private static int rank(String country) {
        int i = COUNTRY_PREFERENCE.indexOf(country);
        return i < 0 ? COUNTRY_PREFERENCE.size() : i;
    }

    public int size() {
        return size;
    }

    /** A point typed as "lat,lon", if the text is one and lies on Earth. */
    public static Optional<double[]> parseLatLon(String text) {
        Matcher m = LAT_LON.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double lat = Double.parseDouble(m.group(1));
        double lon = Double.parseDouble(m.group(2));
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            return Optional.empty();
        }
        return Optional.of(new double[] {lat, lon});
    }

    /** Resolves a place name or "lat,lon"; a bare point comes back as a place named by its coordinates. */
    public Optional<Place> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<double[]> point = parseLatLon(text);
        if (point.isPresent()) {
            double[] p = point.get();
            return Optional.of(new Place(String.format(Locale.ROOT, "%.5f,%.5f", p[0], p[1]), p[0], p[1], "", "", ""));
        }
        String name = text.strip();
        String country = null;
        Matcher m = WITH_COUNTRY.matcher(name);
        if (m.matches() && !byKey.containsKey(Text.fold(name))) {
            name = m.group(1);
            country = m.group(2).toUpperCase(Locale.ROOT);
        }
        List<Place> candidates = byKey.getOrDefault(Text.fold(name), List.of());
        final String wanted = country;
        return candidates.stream().filter(p -> wanted == null || p.country().equals(wanted)).findFirst();
    }

    /** Place names starting with what was typed, shortest names first, then border countries first. */
    public List<Place> complete(String prefix, int limit) {
        String key = Text.fold(prefix);
        if (key.isEmpty()) {
            return List.of();
        }
        List<Place> out = new ArrayList<>();
        for (Map.Entry<String, List<Place>> e : sorted.tailMap(key, true).entrySet()) {
            if (!e.getKey().startsWith(key) || out.size() >= limit * 4) {
                break;
            }
            out.addAll(e.getValue());
        }
        // Shortest completion first ("vir" → Virton before Vireux-Wallerand), then border countries first.
        out.sort(Comparator.comparingInt((Place p) -> p.name().length()).thenComparingInt(p -> rank(p.country())).thenComparing(Place::name));
        return out.subList(0, Math.min(limit, out.size()));
    }
}
