package eu.passerelle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service in its own JVM, started as scripts/run starts it (its JVM flags too), with the rate limits off
 * through the operator's settings; its output goes to a log file next to the data dir.
 */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    final int port;
    final double startSeconds;

    private ServiceProcess(Process process, int port, double startSeconds) {
        this.process = process;
        this.port = port;
        this.startSeconds = startSeconds;
    }

    static List<String> java(String heap, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-Xmx" + heap,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs a command to its end, output to a log; returns the seconds it took. */
    static double runToEnd(List<String> cmd, Path log) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", cmd.subList(cmd.size() - 3, cmd.size())) + " failed (exit " + exit + "); see " + log);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static ServiceProcess start(Path dataDir, Path indexData, int port, String heap, Path log) throws Exception {
        List<String> cmd = java(heap, "eu.passerelle.Main", "serve", "--port", String.valueOf(port), "--data-dir", dataDir.toString(),
                "--index-data", indexData.toString());
        // As scripts/run serves: G1's fixed marking threshold (README, Speed, "CPU outside the worker thread").
        cmd.add(1, "-XX:-G1UseAdaptiveIHOP");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.put("PASSERELLE_RATE_LIMIT_IP", "0");
        env.put("PASSERELLE_RATE_LIMIT_KEY", "0");
        long t0 = System.nanoTime();
        Process p = pb.start();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/health")).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("the service stopped during start-up (exit " + p.exitValue() + "); see " + log);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return new ServiceProcess(p, port, (System.nanoTime() - t0) / 1e9);
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size of the service's process, from /proc (Linux); -1 elsewhere. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    /** Heap in use right after a full GC, asked of the service's JVM with jcmd; -1 when jcmd is not there. */
    long heapAfterGcBytes() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            run(List.of(jcmd.toString(), String.valueOf(process.pid()), "GC.run"));
            String info = run(List.of(jcmd.toString(), String.valueOf(process.pid()), "GC.heap_info"));
            Matcher m = Pattern.compile("heap\\s+total\\s+(?:reserved\\s+)?\\d+K,\\s+(?:committed\\s+\\d+K,\\s+)?used\\s+(\\d+)K").matcher(info);
            if (m.find()) {
                return Long.parseLong(m.group(1)) * 1024;
            }
        } catch (IOException | InterruptedException e) {
            // no jcmd: reported as unknown
        }
        return -1;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
