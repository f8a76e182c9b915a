package eu.passerelle.model;

/** Where something happens: a named place with coordinates and its ISO country code. */
public record PlaceRef(String name, double lat, double lon, String country) {
    public PlaceRef {
        name = Nulls.s(name); country = Nulls.s(country);
    }
}
