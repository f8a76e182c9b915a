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
            new Place("Thionville", 49.35994, 6.16044, "FR", "44", "57"), new Place("Longwy", 49.5217, 5.76192, "FR", "44", "54")));

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
    }
}
