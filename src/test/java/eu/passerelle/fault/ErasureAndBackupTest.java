package eu.passerelle.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Erased means unreadable on disk; a backup taken while serving restores every acknowledged write. */
class ErasureAndBackupTest {
    /** Every file of the data dir holding {@code marker} (the store, its log, the index). */
    private static List<Path> filesContaining(Path dir, String marker) throws Exception {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".log")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    if (bytes[i] == needle[0] && java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                        found.add(f);
                        break;
                    }
                }
            }
        }
        return found;
    }

    @Test
    void aDeletedCandidateLeavesNoByteOfTheProfileOnDisk() throws Exception {
        Path dir = FaultData.copy("erasure");
        String marker = "Qzerasuremarkerprofile";
        try (ServiceProcess s = ServiceProcess.start(dir)) {
            for (int version = 0; version < 3; version++) { // several versions: each one leaves pages in the log
                String body = "{\"profile\":{\"occupations\":[\"AESH\"],\"skills\":[\"" + marker + " " + version + "\"],"
                        + "\"location\":\"Arlon\"}}";
                ServiceProcess.Response r = s.put("/api/v1/candidates/qa-erasure", body, ServiceProcess.ADVISOR_KEY);
                assertThat(r.status()).as(r.body()).isIn(200, 201);
            }
            assertThat(filesContaining(dir, marker)).as("the profile is stored before").isNotEmpty();
            assertThat(s.delete("/api/v1/candidates/qa-erasure", ServiceProcess.ADVISOR_KEY).status()).isEqualTo(204);
            assertThat(filesContaining(dir, marker)).as("while the service runs").isEmpty();
            s.stop();
        }
        assertThat(filesContaining(dir, marker)).as("after a clean stop").isEmpty();
        FaultData.delete(dir);
    }

    @Test
    void anOnlineBackupRestoresEveryAcknowledgedWrite() throws Exception {
        Path dir = FaultData.copy("backup");
        Path backup = dir.getParent().resolve(dir.getFileName() + "-backup.db");
        try {
            try (ServiceProcess s = ServiceProcess.start(dir)) {
                assertThat(s.put("/api/v1/postings/posting:faultqa-qzbackupa", ServiceProcess.posting("Animateur qzbackupa"), ServiceProcess.WRITER_KEY).status())
                        .isEqualTo(201);
                String java = ProcessHandle.current().info().command().orElse("java");
                Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "eu.passerelle.Main", "backup",
                        "--data-dir", dir.toString(), backup.toString()).redirectErrorStream(true).start();
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as(out).isZero();
                // Written after the backup: a restore goes back to before it, and the index must follow.
                assertThat(s.put("/api/v1/postings/posting:faultqa-qzbackupb", ServiceProcess.posting("Animateur qzbackupb"), ServiceProcess.WRITER_KEY).status())
                        .isEqualTo(201);
                s.stop();
            }
            // The documented restore: copy the backup over the store, remove its log files, start.
            Files.copy(backup, dir.resolve("passerelle.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dir.resolve("passerelle.db-wal"));
            Files.deleteIfExists(dir.resolve("passerelle.db-shm"));
            try (ServiceProcess s = ServiceProcess.start(dir)) {
                assertThat(s.get("/api/v1/postings/posting:faultqa-qzbackupa").status()).isEqualTo(200);
                assertThat(s.get("/api/v1/postings/posting:faultqa-qzbackupb").status()).isEqualTo(404);
                assertThat(s.postingsFound("qzbackupa")).containsKey("posting:faultqa-qzbackupa");
                assertThat(s.postingsFound("qzbackupb")).doesNotContainKey("posting:faultqa-qzbackupb");
                assertThat(s.health().at("/index/inSyncWithStore").asBoolean()).isTrue();
                s.stop();
            }
        } finally {
            Files.deleteIfExists(backup);
            FaultData.delete(dir);
        }
    }
}
