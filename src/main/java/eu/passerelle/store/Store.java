package eu.passerelle.store;

import java.nio.file.Path;

/** The store of record: one SQLite file and its views (records, relations, sources and places, bridges, candidates). */
public final class Store implements AutoCloseable {
    /** Set once the reference import has fully committed; a half-imported store is imported again. */
    public static final String IMPORTED_KEY = "reference_imported_at";

    private final Database db;
    private final RecordStore records;
    private final RelationStore relations;
    private final SourceStore sources;
    private final BridgeStore bridges;
    private final CandidateStore candidates;

    public Store(Path file) {
        this.db = new Database(file);
        this.records = new RecordStore(db);
        this.relations = new RelationStore(db);
        this.sources = new SourceStore(db);
        this.bridges = new BridgeStore(db);
        this.candidates = new CandidateStore(db);
    }

    public BridgeStore bridges() {
        return bridges;
    }

    public CandidateStore candidates() {
        return candidates;
    }

    public Database db() {
        return db;
    }

    public RecordStore records() {
        return records;
    }

    public RelationStore relations() {
        return relations;
    }

    public SourceStore sources() {
        return sources;
    }

    /** A random id given to this store when it was created (an index built from another store is rebuilt). */
    public String id() {
        return sources.meta("store_id").orElse("");
    }

    public boolean isImported() {
        return sources.meta(IMPORTED_KEY).isPresent();
    }

    @Override
    public void close() {
        db.close();
    }
}
