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
 * point, and completes place names. Accents, case and hyphens do not matter. When a name exists several
 * times, the place nearest the service's focus (the FR-BE-LU border) wins, unless a country is given after
 * a comma. Completions put a name typed in full first, then weigh size against distance from the focus: a
 * tenfold population is worth 250 km ("Chal" → Châlons-en-Champagne and Chalon-sur-Saône before Châlonvillars;
 * "arl" → Arlon before the larger but far Arles).
 */
public final class Gazetteer {
    private static final Pattern LAT_LON = Pattern.compile("^\\s*(-?\\d{1,2}(?:\\.\\d+)?)\\s*[,;]\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*$");
    private static final Pattern WITH_COUNTRY = Pattern.compile("^(.+?)\\s*[,(]\\s*([A-Za-z]{2})\\s*\\)?\\s*$");
    /** Where the service's users are: the France-Belgium-Luxembourg border, near Longwy. */
    public static final double[] DEFAULT_FOCUS = {49.52, 5.76};

    private final Map<String, List<Place>> byKey = new HashMap<>();
    private final TreeMap<String, List<Place>> sorted = new TreeMap<>();
    private final int size;

    /** Kilometres from the focus that cost as much as a tenfold smaller population. */
    static final double KM_PER_TENFOLD = 250;
    /** Enough for any prefix of two letters or more; a one-letter prefix reads no further. */
    private static final int MAX_PREFIX_MATCHES = 5_000;

    private final Comparator<Place> nearestFocus;
    private final double focusLat;
    private final double focusLon;

    public Gazetteer(List<Place> places) {
        this(places, DEFAULT_FOCUS[0], DEFAULT_FOCUS[1]);
    }

    public Gazetteer(List<Place> places, double focusLat, double focusLon) {
        this.focusLat = focusLat;
        this.focusLon = focusLon;
        this.nearestFocus = Comparator.comparingDouble(p -> GeoMath.distanceKm(focusLat, focusLon, p.lat(), p.lon()));
        for (Place p : places) {
            byKey.computeIfAbsent(Text.fold(p.name()), k -> new ArrayList<>()).add(p);
        }
        byKey.values().forEach(list -> list.sort(nearestFocus));
        sorted.putAll(byKey);
        this.size = places.size();
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

    /** Place names starting with what was typed: the name typed in full first, then by {@link #weight}, then shortest. */
    public List<Place> complete(String prefix, int limit) {
        String key = Text.fold(prefix);
        if (key.isEmpty()) {
            return List.of();
        }
        List<Place> out = new ArrayList<>();
        for (Map.Entry<String, List<Place>> e : sorted.tailMap(key, true).entrySet()) {
            if (!e.getKey().startsWith(key) || out.size() >= MAX_PREFIX_MATCHES) {
                break;
            }
            out.addAll(e.getValue());
        }
        Map<Place, Double> weights = new HashMap<>();
        out.forEach(p -> weights.put(p, weight(p)));
        out.sort(Comparator.comparing((Place p) -> !Text.fold(p.name()).equals(key))
                .thenComparing(p -> -weights.get(p))
                .thenComparingInt(p -> p.name().length()).thenComparing(Place::name));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** How likely a person means this place: log10 of its population less its distance from the focus. */
    double weight(Place p) {
        return Math.log10(1 + p.population()) - GeoMath.distanceKm(focusLat, focusLon, p.lat(), p.lon()) / KM_PER_TENFOLD;
    }
}
