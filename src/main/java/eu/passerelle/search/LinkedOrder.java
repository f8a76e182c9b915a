package eu.passerelle.search;

import eu.passerelle.index.Fields;
import eu.passerelle.model.Place;
import eu.passerelle.model.RecordType;
import java.io.IOException;
import java.util.Set;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopDocs;

/**
 * Which records linked to some occupations come first, and how to find them without visiting every linked record
 * (a match looks at 200 posts among hundreds of thousands in a real market): near a place, the nearest, asked of
 * growing circles; without one, posts by freshness, asked of growing spans of days; other records by id. Every
 * linked record scores the same, so the order is all there is. The phase of {@link SearchService#linkedSources}.
 */
final class LinkedOrder {
    /** The smallest circle {@link #nearestWithin} asks first (a town's posts share its coordinates). */
    private static final double MIN_RING_KM = 2;

    private LinkedOrder() {
    }

    /** The first {@code limit} records of a type linked to any of the occupations, in this order. */
    static TopDocs first(IndexSearcher searcher, RecordType type, Set<String> occupationIds, Place near, Double radiusKm, Set<String> countries,
                         int limit) throws IOException {
        if (near == null) {
            return type == RecordType.POSTING && dated(searcher) ? freshest(searcher, type, occupationIds, countries, limit)
                    : searcher.search(linkedQuery(type, occupationIds, countries, null, 0), limit, BY_ID);
        }
        return radiusKm == null ? searcher.search(linkedQuery(type, occupationIds, countries, null, 0), limit, nearestFirst(near))
                : nearestWithin(searcher, type, occupationIds, countries, near, radiusKm, limit);
    }

    private static Query linkedQuery(RecordType type, Set<String> occupationIds, Set<String> countries, Place near, double radiusKm) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(SearchService.terms(Fields.OCCUPATION, occupationIds), Occur.MUST)
                .add(new org.apache.lucene.search.TermQuery(new Term(Fields.TYPE, type.wireName())), Occur.FILTER);
        if (!countries.isEmpty()) {
            b.add(SearchService.terms(Fields.COUNTRY, countries), Occur.FILTER);
        }
        if (near != null) {
            b.add(LatLonPoint.newDistanceQuery(Fields.LOCATION, near.lat(), near.lon(), radiusKm * 1000), Occur.FILTER);
        }
        return new org.apache.lucene.search.ConstantScoreQuery(b.build());
    }

    private static final Sort BY_ID = new Sort(new SortedSetSortField(Fields.ID, false));
    /**
     * Posts without a place to be near: the freshest first (a person wants the posts still open, and the lowest ids,
     * the order before, are a feed's oldest), then by id. Lucene skips the posts older than the 200 kept by their
     * points, where sorting by id visited every post of the occupations (hundreds of thousands in a real market).
     */
    private static final Sort FRESHEST_FIRST = new Sort(org.apache.lucene.document.LongField.newSortField(Fields.POSTED, true,
            org.apache.lucene.search.SortedNumericSelector.Type.MAX), new SortedSetSortField(Fields.ID, false));

    /** Whether any post of the index has its publication day indexed (an index built before it has none until a {@code --reindex}). */
    private static boolean dated(IndexSearcher searcher) {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (leaf.reader().getFieldInfos().fieldInfo(Fields.POSTED) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The freshest linked posts, asked of growing spans of days back from the newest (as {@link #nearestWithin} asks
     * circles): a span holding {@code limit} posts holds every post of its oldest day, so it holds the very posts the
     * whole index would give first. With a million posts the freshest day alone holds thousands of a match's posts;
     * sorting the hundreds of thousands of all days by day and id visited them all (measured: 2.8 instead of 3.7–4.2 ms).
     */
    private static TopDocs freshest(IndexSearcher searcher, RecordType type, Set<String> occupationIds, Set<String> countries, int limit) throws IOException {
        long linked = linkedCount(searcher, occupationIds);
        byte[] min = org.apache.lucene.index.PointValues.getMinPackedValue(searcher.getIndexReader(), Fields.POSTED);
        byte[] max = org.apache.lucene.index.PointValues.getMaxPackedValue(searcher.getIndexReader(), Fields.POSTED);
        Query all = linkedQuery(type, occupationIds, countries, null, 0);
        if (linked <= 20L * limit || min == null || max == null) {
            return searcher.search(all, limit, FRESHEST_FIRST);
        }
        long oldest = org.apache.lucene.document.LongPoint.decodeDimension(min, 0);
        long newest = org.apache.lucene.document.LongPoint.decodeDimension(max, 0);
        long days = Math.max(1, (long) Math.ceil((newest - oldest + 1) * 2.0 * limit / linked));
        while (newest - days + 1 > oldest) {
            Query span = new BooleanQuery.Builder().add(all, Occur.MUST)
                    .add(org.apache.lucene.document.LongField.newRangeQuery(Fields.POSTED, newest - days + 1, newest), Occur.FILTER).build();
            TopDocs top = searcher.search(new org.apache.lucene.search.ConstantScoreQuery(span), limit, FRESHEST_FIRST);
            if (top.scoreDocs.length >= limit) {
                return top;
            }
            days *= 2;
        }
        // Every day asked: the whole index, posts without a day (indexed before the field) last.
        return searcher.search(all, limit, FRESHEST_FIRST);
    }

    private static long linkedCount(IndexSearcher searcher, Set<String> occupationIds) throws IOException {
        long linked = 0;
        for (String id : occupationIds) {
            linked += searcher.getIndexReader().docFreq(new Term(Fields.OCCUPATION, id));
        }
        return linked;
    }

    private static Sort nearestFirst(Place near) {
        return new Sort(LatLonDocValuesField.newDistanceSort(Fields.LOCATION, near.lat(), near.lon()), new SortedSetSortField(Fields.ID, false));
    }

    /**
     * The nearest linked records within a radius, asked of growing circles: with a million posts, tens of thousands of
     * a match's occupations lie within its 60 km, and sorting them all by distance to keep 200 was most of a match's
     * CPU. A circle holding {@code limit} records of which the farthest is inside it holds the very records the whole
     * radius would give first (every record outside is farther), in the same order, so the answer does not change.
     * The first circle is sized for about twice the limit if the linked records were spread over the whole radius
     * (their number is the terms' document frequencies: no search); each next one has twice the radius, so the circles
     * asked cost at most about five times the smallest that holds the answer (a country filter can leave the nearest
     * posts kilometres away: jumping further asked circles holding a hundred thousand posts for an answer within 5 km).
     */
    private static TopDocs nearestWithin(IndexSearcher searcher, RecordType type, Set<String> occupationIds, Set<String> countries,
                                         Place near, double radiusKm, int limit) throws IOException {
        long linked = linkedCount(searcher, occupationIds);
        Sort sort = nearestFirst(near);
        // A few thousand linked records are sorted faster at once than asked of a second circle (the embedded default's case).
        double r = linked <= 20L * limit ? radiusKm : Math.max(MIN_RING_KM, radiusKm * Math.sqrt(2.0 * limit / linked));
        while (true) {
            r = Math.min(r, radiusKm);
            TopDocs top = searcher.search(linkedQuery(type, occupationIds, countries, near, r), limit, sort);
            int n = top.scoreDocs.length;
            // The farthest kept must lie strictly inside the circle (a margin for rounding at its edge).
            if (r >= radiusKm || n >= limit && (Double) ((org.apache.lucene.search.FieldDoc) top.scoreDocs[n - 1]).fields[0] < r * 1000 * 0.999) {
                return top;
            }
            r *= 2;
        }
    }
}
