package eu.passerelle.fault;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.TestService;
import eu.passerelle.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real service in its own process (the test JVM's classpath: target/classes and the dependencies), so
 * it can be killed with SIGKILL and started again over the same data dir, as an operator's crash would.
 */
final class ServiceProcess implements AutoCloseable {
    static final String WRITER_KEY = "fault-writer-key-0001";
    static final String ADVISOR_KEY = "fault-advisor-key-0001";
    static final String READER_KEY = "fault-reader-key-0001";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a service and waits until it serves; fails with its log when it exits first. */
    static ServiceProcess start(Path dataDir, String... extra) throws IOException, InterruptedException {
        Started s = launch(dataDir, extra);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (Files.readString(s.log).contains("Passerelle is serving on")) {
                return new ServiceProcess(s.process, s.log, s.port);
            }
            if (!s.process.isAlive()) {
                throw new AssertionError("the service exited with " + s.process.exitValue() + ":\n" + tail(s.log));
            }
            Thread.sleep(100);
        }
        s.process.destroyForcibly();
        throw new AssertionError("the service did not start in 180 s:\n" + tail(s.log));
    }

    /** Runs a start that must fail; returns its exit code and output. */
    static Exit startExpectingRefusal(Path dataDir, String... extra) throws IOException, InterruptedException {
        Started s = launch(dataDir, extra);
        if (!s.process.waitFor(120, TimeUnit.SECONDS)) {
            s.process.destroyForcibly();
            throw new AssertionError("the service started instead of refusing:\n" + tail(s.log));
        }
        return new Exit(s.process.exitValue(), Files.readString(s.log));
    }

    record Exit(int code, String output) {
    }

    private record Started(Process process, Path log, int port) {
    }

    private static Started launch(Path dataDir, String... extra) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "eu.passerelle.Main", "serve",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString(), "--index-data", TestService.indexData().toString()));
        cmd.addAll(List.of(extra));
        Path log = Files.createTempFile(dataDir.getParent(), "service-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PASSERELLE_RATE_LIMIT_IP", "0");
        pb.environment().put("PASSERELLE_RATE_LIMIT_KEY", "0");
        pb.environment().put("PASSERELLE_API_KEYS", WRITER_KEY + ":writer," + ADVISOR_KEY + ":advisor," + READER_KEY + ":admin");
        return new Started(pb.start(), log, port);
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no commit, no checkpoint. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook stops the server and closes index and store. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not stop within 60 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), READER_KEY);
    }

    Response put(String path, String json, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)), key);
    }

    Response delete(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), key);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Sends; a 429 (the rate limit, which did nothing) is waited out and sent again. */
    static Response send(HttpRequest.Builder builder, String key) {
        builder.header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60));
        HttpRequest request = builder.build();
        try {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 429 || attempt == 20) {
                    return new Response(r.statusCode(), r.body());
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The postings a text search finds, as id → title (an id found twice fails the test). */
    java.util.Map<String, String> postingsFound(String q) {
        Response r = get("/api/v1/search?type=posting&limit=100&q=" + enc(q));
        if (r.status() != 200) {
            throw new AssertionError("search " + q + " answered " + r.status() + ": " + r.body());
        }
        java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
        for (JsonNode item : r.json().get("items")) {
            if (found.put(item.get("id").asText(), item.get("title").asText()) != null) {
                throw new AssertionError("the index holds " + item.get("id").asText() + " twice");
            }
        }
        return found;
    }

    JsonNode health() {
        return get("/api/v1/health").json();
    }

    static String posting(String title) {
        return "{\"title\":\"" + title + "\",\"employer\":\"Employeur fictif (test)\",\"contract\":\"CDD\",\"occupations\":[\"rome:G1203\"],"
                + "\"place\":{\"name\":\"Arlon\",\"lat\":49.68333,\"lon\":5.81667,\"country\":\"BE\"},\"country\":\"BE\"}";
    }
}
