package eu.passerelle.model;

/** A GeoNames place, used to resolve "near=Arlon" and to suggest place names. */
public record Place(String name, double lat, double lon, String country, String admin1, String admin2) {
    public PlaceRef ref() {
        return new PlaceRef(name, lat, lon, country);
    }
}
