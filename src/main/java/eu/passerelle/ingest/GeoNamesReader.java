package eu.passerelle.ingest;

import eu.passerelle.model.Place;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the GeoNames extract for FR, BE, LU, DE, NL and CH. */
public final class GeoNamesReader {
    public static final String VERSION = "2025 build";
    public static final String LICENCE = "CC BY 4.0 — Place data © GeoNames (geonames.org)";

    public static List<Place> read(Path dir, OrphanCounter orphans) throws IOException {
        List<Place> places = new ArrayList<>();
        Csv.forEachRecord(dir.resolve("places-fr-be-lu-de-nl-ch.csv"), ',', r -> {
            try {
                places.add(new Place(r.get("name"), Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lon")),
                        r.get("country"), r.get("admin1"), r.get("admin2"), population(r)));
            } catch (NumberFormatException e) {
                orphans.miss("place without coordinates");
            }
        });
        return places;
    }

    /** GeoNames population (column added from the same GeoNames release); 0 when absent. */
    private static long population(Csv.Row r) {
        return r.has("population") && !r.get("population").isEmpty() ? Long.parseLong(r.get("population")) : 0;
    }

    private GeoNamesReader() {
    }
}
