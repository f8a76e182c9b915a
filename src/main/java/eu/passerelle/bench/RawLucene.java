package eu.passerelle.bench;

import eu.passerelle.index.Display;
import eu.passerelle.index.Fields;
import eu.passerelle.search.Synonyms;
import eu.passerelle.search.TextQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The same searches straight on Lucene: an IndexSearcher over the service's own index (opened read-only
 * beside it), the service's text query and filters, top k by score (or by distance for a place alone) plus
 * each hit's record read as the service reads it, and nothing else: no facets, highlighting, HTTP or JSON. The service's
 * overhead is its latency over this one's.
 */
final class RawLucene implements AutoCloseable {
    private static final List<String> FILTERED = List.of(Fields.TYPE, Fields.SCHEME, Fields.COUNTRY, Fields.MODALITY, Fields.LEVEL, Fields.CONTRACT);

    /** A search with the place and radius the service resolved for it (null without a place). */
    record Case(Map<String, String> params, double[] near, Double radiusKm) {
    }

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final TextQuery text;

    RawLucene(Path indexDir, Path synonyms) throws IOException {
        this.reader = DirectoryReader.open(FSDirectory.open(indexDir));
        this.searcher = new IndexSearcher(reader);
        this.text = new TextQuery(Synonyms.load(synonyms));
    }

    /** One search: build the query, collect the top k, read the hits' records. */
    int run(Case c) throws IOException {
        Map<String, String> p = c.params();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        String q = p.get("q");
        boolean hasText = q != null && !q.isBlank();
        if (hasText) {
            Query t = text.build(q, p.getOrDefault("lang", "fr"), reader).query();
            if (t == null) {
                return 0;
            }
            b.add(t, Occur.MUST).add(FeatureField.newSaturationQuery(Fields.FEATURES, Fields.PRIOR, 0.5f, 0.5f), Occur.SHOULD);
        } else {
            b.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
        }
        for (String field : FILTERED) {
            String v = p.get(field);
            if (v != null) {
                List<BytesRef> values = Arrays.stream(v.split(",")).map(s -> new BytesRef(field.equals(Fields.COUNTRY) ? s.toUpperCase(Locale.ROOT) : s)).toList();
                b.add(new TermInSetQuery(field, values), Occur.FILTER);
            }
        }
        if (c.near() != null && c.radiusKm() != null) {
            b.add(LatLonPoint.newDistanceQuery(Fields.LOCATION, c.near()[0], c.near()[1], c.radiusKm() * 1000), Occur.FILTER);
        }
        int k = Integer.parseInt(p.getOrDefault("limit", "20"));
        TopDocs top = c.near() != null && !hasText
                ? searcher.search(b.build(), k, new Sort(LatLonDocValuesField.newDistanceSort(Fields.LOCATION, c.near()[0], c.near()[1])))
                : searcher.search(b.build(), k);
        // Each hit's record read as the service reads it: the display doc value, else (an older segment) the stored fields.
        StoredFields stored = null;
        List<LeafReaderContext> leaves = reader.leaves();
        ScoreDoc[] hits = top.scoreDocs.clone();
        Arrays.sort(hits, Comparator.comparingInt(sd -> sd.doc));
        int bytes = 0;
        int leafOrd = -1;
        BinaryDocValues values = null;
        for (ScoreDoc sd : hits) {
            int sub = ReaderUtil.subIndex(sd.doc, leaves);
            if (sub != leafOrd) {
                leafOrd = sub;
                values = leaves.get(sub).reader().getBinaryDocValues(Fields.DISPLAY);
            }
            Display.Shown shown = Display.read(values, sd.doc - leaves.get(sub).docBase);
            if (shown == null) {
                stored = stored == null ? searcher.storedFields() : stored;
                bytes += stored.document(sd.doc, Set.of(Fields.SOURCE)).get(Fields.SOURCE).length();
            } else {
                bytes += shown.source().length();
            }
        }
        return bytes;
    }

    /** Closed-loop runs on {@code threads} threads for a while; each latency is kept. */
    Row load(String name, int threads, int seconds, List<Case> cases) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> lat = new ArrayList<>();
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] l = new long[4_000_000];
            lat.add(l);
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    int i = id * 7;
                    while (System.nanoTime() < deadline && counts[id] < l.length) {
                        long t0 = System.nanoTime();
                        run(cases.get(i++ % cases.size()));
                        l[counts[id]++] = System.nanoTime() - t0;
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    done.countDown();
                }
            });
            th.start();
        }
        done.await();
        double secs = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(lat.get(t), 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        return new Row(name, threads, total, 0, secs, pct(all, 50), pct(all, 99), pct(all, 99.9));
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
