package eu.passerelle;

import eu.passerelle.api.AppFactory;
import eu.passerelle.config.AppConfig;
import eu.passerelle.config.Role;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded default, imported from the real index-data/ into a temporary data dir once per test JVM,
 * and served on a random port. Functional tests share it (importing takes ~20 s); tests that write use
 * their own ids and clean up after themselves.
 */
public final class TestService {
    public static final String ADMIN_KEY = "test-admin-key-0001";
    public static final String ADVISOR_KEY = "test-advisor-key-0001";
    public static final String WRITER_KEY = "test-writer-key-0001";

    private static Passerelle passerelle;
    private static Javalin app;
    private static Path dataDir;

    private TestService() {
    }

    public static Path indexData() {
        return Path.of(System.getProperty("passerelle.indexData", "index-data"));
    }

    public static synchronized Passerelle passerelle() {
        start();
        return passerelle;
    }

    /** Base URL of the shared server, e.g. http://localhost:41234 */
    public static synchronized String baseUrl() {
        start();
        return "http://localhost:" + app.port();
    }

    private static void start() {
        if (app != null) {
            return;
        }
        try {
            dataDir = Files.createTempDirectory("passerelle-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AppConfig config = AppConfig.defaults(dataDir, indexData()).withPort(0)
                .withApiKeys(Map.of(ADMIN_KEY, Role.ADMIN, ADVISOR_KEY, Role.ADVISOR, WRITER_KEY, Role.WRITER))
                .withCorsOrigins(Set.of("https://partner.example"))
                // Every functional test calls from one address; the limiter has its own test with tight limits.
                .withRateLimit(new eu.passerelle.config.RateLimit(100_000, 100_000, 1));
        passerelle = Passerelle.open(config);
        app = AppFactory.create(passerelle).start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            passerelle.close();
            delete(dataDir);
        }));
    }

    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir left behind is not a test failure
        }
    }
}
