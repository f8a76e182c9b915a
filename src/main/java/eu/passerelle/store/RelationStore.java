package eu.passerelle.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Links between records: occupation→skill, skill↔skill mappings and hierarchy, mobilités, work contexts. */
public final class RelationStore {
    private static final int BATCH = 5_000;
    private final Database db;

    public RelationStore(Database db) {
        this.db = db;
    }

    /** @param relation "essential" or "optional"; @param core a ROME core-skill ("cœur de métier") flag */
    public record OccupationSkill(String occupationId, String skillId, String relation, boolean core) {
    }

    public record SkillMapping(String fromId, String toId, String relation, String source) {
    }

    public record Mobility(String fromId, String toId, int rank) {
    }

    public record WorkContext(String occupationId, String label, String kind) {
    }

    public void putOccupationSkills(Connection c, List<OccupationSkill> links) throws SQLException {
        batch(c, "INSERT OR REPLACE INTO occupation_skill VALUES (?,?,?,?)", links, (p, l) -> {
            p.setString(1, l.occupationId());
            p.setString(2, l.skillId());
            p.setString(3, l.relation());
            p.setInt(4, l.core() ? 1 : 0);
        });
    }

    public void putSkillMappings(Connection c, List<SkillMapping> mappings) throws SQLException {
        batch(c, "INSERT OR REPLACE INTO skill_mapping VALUES (?,?,?,?)", mappings, (p, m) -> {
            p.setString(1, m.fromId());
            p.setString(2, m.toId());
            p.setString(3, m.relation());
            p.setString(4, m.source());
        });
    }

    public void putSkillBroader(Connection c, List<String[]> pairs) throws SQLException {
        batch(c, "INSERT OR IGNORE INTO skill_broader VALUES (?,?)", pairs, (p, pair) -> {
            p.setString(1, pair[0]);
            p.setString(2, pair[1]);
        });
    }

    public void putMobilities(Connection c, List<Mobility> mobilities) throws SQLException {
        batch(c, "INSERT OR REPLACE INTO mobility VALUES (?,?,?)", mobilities, (p, m) -> {
            p.setString(1, m.fromId());
            p.setString(2, m.toId());
            p.setInt(3, m.rank());
        });
    }

    public void putWorkContexts(Connection c, List<WorkContext> contexts) throws SQLException {
        batch(c, "INSERT INTO work_context VALUES (?,?,?)", contexts, (p, w) -> {
            p.setString(1, w.occupationId());
            p.setString(2, w.label());
            p.setString(3, w.kind());
        });
    }

    public List<OccupationSkill> skillsOf(String occupationId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT occupation_id, skill_id, relation, core FROM occupation_skill WHERE occupation_id = ? ORDER BY core DESC, relation, skill_id")) {
                p.setString(1, occupationId);
                List<OccupationSkill> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OccupationSkill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1));
                    }
                }
                return out;
            }
        });
    }

    public void forEachOccupationSkill(Consumer<OccupationSkill> consumer) {
        db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT occupation_id, skill_id, relation, core FROM occupation_skill")) {
                while (rs.next()) {
                    consumer.accept(new OccupationSkill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1));
                }
            }
            return null;
        });
    }

    public void forEachSkillMapping(Consumer<SkillMapping> consumer) {
        db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT from_id, to_id, relation, source FROM skill_mapping")) {
                while (rs.next()) {
                    consumer.accept(new SkillMapping(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return null;
        });
    }

    public List<SkillMapping> mappingsOf(String skillId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT from_id, to_id, relation, source FROM skill_mapping WHERE from_id = ?1 OR to_id = ?1 ORDER BY from_id, to_id")) {
                p.setString(1, skillId);
                List<SkillMapping> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SkillMapping(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    public List<Mobility> mobilitiesFrom(String occupationId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT from_id, to_id, rank FROM mobility WHERE from_id = ? ORDER BY rank")) {
                p.setString(1, occupationId);
                List<Mobility> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Mobility(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    }
                }
                return out;
            }
        });
    }

    public void forEachMobility(Consumer<Mobility> consumer) {
        db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT from_id, to_id, rank FROM mobility")) {
                while (rs.next()) {
                    consumer.accept(new Mobility(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return null;
        });
    }

    public List<WorkContext> contextsOf(String occupationId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT occupation_id, label, kind FROM work_context WHERE occupation_id = ? ORDER BY kind, label")) {
                p.setString(1, occupationId);
                List<WorkContext> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new WorkContext(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return out;
            }
        });
    }

    public List<String> broaderOf(String skillId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT broader_id FROM skill_broader WHERE skill_id = ? ORDER BY broader_id")) {
                p.setString(1, skillId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement p, T row) throws SQLException;
    }

    private static <T> void batch(Connection c, String sql, List<T> rows, Binder<T> binder) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int n = 0;
            for (T row : rows) {
                binder.bind(p, row);
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }
}
