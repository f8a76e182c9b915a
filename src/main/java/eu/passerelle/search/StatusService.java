package eu.passerelle.search;

import eu.passerelle.index.SearchIndex;
import eu.passerelle.model.RecordType;
import eu.passerelle.store.SourceStore;
import eu.passerelle.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the service holds: counts per record type, loaded sources with versions, the index generation. */
public final class StatusService {
    private final Store store;
    private final SearchIndex index;

    public StatusService(Store store, SearchIndex index) {
        this.store = store;
        this.index = index;
    }

    public record Status(String status, Map<String, Long> counts, List<Map<String, Object>> sources, Map<String, Object> index) {
    }

    public Status status() {
        Map<String, Long> counts = new LinkedHashMap<>();
        // The store's last change is read before the index's: a write landing in between makes it look behind, never ahead.
        long storeChange = store.records().lastChange();
        store.records().counts().forEach((t, n) -> counts.put(t.wireName(), n));
        if (!index.available()) {
            Map<String, Object> idx = new LinkedHashMap<>();
            idx.put("available", false);
            idx.put("inSyncWithStore", false);
            idx.put("recovery", "rebuilding from the store after damage was found");
            return new Status("degraded", counts, store.sources().sources().stream().map(StatusService::source).toList(), idx);
        }
        long indexChange = index.appliedChange();
        Map<RecordType, Long> indexed = index.counts();
        long docs = indexed.values().stream().mapToLong(Long::longValue).sum();
        List<Map<String, Object>> sources = store.sources().sources().stream().map(StatusService::source).toList();
        // In sync: every store change applied (by sequence, not by counts), and the counts agree as well.
        boolean inSync = indexChange >= storeChange
                && indexed.entrySet().stream().allMatch(e -> e.getValue().equals(counts.get(e.getKey().wireName())));
        Map<String, Object> idx = new LinkedHashMap<>();
        idx.put("documents", docs);
        idx.put("generation", index.generation());
        idx.put("inSyncWithStore", inSync);
        idx.put("storeChange", storeChange);
        idx.put("appliedChange", indexChange);
        idx.put("available", true);
        idx.put("recovery", index.recovery());
        return new Status(inSync ? "ok" : "degraded", counts, sources, idx);
    }

    private static Map<String, Object> source(SourceStore.Source s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("version", s.version());
        m.put("licence", s.licence());
        m.put("records", s.records());
        if (!s.orphans().isEmpty()) {
            m.put("orphans", s.orphans());
        }
        return m;
    }
}
