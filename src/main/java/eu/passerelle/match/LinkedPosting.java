package eu.passerelle.match;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import eu.passerelle.geo.GeoMath;
import eu.passerelle.model.Json;
import eu.passerelle.model.Place;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What posting ranking reads of a post it looks at, taken from the post's item JSON by one streaming pass that
 * skips everything else (the description is most of the bytes): a match looks at 200 posts and shows 10, and
 * reading each one whole into a map was most of its posts' CPU. The item itself is read for the returned page only.
 *
 * @param source     the item JSON as the index gave it (UTF-8)
 * @param confidence the classification's confidence; null when the post has no classification, NaN when it has
 *                   one without a number
 * @param lat        the post's own coordinates (NaN when it has none)
 * @param places     its places' coordinates as lat, lon pairs (used without coordinates of its own)
 */
record LinkedPosting(byte[] source, String id, List<String> occupations, List<String> skills, Double confidence,
                     double lat, double lon, List<double[]> places) {

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    static LinkedPosting read(byte[] source) {
        String id = null;
        List<String> occupations = List.of();
        List<String> skills = List.of();
        Double confidence = null;
        double lat = Double.NaN;
        double lon = Double.NaN;
        List<double[]> places = List.of();
        try (JsonParser p = FACTORY.createParser(source)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a posting item is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "id" -> id = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "occupations" -> occupations = strings(p, t);
                    case "skills" -> skills = strings(p, t);
                    case "classification" -> confidence = t == JsonToken.START_OBJECT ? confidence(p) : skip(p, null);
                    case "lat" -> lat = t.isNumeric() ? p.getNumberValue().doubleValue() : Double.NaN;
                    case "lon" -> lon = t.isNumeric() ? p.getNumberValue().doubleValue() : Double.NaN;
                    case "places" -> places = places(p, t);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LinkedPosting(source, id, occupations, skills, confidence, lat, lon, places);
    }

    /** Distance to the nearest of the post's places, rounded as a search's hits are; null without a place. */
    Double distanceKm(Place near) {
        if (near == null) {
            return null;
        }
        if (!Double.isNaN(lat) && !Double.isNaN(lon)) {
            return GeoMath.roundKm(GeoMath.distanceKm(near.lat(), near.lon(), lat, lon));
        }
        double best = Double.NaN;
        for (double[] place : places) {
            double d = GeoMath.distanceKm(near.lat(), near.lon(), place[0], place[1]);
            if (Double.isNaN(best) || d < best) { // the first of equally near places, as the search's item keeps
                best = d;
            }
        }
        return Double.isNaN(best) ? null : GeoMath.roundKm(best);
    }

    /** How sure the engine is of a classification it made itself: 1 when the post came with its occupation. */
    double sure() {
        return confidence == null || confidence.isNaN() ? 1.0 : confidence;
    }

    private static List<String> strings(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            return skip(p, List.of());
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.getValueAsString());
            p.skipChildren();
        }
        return out;
    }

    private static Double confidence(JsonParser p) throws IOException {
        double confidence = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("confidence")) {
                confidence = t.isNumeric() ? p.getNumberValue().doubleValue() : Double.NaN;
            }
            p.skipChildren();
        }
        return confidence;
    }

    private static List<double[]> places(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            return skip(p, List.of());
        }
        List<double[]> out = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            double[] place = {Double.NaN, Double.NaN};
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v.isNumeric() && name.equals("lat")) {
                    place[0] = p.getNumberValue().doubleValue();
                } else if (v.isNumeric() && name.equals("lon")) {
                    place[1] = p.getNumberValue().doubleValue();
                }
                p.skipChildren();
            }
            out.add(place);
        }
        return out;
    }

    private static <T> T skip(JsonParser p, T value) throws IOException {
        p.skipChildren();
        return value;
    }
}
