package eu.passerelle.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Stored candidate profiles: personal data, kept only in this table and deleted for good on request. */
public final class CandidateStore {
    private final Database db;

    public CandidateStore(Database db) {
        this.db = db;
    }

    /** @return true when the candidate already existed */
    public boolean put(String id, String json) {
        return db.write(c -> {
            boolean existed;
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM candidate WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    existed = rs.next();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO candidate VALUES (?,?,?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at")) {
                p.setString(1, id);
                p.setString(2, json);
                p.setString(3, Instant.now().toString());
                p.executeUpdate();
            }
            return existed;
        });
    }

    public Optional<String> get(String id) {
        return db.list("SELECT data FROM candidate WHERE id = ?", rs -> rs.getString(1), id).stream().findFirst();
    }

    /**
     * Erases a candidate: the row is overwritten with zeros (secure_delete) and the log that still held its
     * earlier versions is checkpointed and emptied, so no byte of the profile stays on disk.
     */
    public boolean delete(String id) {
        boolean existed = db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM candidate WHERE id = ?")) {
                p.setString(1, id);
                return p.executeUpdate() > 0;
            }
        });
        if (existed) {
            db.checkpoint();
        }
        return existed;
    }
}
