package eu.passerelle.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the values of keyword fields (their sorted-set doc values) over the documents a query matches,
 * and how many documents matched. One collector per segment slice; ords are resolved to terms once per
 * segment, so the cost is one array increment per matching document and dimension.
 */
final class FacetCounter implements CollectorManager<FacetCounter.SegmentCounts, FacetCounter.Counts> {
    private final List<String> dims;

    FacetCounter(List<String> dims) {
        this.dims = dims;
    }

    record Counts(long matched, Map<String, Map<String, Long>> byDim) {
    }

    @Override
    public SegmentCounts newCollector() {
        return new SegmentCounts(dims);
    }

    @Override
    public Counts reduce(Collection<SegmentCounts> collectors) {
        long matched = 0;
        Map<String, Map<String, Long>> byDim = new HashMap<>();
        for (String d : dims) {
            byDim.put(d, new HashMap<>());
        }
        for (SegmentCounts c : collectors) {
            c.flush();
            matched += c.matched;
            c.totals.forEach((dim, counts) -> counts.forEach((v, n) -> byDim.get(dim).merge(v, n, Long::sum)));
        }
        return new Counts(matched, byDim);
    }

    static final class SegmentCounts implements Collector {
        private final List<String> dims;
        private final Map<String, Map<String, Long>> totals = new HashMap<>();
        private final List<Runnable> pendingFlushes = new ArrayList<>();
        private long matched;

        SegmentCounts(List<String> dims) {
            this.dims = dims;
            dims.forEach(d -> totals.put(d, new HashMap<>()));
        }

        void flush() {
            pendingFlushes.forEach(Runnable::run);
            pendingFlushes.clear();
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int n = dims.size();
            SortedSetDocValues[] values = new SortedSetDocValues[n];
            long[][] counts = new long[n][];
            for (int i = 0; i < n; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), dims.get(i));
                counts[i] = new long[(int) Math.min(Integer.MAX_VALUE - 8, values[i].getValueCount())];
            }
            // Terms are looked up after the segment is done, with fresh doc values (ords are per segment).
            pendingFlushes.add(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        SortedSetDocValues dv = DocValues.getSortedSet(context.reader(), dims.get(i));
                        Map<String, Long> total = totals.get(dims.get(i));
                        for (int ord = 0; ord < counts[i].length; ord++) {
                            if (counts[i][ord] > 0) {
                                total.merge(dv.lookupOrd(ord).utf8ToString(), counts[i][ord], Long::sum);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    matched++;
                    for (int i = 0; i < n; i++) {
                        if (values[i].advanceExact(doc)) {
                            for (int k = 0; k < values[i].docValueCount(); k++) {
                                counts[i][(int) values[i].nextOrd()]++;
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
