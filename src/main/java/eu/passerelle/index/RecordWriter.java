package eu.passerelle.index;

import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import eu.passerelle.store.Store;
import java.util.concurrent.locks.ReentrantLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a training or posting: the store first (the truth: once it has committed, nothing is lost even if
 * the index write fails, since a start replays every store change the index had not committed), then the
 * index, then a refresh, so the record is searchable when the caller gets its answer.
 *
 * <p>The store write and the index write of a record happen under one lock, so the index applies changes
 * in the store's order: two writers racing on one id (PUT/PUT, PUT/DELETE) leave in the index the version
 * the store kept. The refresh, the slow part, runs outside it. SQLite takes one writer at a time anyway.
 */
public final class RecordWriter {
    private final Store store;
    private final SearchIndex index;
    private final ReentrantLock order = new ReentrantLock();

    public RecordWriter(Store store, SearchIndex index) {
        this.store = store;
        this.index = index;
    }

    /** @return true when a record with this id existed before */
    public boolean put(Training t) {
        boolean existed = inOrder(() -> {
            boolean e = store.records().upsert(RecordType.TRAINING, t.id(), t);
            index.upsert(t.id(), DocumentMapper.training(t));
            return e;
        });
        index.refresh();
        return existed;
    }

    public boolean put(Posting p) {
        boolean existed = inOrder(() -> {
            boolean e = store.records().upsert(RecordType.POSTING, p.id(), p);
            index.upsert(p.id(), DocumentMapper.posting(p));
            return e;
        });
        index.refresh();
        return existed;
    }

    /**
     * Many records (a batch of a feed): the store in one transaction per type, then the index, then one
     * refresh, so the batch is searchable when this returns.
     */
    public void putAll(Iterable<?> records) {
        putAll(records, true);
    }

    /**
     * The same, refreshing only when asked: a feed's batches are refreshed once at its end, since every
     * refresh also cuts a small index segment that merges then rewrite (the answer, and so the promise that
     * the records are searchable, only comes after that last refresh).
     */
    public void putAll(Iterable<?> records, boolean refresh) {
        List<Map.Entry<String, Training>> trainings = new ArrayList<>();
        List<Map.Entry<String, Posting>> postings = new ArrayList<>();
        for (Object r : records) {
            switch (r) {
                case Training t -> trainings.add(Map.entry(t.id(), t));
                case Posting p -> postings.add(Map.entry(p.id(), p));
                default -> throw new IllegalArgumentException("only trainings and postings are written");
            }
        }
        inOrder(() -> {
            store.records().upsertAll(RecordType.TRAINING, trainings);
            store.records().upsertAll(RecordType.POSTING, postings);
            for (Map.Entry<String, Training> t : trainings) {
                index.upsert(t.getKey(), DocumentMapper.training(t.getValue()));
            }
            for (Map.Entry<String, Posting> p : postings) {
                index.upsert(p.getKey(), DocumentMapper.posting(p.getValue()));
            }
            return null;
        });
        if (refresh && (!trainings.isEmpty() || !postings.isEmpty())) {
            index.refresh();
        }
    }

    /** Makes every write so far searchable (the end of a feed written with {@code putAll(records, false)}). */
    public void refresh() {
        index.refresh();
    }

    /** @return whether it existed */
    public boolean delete(RecordType type, String id) {
        boolean existed = inOrder(() -> {
            boolean e = store.records().delete(type, id);
            index.delete(id);
            return e;
        });
        index.refresh();
        return existed;
    }

    /** Rebuilds the whole index from the store with writes held back (after damage found at run time). */
    public void rebuildIndex() {
        inOrder(() -> IndexBuilder.rebuild(store, index));
    }

    private <T> T inOrder(java.util.function.Supplier<T> work) {
        order.lock();
        try {
            T result = work.get();
            // Every store change so far is in the writer: a commit from now on records it as applied.
            index.applied(store.records().lastChange());
            return result;
        } finally {
            order.unlock();
        }
    }
}
