package eu.passerelle.geo;

/** Great-circle distance; good to a few metres, which is far below what a commute cares about. */
public final class GeoMath {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private GeoMath() {
    }

    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Rounded to 0.1 km, as shown to people. */
    public static double roundKm(double km) {
        return Math.round(km * 10) / 10.0;
    }
}
