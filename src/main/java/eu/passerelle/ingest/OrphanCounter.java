package eu.passerelle.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts join misses between sources of different versions (a link to a code that does not exist). The
 * reference data is known to have a few percent of them; they are reported, never fatal.
 */
public final class OrphanCounter {
    private final Map<String, Long> counts = new TreeMap<>();

    public void miss(String kind) {
        counts.merge(kind, 1L, Long::sum);
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return counts.isEmpty() ? "none" : counts.toString();
    }
}
