package eu.passerelle.index;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.Passerelle;
import eu.passerelle.TestService;
import eu.passerelle.config.AppConfig;
import eu.passerelle.model.PlaceRef;
import eu.passerelle.model.Posting;
import eu.passerelle.model.Provenance;
import eu.passerelle.model.RecordType;
import eu.passerelle.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store is the truth: an acknowledged write survives the loss of the whole index, and an index that
 * drifted from the store is rebuilt at the next start. Runs on a copy of the test store (no re-import).
 */
class RebuildFromStoreTest {
    private static long hits(Passerelle p, String q) {
        return p.search().search(new SearchRequest(q, Set.of(RecordType.POSTING), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                null, null, "fr", null, true, 10, 0), false).total();
    }

    @Test
    void aWriteSurvivesTheLossOfTheIndexAndDriftIsRepairedAtStart() throws Exception {
        Path dir = Files.createTempDirectory("passerelle-rebuild-");
        try {
            Path copy = dir.resolve("passerelle.db");
            TestService.passerelle().store().db().read(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
                }
                return null;
            });
            AppConfig config = AppConfig.defaults(dir, TestService.indexData());
            Posting posting = new Posting("posting:qa-rebuild-1", "qa", "rebuild-1", "Restaurateur de vitraux rb77", "", "", "CDI", "",
                    new PlaceRef("Arlon", 49.68333, 5.81667, "BE"), "BE", List.of(), List.of(), "", "", "", Provenance.of("api", "test"), "", null);
            try (Passerelle p = Passerelle.open(config)) {        // no index yet: built from the store
                assertThat(p.index().counts()).isEqualTo(p.store().records().counts());
                p.intake().write(posting);
                assertThat(hits(p, "vitraux rb77")).isEqualTo(1);
            }
            try (var files = Files.walk(dir.resolve("index"))) {      // the whole index is lost
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            try (Passerelle p = Passerelle.open(config)) {
                assertThat(hits(p, "vitraux rb77")).as("rebuilt from the store").isEqualTo(1);
                p.index().delete("posting:qa-rebuild-1");             // the index drifts from the store
                p.index().commit();
            }
            try (Passerelle p = Passerelle.open(config)) {
                assertThat(hits(p, "vitraux rb77")).as("drift repaired at start").isEqualTo(1);
                assertThat(p.index().counts()).isEqualTo(p.store().records().counts());
            }
        } finally {
            TestService.delete(dir);
        }
    }
}
