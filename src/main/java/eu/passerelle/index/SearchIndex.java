package eu.passerelle.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import eu.passerelle.model.RecordType;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one writer, one {@link SearcherManager} refreshed in the background, upsert
 * and delete by id. The store is the truth; this is derived from it and can be rebuilt at any time.
 *
 * <p>The {@link #generation()} counter moves on every change, so caches keyed by it never serve an
 * answer computed before a write.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService background;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean uncommitted = new AtomicBoolean();

    public SearchIndex(Path dir, long refreshMillis, long commitMillis) {
        try {
            this.directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(Analysis.indexing())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir, e);
        }
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresh");
            t.setDaemon(true);
            return t;
        });
        background.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(this::commitQuietly, commitMillis, commitMillis, TimeUnit.MILLISECONDS);
    }

    public long generation() {
        return generation.get();
    }

    public void upsert(String id, Document doc) {
        try {
            writer.updateDocument(new Term(Fields.ID, id), doc);
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds without looking for an older copy: only for a rebuild into an emptied index. */
    public void add(Document doc) {
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String id) {
        try {
            writer.deleteDocuments(new Term(Fields.ID, id));
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteAll() {
        try {
            writer.deleteAll();
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void changed() {
        generation.incrementAndGet();
        uncommitted.set(true);
    }

    /** Makes every change so far visible to the next search; called after a write before answering. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void commit() {
        try {
            if (uncommitted.getAndSet(false)) {
                writer.commit();
            }
        } catch (IOException e) {
            uncommitted.set(true);
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    public interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    public <T> T search(SearchWork<T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.run(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.warn("index: could not release a searcher", e);
            }
        }
    }

    /** Documents per record type, as the index sees them now (for health and drift checks). */
    public Map<RecordType, Long> counts() {
        return search(s -> {
            Map<RecordType, Long> counts = new EnumMap<>(RecordType.class);
            for (RecordType t : RecordType.values()) {
                counts.put(t, (long) s.count(new TermQuery(new Term(Fields.TYPE, t.wireName()))));
            }
            return counts;
        });
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("index: background refresh failed", e);
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("index: background commit failed", e);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            commit();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.warn("index: error while closing", e);
        }
    }
}
