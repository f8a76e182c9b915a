package eu.passerelle.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index keeps its documents by type, occupation and id; one written in another order is emptied to be rebuilt. */
class DocumentOrderTest {
    @TempDir
    Path dir;

    @Test
    void anIndexInImportOrderIsEmptiedForARebuildAndTheNewOneKeepsTheOrder() throws Exception {
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(Analysis.indexing()))) {
            w.addDocument(doc("posting:2", "posting", "K1202"));
            w.commit();
        }
        try (SearchIndex index = new SearchIndex(dir, 60_000, 60_000)) {
            assertThat(index.outdated()).hasValueSatisfying(why -> assertThat(why).contains("older order"));
            assertThat(index.damage()).isEmpty();
            int left = index.search(s -> s.getIndexReader().numDocs());
            assertThat(left).isZero();
            // Added in the order an import brings them; kept by type, then occupation, then id.
            index.add(doc("posting:2", "posting", "K1202"));
            index.add(doc("rome:K1202", "occupation", null));
            index.add(doc("posting:3", "posting", "G1203"));
            index.add(doc("posting:1", "posting", "K1202"));
            index.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            StringBuilder ids = new StringBuilder();
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedSetDocValues values = leaf.reader().getSortedSetDocValues(Fields.ID);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    values.advanceExact(doc);
                    ids.append(values.lookupOrd(values.nextOrd()).utf8ToString()).append(' ');
                }
            }
            assertThat(ids.toString().strip()).isEqualTo("rome:K1202 posting:3 posting:1 posting:2");
        }
        try (SearchIndex again = new SearchIndex(dir, 60_000, 60_000)) {
            assertThat(again.outdated()).isEmpty();
            int kept = again.search(s -> s.getIndexReader().numDocs());
            assertThat(kept).isEqualTo(4);
        }
    }

    private static Document doc(String id, String type, String occupation) {
        Document d = new Document();
        d.add(new KeywordField(Fields.ID, id, Field.Store.YES));
        d.add(new KeywordField(Fields.TYPE, type, Field.Store.NO));
        if (occupation != null) {
            d.add(new KeywordField(Fields.OCCUPATION, occupation, Field.Store.NO));
        }
        return d;
    }
}
