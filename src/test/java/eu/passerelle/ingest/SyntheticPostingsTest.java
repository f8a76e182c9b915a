package eu.passerelle.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.TestService;
import eu.passerelle.model.Json;
import eu.passerelle.model.Place;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo and benchmark posts: the same seed gives the same file, and posts are written as they are made. */
class SyntheticPostingsTest {
    private static RomeReader.RomeData rome;
    private static List<Place> places;

    @BeforeAll
    static void referentials() throws Exception {
        rome = new RomeReader(TestService.indexData().resolve("rome")).read();
        places = GeoNamesReader.read(TestService.indexData().resolve("geonames"), new OrphanCounter());
    }

    private static String written(int count, long seed) throws IOException {
        StringWriter out = new StringWriter();
        assertThat(SyntheticPostings.write(rome, places, count, seed, out)).isEqualTo(count);
        return out.toString();
    }

    @Test
    void theSameSeedWritesTheSameArrayOfSyntheticPostsOnePerLine() throws Exception {
        String once = written(300, 7);
        assertThat(written(300, 7)).isEqualTo(once);
        assertThat(written(300, 8)).isNotEqualTo(once);
        JsonNode array = Json.MAPPER.readTree(once);
        assertThat(array).hasSize(300);
        assertThat(once.lines().count()).as("'[', one line per post, ']'").isEqualTo(302);
        for (JsonNode post : array) {
            assertThat(post.get("passerelle:synthetic").asBoolean()).isTrue();
            assertThat(post.get("description").asText()).contains("Offre synthétique");
            assertThat(post.at("/occupationalCategory/codeValue").asText()).matches("[A-N]\\d{4}");
        }
        // A longer run begins with the shorter one: post n depends on the seed only, not on how many follow.
        String longer = written(1_000, 7);
        assertThat(longer.lines().skip(1).limit(300).toList()).isEqualTo(once.lines().skip(1).limit(300).map(l -> l.endsWith(",") ? l : l + ",").toList());
        assertThat(Json.MAPPER.readTree(longer).findValuesAsText("value")).doesNotHaveDuplicates();
    }

    /**
     * Asks for ten million posts and stops the writer after ten lines: a generator that made them all before
     * writing would run out of memory (or for hours) before the first line; one that streams stops at once.
     */
    @Test
    void postsAreWrittenAsTheyAreMadeNeverHeldAll() {
        int[] lines = {0};
        Writer stopsAfterTenLines = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    if (buf[i] == '\n' && ++lines[0] > 10) {
                        throw new IOException("disk full");
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> SyntheticPostings.write(rome, places, 10_000_000, 2026, stopsAfterTenLines)).isInstanceOf(IOException.class)
                .hasMessage("disk full");
        assertThat(lines[0]).isEqualTo(11);
    }
}
