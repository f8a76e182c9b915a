package eu.passerelle.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Top hits and disjunctive facet counts in one pass ("drill sideways"). The query it runs with carries the
 * text and the filters that are not facets; the facet filters are applied here, from doc values:
 * <ul>
 *   <li>a document passing every facet filter is a hit: it reaches the top-k collector and is counted in
 *       every dimension;</li>
 *   <li>a document failing exactly one facet filter is counted in that dimension only, which is what the
 *       count would be if that one filter were lifted ("FR 120" while "BE" is selected);</li>
 *   <li>a document failing two or more is ignored.</li>
 * </ul>
 */
final class SidewaysCollectorManager implements CollectorManager<SidewaysCollectorManager.SliceCollector, SidewaysCollectorManager.Result> {
    record Result(TopDocs top, long matched, Map<String, Map<String, Long>> counts) {
    }

    private final CollectorManager<Collector, TopDocs> top;
    private final List<String> dims;
    private final Map<String, Set<String>> filters;

    @SuppressWarnings({"unchecked", "rawtypes"})
    SidewaysCollectorManager(CollectorManager<? extends Collector, ? extends TopDocs> top, List<String> dims, Map<String, Set<String>> filters) {
        this.top = (CollectorManager) top;
        this.dims = dims;
        this.filters = filters;
    }

    @Override
    public SliceCollector newCollector() throws IOException {
        return new SliceCollector(top.newCollector());
    }

    @Override
    public Result reduce(Collection<SliceCollector> slices) throws IOException {
        List<Collector> tops = new ArrayList<>();
        long matched = 0;
        Map<String, Map<String, Long>> counts = new HashMap<>();
        dims.forEach(d -> counts.put(d, new HashMap<>()));
        for (SliceCollector s : slices) {
            s.flush();
            tops.add(s.delegate);
            matched += s.matched;
            s.totals.forEach((d, m) -> m.forEach((v, n) -> counts.get(d).merge(v, n, Long::sum)));
        }
        return new Result(top.reduce(tops), matched, counts);
    }

    final class SliceCollector implements Collector {
        private final Collector delegate;
        private final Map<String, Map<String, Long>> totals = new HashMap<>();
        private final List<Runnable> pending = new ArrayList<>();
        private long matched;

        SliceCollector(Collector delegate) {
            this.delegate = delegate;
            dims.forEach(d -> totals.put(d, new HashMap<>()));
        }

        void flush() {
            pending.forEach(Runnable::run);
            pending.clear();
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector hits = delegate.getLeafCollector(context);
            int n = dims.size();
            SortedSetDocValues[] values = new SortedSetDocValues[n];
            boolean[][] allowed = new boolean[n][];
            long[][] counts = new long[n][];
            for (int i = 0; i < n; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), dims.get(i));
                int size = (int) values[i].getValueCount();
                counts[i] = new long[size];
                Set<String> wanted = filters.get(dims.get(i));
                if (wanted != null) {
                    allowed[i] = new boolean[size];
                    for (String v : wanted) {
                        long ord = values[i].lookupTerm(new BytesRef(v));
                        if (ord >= 0) {
                            allowed[i][(int) ord] = true;
                        }
                    }
                }
            }
            pending.add(() -> resolve(context, counts));
            int[][] ords = new int[n][8];
            int[] ordCount = new int[n];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    hits.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    int failed = -1;
                    int failures = 0;
                    for (int i = 0; i < n; i++) {
                        ordCount[i] = 0;
                        boolean pass = allowed[i] == null;
                        if (values[i].advanceExact(doc)) {
                            int c = values[i].docValueCount();
                            if (ords[i].length < c) {
                                ords[i] = new int[c];
                            }
                            for (int k = 0; k < c; k++) {
                                int ord = (int) values[i].nextOrd();
                                ords[i][k] = ord;
                                pass |= allowed[i] != null && allowed[i][ord];
                            }
                            ordCount[i] = c;
                        }
                        if (!pass && ++failures == 1) {
                            failed = i;
                        }
                        if (failures > 1) {
                            return;
                        }
                    }
                    if (failures == 0) {
                        matched++;
                        hits.collect(doc);
                        for (int i = 0; i < n; i++) {
                            for (int k = 0; k < ordCount[i]; k++) {
                                counts[i][ords[i][k]]++;
                            }
                        }
                    } else {
                        for (int k = 0; k < ordCount[failed]; k++) {
                            counts[failed][ords[failed][k]]++;
                        }
                    }
                }
            };
        }

        private void resolve(LeafReaderContext context, long[][] counts) {
            try {
                for (int i = 0; i < dims.size(); i++) {
                    SortedSetDocValues dv = DocValues.getSortedSet(context.reader(), dims.get(i));
                    Map<String, Long> total = totals.get(dims.get(i));
                    for (int ord = 0; ord < counts[i].length; ord++) {
                        if (counts[i][ord] > 0) {
                            total.merge(dv.lookupOrd(ord).utf8ToString(), counts[i][ord], Long::sum);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
