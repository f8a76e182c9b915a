package eu.passerelle.search;

import eu.passerelle.index.Fields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Equal scores ordered by record id. Lucene breaks ties by document number, and document numbers follow the order
 * documents reached the index: since the index is built on every core, that order changes from one build to the
 * next, and so did which of two equally scored records came first (a profile's word resolved to one skill or its
 * twin, a relevance figure moving between runs). Hits are collected with a margin past the page, so a tie that
 * straddles the page's end is settled by id as well unless more than {@link #MARGIN} records share the score.
 */
final class Ties {
    /** Extra hits collected past the page to settle ties at its end. */
    static final int MARGIN = 16;

    private Ties() {
    }

    /** The first {@code n} hits of {@code top}, equal scores in id order; {@code top} itself when no score repeats. */
    static TopDocs byScoreThenId(IndexSearcher searcher, TopDocs top, int n) throws IOException {
        ScoreDoc[] hits = top.scoreDocs;
        boolean tied = false;
        for (int i = 1; i < hits.length && !tied; i++) {
            tied = hits[i].score == hits[i - 1].score;
        }
        if (!tied) {
            return hits.length <= n ? top : new TopDocs(top.totalHits, Arrays.copyOf(hits, n));
        }
        String[] ids = ids(searcher, hits);
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -hits[i].score).thenComparing(i -> ids[i]));
        ScoreDoc[] out = new ScoreDoc[Math.min(n, hits.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = hits[order[i]];
        }
        return new TopDocs(top.totalHits, out);
    }

    private static String[] ids(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String[] ids = new String[hits.length];
        for (int i = 0; i < hits.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
            SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), Fields.ID);
            ids[i] = values.advanceExact(hits[i].doc - leaf.docBase) ? values.lookupOrd(values.nextOrd()).utf8ToString() : "";
        }
        return ids;
    }
}
