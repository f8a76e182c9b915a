package eu.passerelle.index;

import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import eu.passerelle.store.Store;
import java.util.concurrent.locks.ReentrantLock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        // The last record of each id wins, as it would written one by one; the index adds below run in
        // parallel, so two versions of one id must never both reach them.
        Map<String, Training> trainings = new LinkedHashMap<>();
        Map<String, Posting> postings = new LinkedHashMap<>();
        for (Object r : records) {
            switch (r) {
                case Training t -> {
                    trainings.remove(t.id());
                    trainings.put(t.id(), t);
                }
                case Posting p -> {
                    postings.remove(p.id());
                    postings.put(p.id(), p);
                }
                default -> throw new IllegalArgumentException("only trainings and postings are written");
            }
        }
        List<Map.Entry<String, Training>> trainingRows = List.copyOf(trainings.entrySet());
        List<Map.Entry<String, Posting>> postingRows = List.copyOf(postings.entrySet());
        inOrder(() -> {
            java.util.Set<String> created = new java.util.HashSet<>(store.records().upsertAll(RecordType.TRAINING, trainingRows));
            created.addAll(store.records().upsertAll(RecordType.POSTING, postingRows));
            List<Map.Entry<String, ?>> all = new ArrayList<>(trainingRows.size() + postingRows.size());
            all.addAll(trainingRows);
            all.addAll(postingRows);
            upsertInParallel(all, created);
            return null;
        });
        if (refresh && (!trainings.isEmpty() || !postings.isEmpty())) {
            index.refresh();
        }
    }

    /**
     * Builds and adds the documents of a batch on every core ({@link IndexingPool}). Ids are distinct here, so
     * the order of the adds does not matter; the caller holds the write lock, so no other write of these ids
     * runs meanwhile.
     */
    private void upsertInParallel(List<Map.Entry<String, ?>> rows, java.util.Set<String> created) {
        // An id the store did not hold is not in the index either (the index follows the store, a start replays
        // what a crash left out): added without a delete-by-id that Lucene would look up in every segment.
        IndexingPool.forEach(rows, r -> {
            if (created.contains(r.getKey())) {
                index.addNew(DocumentMapper.of(r.getValue()));
            } else {
                index.upsert(r.getKey(), DocumentMapper.of(r.getValue()));
            }
        });
    }

    /** See {@link SearchIndex#holdRefreshes}: a feed being loaded holds the background refresh back until released. */
    public void holdRefreshes(boolean hold) {
        index.holdRefreshes(hold);
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
