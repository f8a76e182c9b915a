package eu.passerelle.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        static OccupationSkill from(ResultSet rs) throws SQLException {
            return new OccupationSkill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1);
        }
    }

    public record SkillMapping(String fromId, String toId, String relation, String source) {
        static SkillMapping from(ResultSet rs) throws SQLException {
            return new SkillMapping(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    public record Mobility(String fromId, String toId, int rank) {
        static Mobility from(ResultSet rs) throws SQLException {
            return new Mobility(rs.getString(1), rs.getString(2), rs.getInt(3));
        }
    }

    public record WorkContext(String occupationId, String label, String kind) {
        static WorkContext from(ResultSet rs) throws SQLException {
            return new WorkContext(rs.getString(1), rs.getString(2), rs.getString(3));
        }
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
        return db.list("SELECT occupation_id, skill_id, relation, core FROM occupation_skill WHERE occupation_id = ? ORDER BY core DESC, relation, skill_id",
                OccupationSkill::from, occupationId);
    }

    public void forEachOccupationSkill(Consumer<OccupationSkill> consumer) {
        db.forEach("SELECT occupation_id, skill_id, relation, core FROM occupation_skill", OccupationSkill::from, consumer);
    }

    public void forEachSkillMapping(Consumer<SkillMapping> consumer) {
        db.forEach("SELECT from_id, to_id, relation, source FROM skill_mapping", SkillMapping::from, consumer);
    }

    public List<SkillMapping> mappingsOf(String skillId) {
        return db.list("SELECT from_id, to_id, relation, source FROM skill_mapping WHERE from_id = ?1 OR to_id = ?1 ORDER BY from_id, to_id",
                SkillMapping::from, skillId);
    }

    public List<Mobility> mobilitiesFrom(String occupationId) {
        return db.list("SELECT from_id, to_id, rank FROM mobility WHERE from_id = ? ORDER BY rank", Mobility::from, occupationId);
    }

    public void forEachMobility(Consumer<Mobility> consumer) {
        db.forEach("SELECT from_id, to_id, rank FROM mobility", Mobility::from, consumer);
    }

    public List<WorkContext> contextsOf(String occupationId) {
        return db.list("SELECT occupation_id, label, kind FROM work_context WHERE occupation_id = ? ORDER BY kind, label", WorkContext::from, occupationId);
    }

    public List<String> broaderOf(String skillId) {
        return db.list("SELECT broader_id FROM skill_broader WHERE skill_id = ? ORDER BY broader_id", rs -> rs.getString(1), skillId);
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
