package eu.passerelle.index;

import eu.passerelle.model.RecordType;
import eu.passerelle.store.RecordStore;
import eu.passerelle.store.Store;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the index from the store, brings it up to date after a stop, and checks that the two agree. */
public final class IndexBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);

    /** Records read from the store before they are indexed together. */
    static final int REBUILD_CHUNK = 2_000;

    private IndexBuilder() {
    }

    /** Empties the index and adds every record of the store; returns the number of documents. */
    public static long rebuild(Store store, SearchIndex index) {
        long start = System.nanoTime();
        index.storeId(store.id());
        // Read first: every change up to it is in what is streamed below (no write runs during a rebuild).
        long lastChange = store.records().lastChange();
        index.holdRefreshes(true);
        try {
            return rebuildHeld(store, index, lastChange, start);
        } finally {
            index.holdRefreshes(false);
        }
    }

    private static long rebuildHeld(Store store, SearchIndex index, long lastChange, long start) {
        index.deleteAll();
        long total = 0;
        for (RecordType type : RecordType.values()) {
            long t0 = System.nanoTime();
            long[] n = {0};
            // Read on this thread, analysed and added on every core, a chunk at a time (constant memory).
            java.util.List<Object> chunk = new java.util.ArrayList<>(REBUILD_CHUNK);
            store.records().forEach(type, RecordStore.javaType(type), record -> {
                chunk.add(record);
                n[0]++;
                if (chunk.size() == REBUILD_CHUNK) {
                    IndexingPool.forEach(chunk, r -> index.add(DocumentMapper.of(r)));
                    chunk.clear();
                }
            });
            IndexingPool.forEach(chunk, r -> index.add(DocumentMapper.of(r)));
            total += n[0];
            LOG.info("index: {} {} documents in {} ms", String.format("%,d", n[0]), type.wireName(), (System.nanoTime() - t0) / 1_000_000);
        }
        index.applied(lastChange);
        index.commit();
        index.rebuilt();
        LOG.info("index: built {} documents in {} s", String.format("%,d", total), String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return total;
    }

    /**
     * Brings the index to the store's exact state at start, without reading the whole store when it can:
     * an index whose last commit names this store and a change it had applied gets every later change
     * replayed (re-indexed from the store, or deleted when the store no longer has the record); any other
     * index (new, emptied because damaged, from another store or ahead of it after a restore) is rebuilt.
     *
     * @param forceRebuild a reason to rebuild whatever the index says (first import, {@code --reindex}), or null
     * @return true when it rebuilt the whole index
     */
    public static boolean catchUp(Store store, SearchIndex index, String forceRebuild) {
        String storeId = store.id();
        index.storeId(storeId);
        OptionalLong committed = index.committedChange(storeId);
        long last = store.records().lastChange();
        String reason = forceRebuild != null ? forceRebuild
                : index.damage().map(d -> "the index was damaged: " + d).or(index::outdated)
                .orElse(committed.isEmpty() ? "the index does not say which store changes it holds"
                        : committed.getAsLong() > last ? "the index holds changes the store does not (a restored or replaced store)" : null);
        if (reason != null) {
            LOG.warn("index: rebuilding from the store because {}", reason);
            rebuild(store, index);
            index.recovery("rebuilt: " + reason);
            return true;
        }
        long from = committed.getAsLong();
        long[] n = {0};
        store.records().changesSince(from, change -> {
            replay(store, index, change);
            n[0]++;
        });
        index.applied(last);
        if (n[0] > 0) {
            index.commit();
            index.refresh();
            LOG.warn("index: replayed {} store changes made after its last commit (changes {} to {}): the previous stop was unclean",
                    n[0], from + 1, last);
            index.recovery("replayed " + n[0] + " changes");
        }
        // A safety net, not the mechanism: counting is cheap (term statistics, SQLite's count over the
        // smallest index), and a difference means the index lost a document no store change explains.
        if (!agrees(store, index)) {
            rebuild(store, index);
            index.recovery("rebuilt: the index and the store disagreed on the number of records");
            return true;
        }
        return false;
    }

    private static void replay(Store store, SearchIndex index, RecordStore.Change change) {
        store.records().find(change.type(), change.id(), RecordStore.javaType(change.type()))
                .ifPresentOrElse(record -> index.upsert(change.id(), DocumentMapper.of(record)), () -> index.delete(change.id()));
    }

    /** True when the index has applied every store change and holds as many records of each type as the store. */
    public static boolean agrees(Store store, SearchIndex index) {
        long inStoreChange = store.records().lastChange();
        Map<RecordType, Long> inStore = store.records().counts();
        Map<RecordType, Long> inIndex = index.counts();
        if (index.appliedChange() < inStoreChange || !inStore.equals(inIndex)) {
            LOG.warn("index: drift from the store (store {} at change {}, index {} at change {})", inStore, inStoreChange, inIndex, index.appliedChange());
            return false;
        }
        return true;
    }
}
