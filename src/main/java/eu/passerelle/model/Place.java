package eu.passerelle.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A GeoNames place, used to resolve "near=Arlon" and to suggest place names.
 *
 * @param population inhabitants as GeoNames counts them (0 when unknown: villages under 1,000, town sections);
 *                   it ranks place completions, and is nobody's business in an answer
 */
public record Place(String name, double lat, double lon, String country, String admin1, String admin2,
                    @JsonIgnore long population) {
    public Place(String name, double lat, double lon, String country, String admin1, String admin2) {
        this(name, lat, lon, country, admin1, admin2, 0);
    }

    public PlaceRef ref() {
        return new PlaceRef(name, lat, lon, country);
    }
}
