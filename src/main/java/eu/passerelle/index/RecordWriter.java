package eu.passerelle.index;

import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import eu.passerelle.store.Store;

/**
 * Writes a training or posting: the store first (the truth: once it has committed, nothing is lost even if
 * the index write fails, since a start that finds them apart rebuilds the index), then the index, then a
 * refresh, so the record is searchable when the caller gets its answer.
 */
public final class RecordWriter {
    private final Store store;
    private final SearchIndex index;

    public RecordWriter(Store store, SearchIndex index) {
        this.store = store;
        this.index = index;
    }

    /** @return true when a record with this id existed before */
    public boolean put(Training t) {
        boolean existed = store.records().upsert(RecordType.TRAINING, t.id(), t);
        index.upsert(t.id(), DocumentMapper.training(t));
        index.refresh();
        return existed;
    }

    public boolean put(Posting p) {
        boolean existed = store.records().upsert(RecordType.POSTING, p.id(), p);
        index.upsert(p.id(), DocumentMapper.posting(p));
        index.refresh();
        return existed;
    }

    /** Many records, one refresh at the end (a feed). */
    public void putAll(Iterable<?> records) {
        for (Object r : records) {
            switch (r) {
                case Training t -> {
                    store.records().upsert(RecordType.TRAINING, t.id(), t);
                    index.upsert(t.id(), DocumentMapper.training(t));
                }
                case Posting p -> {
                    store.records().upsert(RecordType.POSTING, p.id(), p);
                    index.upsert(p.id(), DocumentMapper.posting(p));
                }
                default -> throw new IllegalArgumentException("only trainings and postings are written");
            }
        }
        index.refresh();
    }

    /** @return whether it existed */
    public boolean delete(RecordType type, String id) {
        boolean existed = store.records().delete(type, id);
        index.delete(id);
        index.refresh();
        return existed;
    }
}
