package eu.passerelle.store;

import eu.passerelle.model.Json;
import eu.passerelle.model.Place;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What was loaded from where (versions, licences, orphan counts), the places table and a few settings. */
public final class SourceStore {
    private final Database db;

    public SourceStore(Database db) {
        this.db = db;
    }

    /** One loaded source. {@code orphans} counts join misses between source versions, by kind. */
    public record Source(String name, String version, String licence, long records, Map<String, Long> orphans) {
    }

    public void put(Connection c, Source s) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO source VALUES (?,?,?,?,?,?)")) {
            p.setString(1, s.name());
            p.setString(2, s.version());
            p.setString(3, s.licence());
            p.setLong(4, s.records());
            p.setString(5, Json.write(s.orphans()));
            p.setString(6, Instant.now().toString());
            p.executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    public List<Source> sources() {
        return db.read(c -> {
            List<Source> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, version, licence, records, orphans FROM source ORDER BY name")) {
                while (rs.next()) {
                    Map<String, Long> orphans = new LinkedHashMap<>();
                    Json.read(rs.getString(5), Map.class).forEach((k, v) -> orphans.put((String) k, ((Number) v).longValue()));
                    out.add(new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), orphans));
                }
            }
            return out;
        });
    }

    public void putPlaces(Connection c, List<Place> places) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO place(name, lat, lon, country, admin1, admin2, population) VALUES (?,?,?,?,?,?,?)")) {
            for (Place pl : places) {
                p.setString(1, pl.name());
                p.setDouble(2, pl.lat());
                p.setDouble(3, pl.lon());
                p.setString(4, pl.country());
                p.setString(5, pl.admin1());
                p.setString(6, pl.admin2());
                p.setLong(7, pl.population());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    public List<Place> places() {
        return db.list("SELECT name, lat, lon, country, admin1, admin2, population FROM place ORDER BY id",
                rs -> new Place(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7)));
    }

    public Optional<String> meta(String key) {
        return db.list("SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), key).stream().findFirst();
    }

    public void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?,?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        }
    }
}
