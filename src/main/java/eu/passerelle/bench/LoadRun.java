package eu.passerelle.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load run: N clients each send one request after another for a fixed time; every latency
 * is kept, so percentiles are exact. Requests go over loopback HTTP to the real server. The benchmark's
 * fallback when wrk is not installed (it runs in the benchmark's JVM, still apart from the service's).
 */
final class LoadRun {
    record Result(String name, int clients, long requests, long errors, double seconds, long[] latenciesNanos) {
        double percentileMs(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, i))] / 1e6;
        }

        Row row() {
            return new Row(name, clients, requests, errors, seconds, percentileMs(50), percentileMs(99), percentileMs(99.9));
        }

        String format() {
            return String.format(Locale.ROOT, "%-16s clients=%d  requests=%,7d  errors=%d  throughput=%,8.0f req/s  p50=%6.2f ms  p99=%6.2f ms  p99.9=%6.2f ms",
                    name, clients, requests, errors, requests / seconds, percentileMs(50), percentileMs(99), percentileMs(99.9));
        }
    }

    /** A request to send: method, path and optional JSON body. */
    record Call(String method, String path, String body, boolean noCache) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    LoadRun(String base) {
        this.base = base;
    }

    Result run(String name, int clients, Duration duration, IntFunction<Call> calls) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[2_000_000];
            perClient.add(lat);
            int id = c;
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && counts[id] < lat.length) {
                        Call call = calls.apply((int) sequence.getAndIncrement());
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(10));
                        if (call.noCache()) {
                            b.header("Cache-Control", "no-cache");
                        }
                        if (call.body() != null) {
                            b.header("Content-Type", "application/json").method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
                        } else {
                            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
                        }
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() >= 400) {
                                errors.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                        }
                        lat[counts[id]++] = System.nanoTime() - t0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, clients, total, errors.get(), seconds, all);
    }
}
