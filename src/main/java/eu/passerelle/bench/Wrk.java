package eu.passerelle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The load client in its own process: wrk with a Lua script that cycles through the request list. Its
 * threads are capped at the machine's cores (wrk needs at least one connection per thread).
 */
final class Wrk {
    private final Path script;
    private final String base;

    private Wrk(Path script, String base) {
        this.script = script;
        this.base = base;
    }

    static Wrk findOrNull(Path workDir, String base) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                Path script = workDir.resolve("cycle.lua");
                try (InputStream in = Wrk.class.getResourceAsStream("/bench/cycle.lua")) {
                    Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
                }
                return new Wrk(script, base);
            }
        }
        return null;
    }

    /** Writes the request list wrk cycles through. */
    static Path requests(Path file, List<String[]> requests) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String[] r : requests) {
            lines.add(String.join("\t", r));
        }
        return Files.write(file, lines);
    }

    Row run(String name, int clients, int seconds, Path requestFile) throws IOException, InterruptedException {
        int threads = Math.min(clients, Runtime.getRuntime().availableProcessors());
        List<String> cmd = List.of("wrk", "-t" + threads, "-c" + clients, "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(),
                base, "--", requestFile.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.trim().split(" ");
                return new Row(name, clients, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]) / 1e6,
                        Double.parseDouble(f[4]) / 1000, Double.parseDouble(f[5]) / 1000, Double.parseDouble(f[6]) / 1000);
            }
        }
        throw new IOException("wrk gave no result: " + out);
    }
}
