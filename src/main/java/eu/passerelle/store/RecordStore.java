package eu.passerelle.store;

import eu.passerelle.model.Json;
import eu.passerelle.model.Occupation;
import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Skill;
import eu.passerelle.model.Training;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The four entity tables: each row is a record's id, its query columns and its JSON. */
public final class RecordStore {
    private static final int BATCH = 2_000;
    private final Database db;

    public RecordStore(Database db) {
        this.db = db;
    }

    public static Class<?> javaType(RecordType type) {
        return switch (type) {
            case OCCUPATION -> Occupation.class;
            case SKILL -> Skill.class;
            case TRAINING -> Training.class;
            case POSTING -> Posting.class;
        };
    }

    private static String table(RecordType type) {
        return type.wireName(); // the enum is closed, so this is never user text
    }

    public void putOccupations(Connection c, List<Occupation> occupations) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO occupation(id, scheme, code, data) VALUES (?,?,?,?)")) {
            int n = 0;
            for (Occupation o : occupations) {
                p.setString(1, o.id());
                p.setString(2, o.scheme());
                p.setString(3, o.code());
                p.setString(4, Json.write(o));
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    public void putSkills(Connection c, List<Skill> skills) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO skill(id, scheme, code, data) VALUES (?,?,?,?)")) {
            int n = 0;
            for (Skill s : skills) {
                p.setString(1, s.id());
                p.setString(2, s.scheme());
                p.setString(3, s.code());
                p.setString(4, Json.write(s));
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    public void putTrainings(Connection c, List<Training> trainings) throws SQLException {
        putOffers(c, RecordType.TRAINING, trainings.stream().map(t -> Map.entry(t.id(), Json.write(t))).toList());
    }

    public void putPostings(Connection c, List<Posting> postings) throws SQLException {
        putOffers(c, RecordType.POSTING, postings.stream().map(p -> Map.entry(p.id(), Json.write(p))).toList());
    }

    private void putOffers(Connection c, RecordType type, List<Map.Entry<String, String>> rows) throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table(type) + "(id, data, updated_at) VALUES (?,?,?) "
                + "ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at")) {
            int n = 0;
            for (Map.Entry<String, String> row : rows) {
                p.setString(1, row.getKey());
                p.setString(2, row.getValue());
                p.setString(3, now);
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        recordChanges(c, type, rows.stream().map(Map.Entry::getKey).toList());
    }

    /**
     * Gives each written id the next change sequence, in the same transaction as the write, so the store
     * alone says which records the index must look at again after a crash (see {@link #changesSince}).
     */
    private static void recordChanges(Connection c, RecordType type, List<String> ids) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO record_change(type, id) VALUES (?,?)")) {
            int n = 0;
            for (String id : ids) {
                p.setString(1, type.wireName());
                p.setString(2, id);
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    /** One change of the log: the record's type and id, and the sequence of its latest write or deletion. */
    public record Change(long seq, RecordType type, String id) {
    }

    /** The sequence of the latest change to a training or posting (0 before any). */
    public long lastChange() {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM record_change")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Every record changed after {@code seq}, oldest first: one entry per id (its latest change). */
    public void changesSince(long seq, Consumer<Change> consumer) {
        db.forEach("SELECT seq, type, id FROM record_change WHERE seq > ? ORDER BY seq",
                rs -> new Change(rs.getLong(1), RecordType.fromWire(rs.getString(2)).orElseThrow(), rs.getString(3)), consumer, Long.toString(seq));
    }

    /** Upserts one training or posting in its own transaction; returns true when it already existed. */
    public boolean upsert(RecordType type, String id, Object record) {
        return db.write(c -> {
            boolean existed = exists(c, type, id);
            putOffers(c, type, List.of(Map.entry(id, Json.write(record))));
            return existed;
        });
    }

    /**
     * Upserts many trainings or postings of one type in one transaction (a batch of a feed): one commit, one
     * prepared statement, instead of a transaction and an existence check per record.
     */
    public java.util.Set<String> upsertAll(RecordType type, List<? extends Map.Entry<String, ?>> records) {
        if (records.isEmpty()) {
            return java.util.Set.of();
        }
        // Serialised before taking the write lock, so readers and single writes wait for SQLite only.
        List<Map.Entry<String, String>> rows = records.stream().map(r -> Map.entry(r.getKey(), Json.write(r.getValue()))).toList();
        return db.write(c -> insertOrUpdate(c, type, rows));
    }

    /**
     * Inserts the rows whose id is new and updates the others, and says which were new: the index then adds
     * those without looking for an older copy (a bulk load of new posts is most of what a feed is).
     */
    private static java.util.Set<String> insertOrUpdate(Connection c, RecordType type, List<Map.Entry<String, String>> rows) throws SQLException {
        String now = Instant.now().toString();
        int[] inserted;
        try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO " + table(type) + "(id, data, updated_at) VALUES (?,?,?)")) {
            for (Map.Entry<String, String> row : rows) {
                p.setString(1, row.getKey());
                p.setString(2, row.getValue());
                p.setString(3, now);
                p.addBatch();
            }
            inserted = p.executeBatch();
        }
        java.util.Set<String> created = new java.util.HashSet<>();
        try (PreparedStatement p = c.prepareStatement("UPDATE " + table(type) + " SET data = ?, updated_at = ? WHERE id = ?")) {
            boolean any = false;
            for (int i = 0; i < rows.size(); i++) {
                if (inserted[i] > 0) {
                    created.add(rows.get(i).getKey());
                } else {
                    p.setString(1, rows.get(i).getValue());
                    p.setString(2, now);
                    p.setString(3, rows.get(i).getKey());
                    p.addBatch();
                    any = true;
                }
            }
            if (any) {
                p.executeBatch();
            }
        }
        recordChanges(c, type, rows.stream().map(Map.Entry::getKey).toList());
        return created;
    }

    /** Deletes one record; returns whether it existed. */
    public boolean delete(RecordType type, String id) {
        return db.write(c -> {
            boolean existed;
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table(type) + " WHERE id = ?")) {
                p.setString(1, id);
                existed = p.executeUpdate() > 0;
            }
            if (existed) {
                recordChanges(c, type, List.of(id));
            }
            return existed;
        });
    }

    private static boolean exists(Connection c, RecordType type, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM " + table(type) + " WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    public <T> Optional<T> find(RecordType type, String id, Class<T> as) {
        return db.list("SELECT data FROM " + table(type) + " WHERE id = ?", rs -> Json.read(rs.getString(1), as), id).stream().findFirst();
    }

    /** Streams every record of a type, in id order (used to build the index and the in-memory graph). */
    public <T> void forEach(RecordType type, Class<T> as, Consumer<T> consumer) {
        db.forEach("SELECT data FROM " + table(type) + " ORDER BY id", rs -> Json.read(rs.getString(1), as), consumer);
    }

    public Map<RecordType, Long> counts() {
        return db.read(c -> {
            Map<RecordType, Long> counts = new EnumMap<>(RecordType.class);
            for (RecordType type : RecordType.values()) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table(type))) {
                    counts.put(type, rs.next() ? rs.getLong(1) : 0L);
                }
            }
            return counts;
        });
    }
}
