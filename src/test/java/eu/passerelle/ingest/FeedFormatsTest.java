package eu.passerelle.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.Place;
import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The partner feed formats, on samples written from their published structure. */
class FeedFormatsTest {
    private final Gazetteer gazetteer = new Gazetteer(List.of(
            new Place("Thionville", 49.35994, 6.16044, "FR", "44", "57"), new Place("Longwy", 49.5217, 5.76192, "FR", "44", "54"),
            new Place("Virton", 49.56824, 5.53259, "BE", "WAL", "WLX"), new Place("Marche-en-Famenne", 50.22678, 5.34416, "BE", "WAL", "WLX")));

    private static String sample(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/feeds", name));
    }

    @Test
    void lheoActionsBecomeTrainingsWithCertificationHoursModalityPlaceAndSession() throws Exception {
        List<FeedResult<Training>> r = new LheoReader(gazetteer, "region-exemple").read(sample("lheo-sample.xml"));
        assertThat(r).hasSize(2).allMatch(FeedResult::accepted);
        Training first = r.get(0).record();
        assertThat(first.id()).isEqualTo("training:region-exemple-form-ex-1-act-1");
        assertThat(first.certifications()).containsExactly("RNCP32369");
        assertThat(first.hours()).isEqualTo(280);
        assertThat(first.modality()).isEqualTo("hybride");
        assertThat(first.nextSession()).isEqualTo("2027-01-04");
        assertThat(first.schedule()).isEqualTo("Mercredis et vacances scolaires");
        assertThat(first.cost()).isEqualTo("3900 € TTC");
        assertThat(first.places().get(0).lat()).isEqualTo(49.5217);
        assertThat(first.providers().get(0).name()).isEqualTo("Organisme de formation exemple");
        assertThat(first.url()).isEqualTo("https://organisme.example/cpjeps-longwy");
        assertThat(first.address()).isEqualTo("1 rue de l'Exemple, 54400 Longwy");
        assertThat(first.contact()).isEqualTo("Accueil, 03 00 00 00 00, accueil@organisme.example");
        assertThat(r.get(1).record().url()).as("the formation's page when the action has none").isEqualTo("https://organisme.example/cpjeps");
        Training second = r.get(1).record();
        assertThat(second.modality()).isEqualTo("presentiel");
        assertThat(second.places().get(0).name()).isEqualTo("Thionville");
        assertThat(second.places().get(0).lat()).as("resolved with GeoNames").isEqualTo(49.35994);
    }

    @Test
    void lheoRefusesDoctypesSoNoExternalEntityIsEverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE lheo [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><lheo><offres><formation>"
                + "<intitule-formation>&x;</intitule-formation><action/></formation></offres></lheo>";
        List<FeedResult<Training>> r = new LheoReader(gazetteer, "x").read(xxe);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).accepted()).isFalse();
        assertThat(r.get(0).error()).contains("not valid LHÉO XML");
    }

    @Test
    void franceTravailOffersKeepRomeCodeSkillsAndPlace() throws Exception {
        List<FeedResult<Posting>> r = new FranceTravailOffersReader(gazetteer).read(sample("francetravail-offres-sample.json"));
        assertThat(r).extracting(FeedResult::accepted).containsExactly(true, true, false);
        Posting p = r.get(0).record();
        assertThat(p.id()).isEqualTo("posting:francetravail-EX00001");
        assertThat(p.occupations()).containsExactly("rome:J1304");
        assertThat(p.url()).as("origineOffre.urlOrigine: where to apply").isEqualTo("https://example.org/offres/EX00001");
        assertThat(p.skills()).hasSize(2);
        assertThat(p.place().name()).isEqualTo("THIONVILLE");
        assertThat(p.contract()).isEqualTo("CDD");
        assertThat(p.workingTime()).isEqualTo("Temps plein");
        assertThat(r.get(1).record().place().lat()).as("town resolved with GeoNames").isEqualTo(49.5217);
        assertThat(r.get(2).error()).contains("intitule");
    }

    @Test
    void theFeedImportRecognisesEachFormatByItsShape() throws Exception {
        FeedImport feeds = new FeedImport(gazetteer);
        assertThat(feeds.read(RecordType.TRAINING, "r", sample("lheo-sample.xml")).accepted()).hasSize(2);
        FeedImport.Result ft = feeds.read(RecordType.POSTING, "ft", sample("francetravail-offres-sample.json"));
        assertThat(ft.accepted()).hasSize(2);
        assertThat(ft.refused()).isEqualTo(1);
        FeedImport.Result forem = feeds.read(RecordType.POSTING, "anything", sample("leforem-offres-sample.json"));
        assertThat(forem.accepted()).hasSize(3);
        assertThat(forem.lines()).extracting(FeedImport.Line::id).startsWith("posting:leforem-9900001");
    }

    @Test
    void leForemOffersKeepTheirNumberPlaceContractAndOccupationWords() throws Exception {
        List<FeedResult<Posting>> r = new LeForemOffersReader(gazetteer).read(sample("leforem-offres-sample.json"));
        assertThat(r).extracting(FeedResult::accepted).containsExactly(true, true, true, false);
        Posting first = r.get(0).record();
        assertThat(first.id()).isEqualTo("posting:leforem-9900001");
        assertThat(first.occupations()).as("the dataset has no occupation code: the classifier reads the words").isEmpty();
        assertThat(first.occupationText()).isEqualTo("Accueillant / Accueillante d'enfants");
        assertThat(first.country()).as("from the NUTS code BE341").isEqualTo("BE");
        assertThat(first.place()).isEqualTo(new eu.passerelle.model.PlaceRef("Arlon", 49.68333, 5.81667, "BE"));
        assertThat(first.contract()).as("Le Forem's 'Durée indéterminée', in the words the contract facet uses").isEqualTo("CDI");
        assertThat(first.workingTime()).isEqualTo("Temps plein");
        assertThat(first.employer()).isEqualTo("Crèche exemple");
        assertThat(first.postedAt()).isEqualTo("2026-11-12");
        assertThat(first.url()).isEqualTo("https://example.org/offres/9900001");
        assertThat(first.description()).as("the dataset has no ad text: what the post asks becomes its summary")
                .contains("Métier : Accueillant / Accueillante d'enfants", "Contrat : Durée indéterminée, Temps plein", "Langues : Français",
                        "Études : Secondaire supérieur");
        assertThat(first.provenance().source()).isEqualTo("feed:leforem");

        Posting second = r.get(1).record();
        assertThat(second.place().name()).as("towns in capitals are shown as names").isEqualTo("Virton");
        assertThat(second.place().lat()).as("no coordinates given: the town found in GeoNames").isEqualTo(49.56824);
        assertThat(second.contract()).isEqualTo("intérim");
        assertThat(second.description()).contains("Lieux de travail : Virton, Éthe", "Permis de conduire : B", "Langues : Français, Néerlandais");
        assertThat(second.occupationText()).isEmpty();

        Posting third = r.get(2).record();
        assertThat(third.contract()).isEqualTo("flexi-job");
        assertThat(third.country()).as("no NUTS code: the country of the place found").isEqualTo("BE");
        assertThat(r.get(3).error()).contains("titreoffre");
    }

    @Test
    void leForemOffersAreReadInEveryShapeOpendatasoftServes() throws Exception {
        LeForemOffersReader reader = new LeForemOffersReader(gazetteer);
        com.fasterxml.jackson.databind.JsonNode results = eu.passerelle.model.Json.MAPPER.readTree(sample("leforem-offres-sample.json")).get("results");
        List<String> expected = List.of("posting:leforem-9900001", "posting:leforem-9900002", "posting:leforem-9900003");

        List<FeedResult<Posting>> export = reader.read(results.toString());
        assertThat(export).filteredOn(FeedResult::accepted).extracting(f -> f.record().id()).containsExactlyElementsOf(expected);

        StringBuilder lines = new StringBuilder();
        results.forEach(n -> lines.append(n.toString()).append('\n'));
        List<FeedResult<Posting>> jsonLines = reader.read(lines.toString());
        assertThat(jsonLines).filteredOn(FeedResult::accepted).extracting(f -> f.record().id()).containsExactlyElementsOf(expected);
        assertThat(jsonLines.get(3).position()).as("a refusal names its line").isEqualTo(4);

        com.fasterxml.jackson.databind.node.ObjectNode v20 = eu.passerelle.model.Json.MAPPER.createObjectNode();
        results.forEach(n -> v20.withArray("records").addObject().putObject("record").set("fields", n));
        assertThat(reader.read(v20.toString())).filteredOn(FeedResult::accepted).extracting(f -> f.record().id()).containsExactlyElementsOf(expected);

        List<FeedResult<Posting>> v1 = reader.read(sample("leforem-records-v1-sample.json"));
        assertThat(v1).hasSize(1);
        Posting p = v1.get(0).record();
        assertThat(p.id()).isEqualTo("posting:leforem-9900011");
        assertThat(p.place().lat()).as("v1 writes a point as [lat, lon]").isEqualTo(49.68333);
        assertThat(p.place().lon()).isEqualTo(5.81667);
        assertThat(p.place().name()).isEqualTo("Arlon");
        assertThat(p.contract()).isEqualTo("contrat de remplacement");
    }

    @Test
    void aLeForemOfferWithAPointOffTheEarthIsRefusedAndTheOthersKept() {
        String feed = "[{\"numerooffreforem\":\"1\",\"titreoffre\":\"A\",\"lieuxtravailgeo\":{\"lat\":91,\"lon\":5}},"
                + "{\"numerooffreforem\":\"2\",\"titreoffre\":\"B\"},{\"numerooffreforem\":\"x y\",\"titreoffre\":\"C\"}]";
        List<FeedResult<Posting>> r = new LeForemOffersReader(gazetteer).read(feed);
        assertThat(r).extracting(FeedResult::accepted).containsExactly(false, true, false);
        assertThat(r.get(0).error()).contains("lieuxtravailgeo");
        assertThat(r.get(2).error()).contains("numerooffreforem");
        assertThat(r.get(1).record().place()).as("no place given, none invented").isNull();
        assertThat(r.get(1).record().country()).isEqualTo("BE");
    }

    @Test
    void townsInCapitalsBecomeNamesWithTheirLinkingWordsInLowerCase() {
        assertThat(LeForemOffersReader.townName("MARCHE-EN-FAMENNE")).isEqualTo("Marche-en-Famenne");
        assertThat(LeForemOffersReader.townName("LA LOUVIÈRE")).isEqualTo("La Louvière");
        assertThat(LeForemOffersReader.townName("Braine-l'Alleud")).as("already a name: unchanged").isEqualTo("Braine-l'Alleud");
    }
}
