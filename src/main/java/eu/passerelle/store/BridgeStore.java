package eu.passerelle.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/** The computed links between referentials: occupation crosswalk and skill equivalences. */
public final class BridgeStore {
    private final Database db;

    public BridgeStore(Database db) {
        this.db = db;
    }

    /** @param kind exact / close / broad / narrow, read from {@code fromId} to {@code toId} */
    public record OccupationLink(String fromId, String toId, String kind, double confidence, String method) {
        static OccupationLink from(ResultSet rs) throws SQLException {
            return new OccupationLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5));
        }
    }

    public record SkillLink(String fromId, String toId, double confidence, String method) {
        static SkillLink from(ResultSet rs) throws SQLException {
            return new SkillLink(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4));
        }
    }

    public boolean isEmpty() {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM occupation_link LIMIT 1")) {
                return !rs.next();
            }
        });
    }

    public void replace(List<OccupationLink> occupations, List<SkillLink> skills) {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM occupation_link");
                s.execute("DELETE FROM skill_link");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO occupation_link VALUES (?,?,?,?,?)")) {
                for (OccupationLink l : occupations) {
                    p.setString(1, l.fromId());
                    p.setString(2, l.toId());
                    p.setString(3, l.kind());
                    p.setDouble(4, l.confidence());
                    p.setString(5, l.method());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO skill_link VALUES (?,?,?,?)")) {
                for (SkillLink l : skills) {
                    p.setString(1, l.fromId());
                    p.setString(2, l.toId());
                    p.setDouble(3, l.confidence());
                    p.setString(4, l.method());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    public void forEachOccupationLink(Consumer<OccupationLink> consumer) {
        db.forEach("SELECT from_id, to_id, kind, confidence, method FROM occupation_link", OccupationLink::from, consumer);
    }

    public void forEachSkillLink(Consumer<SkillLink> consumer) {
        db.forEach("SELECT from_id, to_id, confidence, method FROM skill_link", SkillLink::from, consumer);
    }

    public List<OccupationLink> linksOf(String occupationId) {
        return db.list("SELECT from_id, to_id, kind, confidence, method FROM occupation_link WHERE from_id = ? ORDER BY confidence DESC, to_id",
                OccupationLink::from, occupationId);
    }
}
