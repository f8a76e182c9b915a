package eu.passerelle.fault;

import eu.passerelle.Passerelle;
import eu.passerelle.TestService;
import eu.passerelle.config.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * One data dir (store and index) prepared once per test JVM from the shared test store, then handed to
 * each fault test as its own copy: the store is copied, the index files are hard-linked (Lucene never
 * rewrites a file in place, and {@link #damage} replaces a link by a copy before touching it).
 */
final class FaultData {
    private static Path base;
    private static Path root;

    private FaultData() {
    }

    private static synchronized Path base() throws IOException {
        if (base != null) {
            return base;
        }
        root = Files.createTempDirectory("passerelle-fault-");
        base = root.resolve("base");
        Files.createDirectories(base);
        Path db = base.resolve("passerelle.db");
        TestService.passerelle().store().db().read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + db.toString().replace("'", "''") + "'");
            }
            return null;
        });
        // Fewer skills and certifications (the bulk of the documents): every fault case rebuilds the index,
        // and what is tested is how the service gets back to the store's state, not the ranking.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("DELETE FROM skill WHERE rowid % 8 != 0");
            s.execute("DELETE FROM training WHERE id LIKE 'rncp:%' AND rowid % 4 != 0");
            s.execute("VACUUM");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Passerelle p = Passerelle.open(AppConfig.defaults(base, TestService.indexData()))) {
            p.index().commit(); // builds the index over the copy (it names another store), then a clean stop
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestService.delete(root)));
        return base;
    }

    /** A fresh data dir with the prepared store and index. */
    static Path copy(String name) throws IOException {
        Path from = base();
        Path to = Files.createTempDirectory(root, name + "-");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (f.getParent().getFileName().toString().equals("index") && !f.getFileName().toString().equals("write.lock")) {
                    Files.createLink(target, f);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /** Makes {@code file} a private copy (not a link to the base) so it can be damaged. */
    static Path own(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".own");
            Files.copy(file, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest index file with this extension (e.g. "fdt", "tim", "si"), or the largest compound file. */
    static Path indexFile(Path dataDir, String ext) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("index"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("." + ext))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().length()))
                    .orElseThrow(() -> new AssertionError("no ." + ext + " file in the index"));
        }
    }

    static void delete(Path dir) {
        TestService.delete(dir);
    }
}
