package eu.passerelle.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.Place;
import eu.passerelle.model.Posting;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPostingReaderTest {
    private final JobPostingReader reader = new JobPostingReader(
            new Gazetteer(List.of(new Place("Arlon", 49.68333, 5.81667, "BE", "WAL", "WLX"))), "partner-feed");

    private static final String FULL = """
            {"@context": "https://schema.org/", "@type": "JobPosting",
             "identifier": {"@type": "PropertyValue", "name": "ACME", "value": "A-42"},
             "title": "Animatrice d'accueil de loisirs",
             "description": "<p>Encadrer des <b>enfants</b></p>",
             "hiringOrganization": {"@type": "Organization", "name": "Commune exemple"},
             "employmentType": ["PART_TIME", "TEMPORARY"],
             "jobLocation": {"@type": "Place", "address": {"addressLocality": "Arlon", "addressCountry": "Belgique"}},
             "occupationalCategory": "G1203 Animateur jeunesse",
             "skills": "Animer des activités, Surveiller des enfants",
             "datePosted": "2026-11-01", "url": "https://example.org/jobs/A-42"}
            """;

    @Test
    void aFullJobPostingMapsEveryField() {
        List<FeedResult<Posting>> results = reader.read(FULL);
        assertThat(results).hasSize(1);
        Posting p = results.get(0).record();
        assertThat(p.id()).isEqualTo("posting:partner-feed-A-42");
        assertThat(p.description()).isEqualTo("Encadrer des enfants");
        assertThat(p.employer()).isEqualTo("Commune exemple");
        assertThat(p.contract()).isEqualTo("CDD");
        assertThat(p.workingTime()).isEqualTo("temps partiel");
        assertThat(p.country()).isEqualTo("BE");
        assertThat(p.place().lat()).isEqualTo(49.68333);
        assertThat(p.occupations()).containsExactly("rome:G1203");
        assertThat(p.skills()).containsExactly("Animer des activités", "Surveiller des enfants");
        assertThat(p.provenance().synthetic()).isFalse();
    }

    @Test
    void arraysGraphsAndNdjsonAreAllRead() {
        String one = "{\"@type\":\"JobPosting\",\"identifier\":\"1\",\"title\":\"Garde d'enfant\"}";
        String two = "{\"@type\":\"JobPosting\",\"identifier\":\"2\",\"title\":\"ATSEM\"}";
        assertThat(reader.read("[" + one + "," + two + "]")).allMatch(FeedResult::accepted).hasSize(2);
        assertThat(reader.read("{\"@graph\":[" + one + "," + two + "]}")).allMatch(FeedResult::accepted).hasSize(2);
        assertThat(reader.read(one + "\n" + two + "\n")).allMatch(FeedResult::accepted).hasSize(2);
    }

    @Test
    void aBadRecordIsRefusedWithItsPositionAndTheOthersStillPass() {
        String ndjson = """
                {"@type":"JobPosting","identifier":"1","title":"Garde d'enfant"}
                {"@type":"JobPosting","identifier":"2"}
                not json
                {"@type":"Event","identifier":"4","title":"Fête"}
                {"@type":"JobPosting","identifier":"5","title":"ATSEM","jobLocation":{"geo":{"latitude":120,"longitude":5}}}
                {"@type":"JobPosting","identifier":"6","title":"Nounou"}
                """;
        List<FeedResult<Posting>> r = reader.read(ndjson);
        assertThat(r).extracting(FeedResult::position).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(r).extracting(FeedResult::accepted).containsExactly(true, false, false, false, false, true);
        assertThat(r.get(1).error()).contains("title");
        assertThat(r.get(2).error()).contains("JSON");
        assertThat(r.get(3).error()).contains("JobPosting");
        assertThat(r.get(4).error()).contains("geo");
    }

    @Test
    void syntheticRecordsSayTheyAreSynthetic() {
        Posting p = reader.read("{\"@type\":\"JobPosting\",\"passerelle:synthetic\":true,\"identifier\":\"00007\",\"title\":\"ATSEM\"}").get(0).record();
        assertThat(p.id()).isEqualTo("posting:synthetic-00007");
        assertThat(p.provenance().synthetic()).isTrue();
        assertThat(p.provenance().reference()).contains("not a real job offer");
    }
}
