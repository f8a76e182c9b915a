package eu.passerelle.index;

import eu.passerelle.model.RecordType;
import eu.passerelle.store.RecordStore;
import eu.passerelle.store.Store;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the index from the store, and checks that the two still agree. */
public final class IndexBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);

    private IndexBuilder() {
    }

    /** Empties the index and adds every record of the store; returns the number of documents. */
    public static long rebuild(Store store, SearchIndex index) {
        long start = System.nanoTime();
        index.deleteAll();
        long total = 0;
        for (RecordType type : RecordType.values()) {
            long t0 = System.nanoTime();
            long[] n = {0};
            store.records().forEach(type, RecordStore.javaType(type), record -> {
                index.add(DocumentMapper.of(record));
                n[0]++;
            });
            total += n[0];
            LOG.info("index: {} {} documents in {} ms", String.format("%,d", n[0]), type.wireName(), (System.nanoTime() - t0) / 1_000_000);
        }
        index.commit();
        index.refresh();
        LOG.info("index: built {} documents in {} s", String.format("%,d", total), String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return total;
    }

    /** True when the index holds the same number of records of each type as the store. */
    public static boolean agrees(Store store, SearchIndex index) {
        Map<RecordType, Long> inStore = store.records().counts();
        Map<RecordType, Long> inIndex = index.counts();
        if (!inStore.equals(inIndex)) {
            LOG.warn("index: drift from the store (store {}, index {})", inStore, inIndex);
            return false;
        }
        return true;
    }
}
