package eu.passerelle.geo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.model.Place;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {
    private final Gazetteer g = new Gazetteer(List.of(
            new Place("Arlon", 49.68333, 5.81667, "BE", "WAL", "WLX"),
            new Place("Virton", 49.56824, 5.53259, "BE", "WAL", "WLX"),
            new Place("Saint-Hubert", 50.02, 5.37, "BE", "WAL", "WLX"),
            new Place("Saint-Hubert", 49.2, 6.3, "FR", "44", "57"),
            new Place("Vireux-Wallerand", 50.08, 4.73, "FR", "44", "08")));

    @Test
    void namesResolveWhateverTheCaseAccentsAndHyphens() {
        assertThat(g.resolve("arlon")).map(Place::country).contains("BE");
        assertThat(g.resolve("  VIRTON ")).map(Place::lat).contains(49.56824);
        assertThat(g.resolve("saint hubert")).isPresent();
    }

    @Test
    void ambiguousNamesPreferTheOneNearestTheBorderUnlessACountryIsGiven() {
        Gazetteer twoArlons = new Gazetteer(List.of(new Place("Arlon", 49.68, 5.82, "BE", "", ""), new Place("Arlon", 43.3, 5.4, "FR", "", "")));
        assertThat(twoArlons.resolve("Arlon")).map(Place::country).contains("BE");
        assertThat(twoArlons.resolve("Arlon, FR")).map(Place::country).contains("FR");
        assertThat(g.resolve("Saint-Hubert, BE")).map(Place::country).contains("BE");
        assertThat(g.resolve("Saint-Hubert (be)")).map(Place::country).contains("BE");
    }

    @Test
    void coordinatesAreAPlaceAndNonsenseIsNot() {
        assertThat(g.resolve("49.68,5.82")).map(Place::lon).contains(5.82);
        assertThat(g.resolve("91,5")).isEmpty();
        assertThat(g.resolve("Atlantis")).isEmpty();
        assertThat(Gazetteer.parseLatLon("49.6 ; 5.8")).isPresent();
    }

    @Test
    void completionWithoutPopulationsIsNearestTheBorderFirst() {
        assertThat(g.complete("vir", 5)).extracting(Place::name).containsExactly("Virton", "Vireux-Wallerand");
        Gazetteer arl = new Gazetteer(List.of(new Place("Arles", 43.68, 4.63, "FR", "", ""), new Place("Arlon", 49.68, 5.82, "BE", "", "")));
        assertThat(arl.complete("arl", 2)).extracting(Place::name).containsExactly("Arlon", "Arles");
        assertThat(g.complete("", 5)).isEmpty();
    }

    @Test
    void completionWeighsPopulationAgainstDistanceAndPutsAFullNameFirst() {
        // Populations of the GeoNames release in index-data.
        Gazetteer chal = new Gazetteer(List.of(new Place("Châlonvillars", 47.64055, 6.78407, "FR", "27", "70", 1195),
                new Place("Chalon-sur-Saône", 46.78112, 4.85372, "FR", "27", "71", 47251),
                new Place("Chalais", 46.26758, 7.51145, "CH", "VS", "2311", 3376),
                new Place("Châlons-en-Champagne", 48.95393, 4.36724, "FR", "44", "51", 51257)));
        assertThat(chal.complete("Chal", 4)).extracting(Place::name)
                .containsExactly("Châlons-en-Champagne", "Chalon-sur-Saône", "Châlonvillars", "Chalais");
        assertThat(chal.complete("chalais", 1)).extracting(Place::name).containsExactly("Chalais");
        Gazetteer arl = new Gazetteer(List.of(new Place("Arles", 43.68, 4.63, "FR", "", "", 52000), new Place("Arlon", 49.68, 5.82, "BE", "", "", 28000)));
        assertThat(arl.complete("arl", 2)).extracting(Place::name).containsExactly("Arlon", "Arles");
    }

    @Test
    void distancesAreGreatCircleKilometres() {
        double arlonVirton = GeoMath.distanceKm(49.68333, 5.81667, 49.56824, 5.53259);
        assertThat(arlonVirton).isBetween(23.0, 25.0);
        assertThat(GeoMath.roundKm(23.456)).isEqualTo(23.5);
    }
}
