package eu.passerelle.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite file: WAL so readers never wait for the writer, foreign keys on, versioned migrations.
 * SQLite allows one writer at a time, so writes go through a single connection under a lock; reads use a
 * small pool.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Applied in order; a migration is never edited once shipped, only followed by a new one. */
    private static final List<String> MIGRATIONS = List.of("V1__reference.sql", "V2__matching.sql", "V3__crosswalks.sql", "V4__changes.sql",
            "V5__place_population.sql");
    private static final int READERS = 4;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    public Database(Path file) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            this.writer = open();
            migrate();
            for (int i = 0; i < READERS; i++) {
                readers.add(open());
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + file, e);
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("PRAGMA cache_size=-32000");
            // Erased means unreadable on disk: deleted rows are overwritten with zeros, not just unlinked.
            s.execute("PRAGMA secure_delete=ON");
            // A checkpoint truncates the log back to this size, so it never keeps old pages for long.
            s.execute("PRAGMA journal_size_limit=67108864");
        }
        return c;
    }

    private void migrate() throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current;
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
        }
        for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
            String name = MIGRATIONS.get(v - 1);
            String sql = resource("/db/" + name);
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                for (String statement : sql.split(";\\s*\\n")) {
                    String stripped = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                    if (!stripped.isEmpty()) {
                        s.execute(stripped);
                    }
                }
                try (PreparedStatement p = writer.prepareStatement("INSERT INTO schema_version VALUES (?, ?, datetime('now'))")) {
                    p.setInt(1, v);
                    p.setString(2, name);
                    p.executeUpdate();
                }
                writer.commit();
                LOG.info("store: applied migration {}", name);
            } catch (SQLException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        }
    }

    private static String resource(String path) {
        try (InputStream in = Database.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction on the writer connection; rolls back on any failure. */
    public <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("write failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Copies every committed page of the write-ahead log into the database file and empties the log, so
     * that rows deleted with secure_delete leave no copy behind in it. Retries while readers hold an older
     * snapshot of the log.
     */
    public void checkpoint() {
        writeLock.lock();
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    if (rs.next() && rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            throw new StoreException("the write-ahead log could not be emptied: readers kept it busy", null);
        } catch (SQLException e) {
            throw new StoreException("checkpoint failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted during a checkpoint", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** SQLite's quick_check (structure of every page, not index contents): empty when the file is sound. */
    public java.util.Optional<String> quickCheck() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(5)")) {
                StringBuilder out = new StringBuilder();
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        out.append(out.isEmpty() ? "" : "; ").append(rs.getString(1));
                    }
                }
                return out.isEmpty() ? java.util.Optional.<String>empty() : java.util.Optional.of(out.toString());
            }
        });
    }

    /**
     * Writes a consistent copy of the store to {@code target} while the service keeps serving (VACUUM INTO
     * reads one snapshot; writers are not blocked). The copy is a plain SQLite file without a log.
     */
    public static void backup(Path source, Path target) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
             PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
            }
            p.setString(1, target.toAbsolutePath().toString());
            p.execute();
        } catch (SQLException e) {
            throw new StoreException("backup failed: " + e.getMessage(), e);
        }
    }

    public <T> T read(SqlWork<T> work) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a store connection", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("read failed", e);
        } finally {
            readers.add(c);
        }
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Every row of a query, in order, mapped; {@code params} are bound as strings, 1..n. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, String... params) {
        List<T> out = new java.util.ArrayList<>();
        forEach(sql, mapper, out::add, params);
        return out;
    }

    /** Hands every row of a query to {@code consumer} without holding them all (reference tables are large). */
    public <T> void forEach(String sql, RowMapper<T> mapper, java.util.function.Consumer<T> consumer, String... params) {
        read(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    p.setString(i + 1, params[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(mapper.map(rs));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        try {
            writer.close();
            for (Connection c : readers) {
                c.close();
            }
        } catch (SQLException e) {
            LOG.warn("store: error while closing", e);
        }
    }
}
