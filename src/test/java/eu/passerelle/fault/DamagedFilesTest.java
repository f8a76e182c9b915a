package eu.passerelle.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged files, each as an operator could find them after a bad disk or a bad copy. The index is derived:
 * damaged, it is rebuilt from the store and the start says so. The store is the truth: damaged, empty or
 * without its log after a crash, the start is refused with what is wrong and what to do.
 */
class DamagedFilesTest {
    private static final String ID = "posting:faultqa-qzdamagek";

    /** Writes one posting through the API and stops cleanly: the record the rebuilt index must hold. */
    private static Path dataDirWithAWrite(String name) throws Exception {
        Path dir = FaultData.copy(name);
        try (ServiceProcess s = ServiceProcess.start(dir)) {
            assertThat(s.put("/api/v1/postings/" + ID, ServiceProcess.posting("Animatrice qzdamagek"), ServiceProcess.WRITER_KEY).status()).isEqualTo(201);
            s.stop();
        }
        return dir;
    }

    private static void overwrite(Path file, long at, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(FaultData.own(file).toFile(), "rw")) {
            f.seek(at);
            f.write(bytes);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(FaultData.own(file).toFile(), "rw")) {
            f.setLength(size);
        }
    }

    /** Starts over the damaged index: it must come up rebuilt, say so, and find what the store holds. */
    private static void startsRebuilt(Path dir, String what, String... extra) throws Exception {
        try (ServiceProcess s = ServiceProcess.start(dir, extra)) {
            assertThat(s.log()).as(what).contains("rebuilding from the store");
            var health = s.health();
            assertThat(health.at("/index/recovery").asText()).as(what + ": " + health).startsWith("rebuilt");
            assertThat(health.at("/index/inSyncWithStore").asBoolean()).as(what).isTrue();
            assertThat(s.postingsFound("qzdamagek")).as(what).containsEntry(ID, "Animatrice qzdamagek");
            ServiceProcess.Response search = s.get("/api/v1/search?q=animatrice&type=occupation");
            assertThat(search.status()).as(what).isEqualTo(200);
            s.stop();
        }
    }

    @Test
    void aDamagedIndexIsRebuiltFromTheStoreAtStart() throws Exception {
        Path dir = dataDirWithAWrite("index");
        try {
            Path tim = FaultData.indexFile(dir, "tim");
            overwrite(tim, tim.toFile().length() / 2, random(4096));
            startsRebuilt(dir, "random bytes inside a .tim");

            Path fdt = FaultData.indexFile(dir, "fdt");
            overwrite(fdt, fdt.toFile().length() / 3, random(512));
            startsRebuilt(dir, "random bytes inside a .fdt");

            fdt = FaultData.indexFile(dir, "fdt");
            truncate(fdt, fdt.toFile().length() / 2);
            startsRebuilt(dir, "a truncated .fdt");

            Path si = FaultData.indexFile(dir, "si");
            overwrite(si, 20, random(16));
            startsRebuilt(dir, "a bad .si", "--reindex");

            Files.delete(FaultData.indexFile(dir, "tim"));
            startsRebuilt(dir, "a missing .tim");
        } finally {
            FaultData.delete(dir);
        }
    }

    private static void refused(Path dir, String what, String expected) throws Exception {
        ServiceProcess.Exit exit = ServiceProcess.startExpectingRefusal(dir);
        assertThat(exit.code()).as(what + ":\n" + exit.output()).isEqualTo(3);
        assertThat(exit.output()).as(what).contains(expected).contains("--force-first-start").contains("Restore a backup")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aStoreThatIsEmptyTruncatedOrWithoutItsLogIsRefusedNeverReplaced() throws Exception {
        Path dir = FaultData.copy("store");
        try {
            Path db = dir.resolve("passerelle.db");
            long size = Files.size(db);
            byte[] original = Files.readAllBytes(db);

            truncate(db, 0);
            refused(dir, "an empty store", "the store file is empty");
            assertThat(Files.size(db)).as("never replaced").isZero();

            Files.write(db, original);
            truncate(db, size / 2 / 4096 * 4096);
            refused(dir, "a half-truncated store", "truncated or damaged");

            Files.write(db, original);
            // A crash with writes in the log, then the log is lost or garbled.
            try (ServiceProcess s = ServiceProcess.start(dir)) {
                for (int i = 0; i < 20; i++) {
                    String id = "posting:faultqa-qzwal" + (char) ('a' + i);
                    assertThat(s.put("/api/v1/postings/" + id, ServiceProcess.posting("Animateur qzwal " + i), ServiceProcess.WRITER_KEY).status()).isEqualTo(201);
                }
                s.kill();
            }
            Path wal = dir.resolve("passerelle.db-wal");
            assertThat(wal).exists();
            byte[] log = Files.readAllBytes(wal);
            overwrite(wal, log.length / 3, random(64));
            refused(dir, "a garbled log", "write-ahead log is damaged");

            Files.write(wal, log); // the log as the crash left it: the start replays it and serves every write
            try (ServiceProcess s = ServiceProcess.start(dir)) {
                assertThat(s.get("/api/v1/postings/posting:faultqa-qzwalt").status()).isEqualTo(200);
                assertThat(s.postingsFound("qzwal")).containsKey("posting:faultqa-qzwalt");
                s.kill();
            }
            Files.delete(wal);
            refused(dir, "a log lost after a crash", "write-ahead log is missing");
        } finally {
            FaultData.delete(dir);
        }
    }
}
