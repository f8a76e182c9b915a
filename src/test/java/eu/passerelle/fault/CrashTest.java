package eu.passerelle.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Crashes and races over the real service in its own process: what was acknowledged is what GET and search
 * show after a SIGKILL and a restart, and concurrent writes to one id leave the store and the index agreeing.
 */
class CrashTest {
    /** Ids of the crash run: letters only, several edits apart, so a search for one never needs the typo rule. */
    private static String token(int worker, int k) {
        return "qz" + (char) ('a' + worker) + "x" + (char) ('a' + k) + "w" + (char) ('a' + k);
    }

    private static String id(String token) {
        return "posting:faultqa-" + token;
    }

    private record Expected(String title, String before, boolean inFlight) {
    }

    @Test
    void everyAcknowledgedWriteIsInGetAndSearchAfterAKillDuringConcurrentWrites() throws Exception {
        Path dir = FaultData.copy("crash");
        Map<String, Expected> expected = new ConcurrentHashMap<>();
        int workers = 6;
        int idsPerWorker = 12;
        try (ServiceProcess service = ServiceProcess.start(dir)) {
            AtomicBoolean running = new AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    int acknowledged = 0;
                    int version = 0;
                    while (running.get()) {
                        String token = token(worker, ThreadLocalRandom.current().nextInt(idsPerWorker));
                        String id = id(token);
                        Expected now = expected.getOrDefault(id, new Expected(null, null, false));
                        boolean delete = ThreadLocalRandom.current().nextInt(4) == 0;
                        String title = delete ? null : "Animateur périscolaire " + token + " version " + (++version);
                        expected.put(id, new Expected(title, now.title(), true));
                        ServiceProcess.Response r;
                        try {
                            r = delete ? service.delete("/api/v1/postings/" + id, ServiceProcess.WRITER_KEY)
                                    : service.put("/api/v1/postings/" + id, ServiceProcess.posting(title), ServiceProcess.WRITER_KEY);
                        } catch (RuntimeException killed) {
                            return acknowledged; // the answer never came: either state is right
                        }
                        assertThat(r.status()).as(r.body()).isIn(200, 201, 204, 404);
                        expected.put(id, new Expected(title, now.title(), false));
                        acknowledged++;
                        answered.incrementAndGet();
                    }
                    return acknowledged;
                }));
            }
            // Killed after 60 answers (a few seconds; more on a loaded machine): whatever the index committed last
            // (every 10 s), the changes after it are only in the store.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (answered.get() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            service.kill();
            running.set(false);
            int acknowledged = 0;
            for (Future<Integer> f : done) {
                acknowledged += f.get();
            }
            pool.shutdown();
            assertThat(acknowledged).as("writes acknowledged before the kill").isGreaterThan(10);
        }
        try (ServiceProcess service = ServiceProcess.start(dir)) {
            assertThat(service.log()).contains("the previous run did not stop cleanly");
            var health = service.health();
            assertThat(health.at("/index/inSyncWithStore").asBoolean()).as(health.toString()).isTrue();
            for (Map.Entry<String, Expected> e : expected.entrySet()) {
                String id = e.getKey();
                Expected x = e.getValue();
                Set<String> allowed = new java.util.HashSet<>();
                allowed.add(String.valueOf(x.title()));
                if (x.inFlight()) {
                    allowed.add(String.valueOf(x.before()));
                }
                ServiceProcess.Response got = service.get("/api/v1/postings/" + id);
                String stored = got.status() == 404 ? "null" : got.json().get("title").asText();
                assertThat(got.status()).isIn(200, 404);
                assertThat(allowed).as("GET " + id).contains(stored);
                String token = id.substring("posting:faultqa-".length());
                String searched = String.valueOf(service.postingsFound(token).get(id));
                assertThat(searched).as("search agrees with GET for " + id).isEqualTo(stored);
            }
        } finally {
            FaultData.delete(dir);
        }
    }

    @Test
    void concurrentWritesToOneIdLeaveGetAndSearchAgreeing() throws Exception {
        Path dir = FaultData.copy("race");
        try (ServiceProcess service = ServiceProcess.start(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 15; round++) {
                    String token = "qzrace" + (char) ('a' + round) + "k";
                    String id = id(token);
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Integer>> answers = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        String title = "Animatrice " + token + " titre " + i;
                        boolean delete = round % 3 == 2 && i % 2 == 1; // every third round: PUTs and DELETEs race
                        answers.add(pool.submit(() -> {
                            go.await();
                            return delete ? service.delete("/api/v1/postings/" + id, ServiceProcess.WRITER_KEY).status()
                                    : service.put("/api/v1/postings/" + id, ServiceProcess.posting(title), ServiceProcess.WRITER_KEY).status();
                        }));
                    }
                    go.countDown();
                    for (Future<Integer> a : answers) {
                        assertThat(a.get()).isIn(200, 201, 204, 404);
                    }
                    ServiceProcess.Response got = service.get("/api/v1/postings/" + id);
                    String stored = got.status() == 404 ? "null" : got.json().get("title").asText();
                    assertThat(String.valueOf(service.postingsFound(token).get(id))).as("round " + round + ": search agrees with GET").isEqualTo(stored);
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            FaultData.delete(dir);
        }
    }
}
