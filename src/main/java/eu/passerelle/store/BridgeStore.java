package eu.passerelle.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * The links between referentials: the official occupation crosswalks as published, the occupation links
 * derived from them or computed where they are silent (each saying where it comes from), and skill equivalences.
 */
public final class BridgeStore {
    private final Database db;

    public BridgeStore(Database db) {
        this.db = db;
    }

    public static final String OFFICIAL = "official";
    public static final String COMPUTED = "computed";
    private static final String LINK_COLUMNS = "from_id, to_id, kind, confidence, method, provenance, source";

    /**
     * @param kind       exact / close / broad / narrow, read from {@code fromId} to {@code toId} ("narrow": the second is narrower)
     * @param provenance {@link #OFFICIAL} (from a crosswalk file, named with its version in {@code source}) or
     *                   {@link #COMPUTED} ({@code method} and {@code confidence} say how)
     */
    public record OccupationLink(String fromId, String toId, String kind, double confidence, String method, String provenance, String source) {
        /** Official links first, then the surer ones: the order in which links are shown and borrowed through. */
        public static final java.util.Comparator<OccupationLink> ORDER = java.util.Comparator
                .comparing((OccupationLink l) -> !l.official()).thenComparing(java.util.Comparator.comparingDouble(OccupationLink::confidence).reversed())
                .thenComparing(OccupationLink::toId);

        /** A computed link. */
        public OccupationLink(String fromId, String toId, String kind, double confidence, String method) {
            this(fromId, toId, kind, confidence, method, COMPUTED, "");
        }

        public boolean official() {
            return OFFICIAL.equals(provenance);
        }

        /** The kind read the other way: the second is narrower from the first means the first is broader from the second. */
        public static String inverse(String kind) {
            return switch (kind) {
                case "narrow" -> "broad";
                case "broad" -> "narrow";
                default -> kind;
            };
        }

        /** The kind of a to c through b: an exact step keeps the other; two steps the same way keep it; else close. */
        public static String compose(String ab, String bc) {
            if (ab.equals("exact")) {
                return bc;
            }
            if (bc.equals("exact") || bc.equals(ab)) {
                return ab;
            }
            return "close";
        }

        static OccupationLink from(ResultSet rs) throws SQLException {
            return new OccupationLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5), rs.getString(6), rs.getString(7));
        }
    }

    /**
     * One row of an official crosswalk: {@code code} (a ROME appellation's code_ogr, a Compétent profile code) of
     * occupation {@code fromId} relates to ESCO occupation {@code escoId} by {@code relation}, read from the code to ESCO.
     */
    public record CrosswalkMapping(String code, String fromId, String label, String escoId, String relation, String source, String version) {
        static CrosswalkMapping from(ResultSet rs) throws SQLException {
            return new CrosswalkMapping(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
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
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO occupation_link (" + LINK_COLUMNS + ") VALUES (?,?,?,?,?,?,?)")) {
                for (OccupationLink l : occupations) {
                    p.setString(1, l.fromId());
                    p.setString(2, l.toId());
                    p.setString(3, l.kind());
                    p.setDouble(4, l.confidence());
                    p.setString(5, l.method());
                    p.setString(6, l.provenance());
                    p.setString(7, l.source());
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
        db.forEach("SELECT " + LINK_COLUMNS + " FROM occupation_link", OccupationLink::from, consumer);
    }

    /** Stores official crosswalk rows, within the import's transaction. */
    public void putMappings(java.sql.Connection c, List<CrosswalkMapping> mappings) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO crosswalk_mapping VALUES (?,?,?,?,?,?,?)")) {
            for (CrosswalkMapping m : mappings) {
                p.setString(1, m.code());
                p.setString(2, m.fromId());
                p.setString(3, m.label());
                p.setString(4, m.escoId());
                p.setString(5, m.relation());
                p.setString(6, m.source());
                p.setString(7, m.version());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    public List<CrosswalkMapping> mappings() {
        return db.list("SELECT code, from_id, label, esco_id, relation, source, version FROM crosswalk_mapping ORDER BY from_id, code, esco_id",
                CrosswalkMapping::from);
    }

    public void forEachSkillLink(Consumer<SkillLink> consumer) {
        db.forEach("SELECT from_id, to_id, confidence, method FROM skill_link", SkillLink::from, consumer);
    }

    public List<OccupationLink> linksOf(String occupationId) {
        return db.list("SELECT " + LINK_COLUMNS + " FROM occupation_link WHERE from_id = ? ORDER BY provenance = 'official' DESC, confidence DESC, to_id",
                OccupationLink::from, occupationId);
    }
}
