package eu.passerelle.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import eu.passerelle.model.RecordType;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one writer, one {@link SearcherManager} refreshed in the background, upsert
 * and delete by id. The store is the truth; this is derived from it and can be rebuilt at any time.
 *
 * <p>Each commit carries the store's id and the sequence of the last store change applied
 * ({@link #applied}), so a start replays exactly what a crash left out. An index that cannot be opened or
 * fails {@link IndexCheck} is emptied at open ({@link #damage()} says why) and must be rebuilt; a search
 * that fails on a damaged file at run time marks it unavailable (searches answer
 * {@link IndexUnavailableException}) and calls the rebuild hook.
 *
 * <p>Caches key their answers by {@link #searcherVersion()}, the version of the reader that searches now:
 * it moves only when a refresh makes new changes visible.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    static final String CHANGE_KEY = "passerelle.store_change";
    static final String STORE_KEY = "passerelle.store_id";
    /** A failing search checks the files at most this often (a check reads the whole index). */
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(10);

    private record Lucene(FSDirectory directory, IndexWriter writer, SearcherManager searchers) {
    }

    /**
     * The order documents are kept in, segment by segment: by record type, then the occupation a record is about
     * (a posting's ROME code, a training's target), then id. A million posts interleaved at random put, in every block
     * of 128 documents, posts of every occupation, so the per-block score bounds that block-max WAND skips with were
     * never under the page's last score and each search scored most posts containing a word (46 ms of CPU per search
     * at 1,000,000 posts). Kept together, a block's bound is about its posts' real score and the blocks that cannot
     * enter the page are skipped; a type filter reads one run of documents; equal scores come in id order.
     */
    static final Sort DOCUMENT_ORDER = new Sort(new SortedSetSortField(Fields.TYPE, false), new SortedSetSortField(Fields.OCCUPATION, false),
            new SortedSetSortField(Fields.ID, false));

    private final Path dir;
    private volatile Lucene lucene;
    private final ScheduledExecutorService background;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean uncommitted = new AtomicBoolean();
    private final AtomicLong applied = new AtomicLong();
    private volatile String storeId = "";
    /** What the last commit said: the store change it had applied and the store it came from. */
    private final Map<String, String> committedAtOpen;
    private volatile String damage;
    /** Why an index that was whole had to be rebuilt all the same (written in an older document order), if it was. */
    private volatile String outdated;
    private volatile boolean unavailable;
    private volatile Runnable onDamage = () -> { };
    private volatile long lastCheck;
    private volatile String recovery = "reused";

    /** Opens with a check of the files (every byte when {@code checkEveryByte}, e.g. after an unclean stop). */
    public SearchIndex(Path dir, long refreshMillis, long commitMillis, boolean checkEveryByte) {
        this.dir = dir;
        Lucene opened;
        Map<String, String> committed = Map.of();
        try {
            Files.createDirectories(dir);
            FSDirectory directory = FSDirectory.open(dir);
            Optional<String> problem = IndexCheck.problem(directory, checkEveryByte);
            outdated = problem.isEmpty() ? IndexCheck.otherOrder(directory, DOCUMENT_ORDER).orElse(null) : null;
            if (outdated != null) {
                LOG.warn("index: {}; it is emptied and rebuilt from the store once", outdated);
                directory.close();
                IndexCheck.wipe(dir);
                directory = FSDirectory.open(dir);
            }
            opened = problem.isEmpty() ? openQuietly(directory) : null;
            if (problem.isPresent() || opened == null) {
                damage = problem.orElse("it could not be opened");
                LOG.error("index: {}; the index is derived from the store, so it is emptied and rebuilt from it", damage);
                directory.close();
                IndexCheck.wipe(dir);
                opened = open(FSDirectory.open(dir));
            } else {
                committed = new HashMap<>();
                for (Map.Entry<String, String> e : opened.writer().getLiveCommitData()) {
                    committed.put(e.getKey(), e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an index at " + dir, e);
        }
        this.lucene = opened;
        this.committedAtOpen = Map.copyOf(committed);
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresh");
            t.setDaemon(true);
            return t;
        });
        background.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(this::commitQuietly, commitMillis, commitMillis, TimeUnit.MILLISECONDS);
    }

    public SearchIndex(Path dir, long refreshMillis, long commitMillis) {
        this(dir, refreshMillis, commitMillis, false);
    }

    private static Lucene open(FSDirectory directory) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(Analysis.indexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setIndexSort(DOCUMENT_ORDER)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                // A rebuild now flushes a few large segments (no refresh cuts small ones meanwhile): as plain files
                // they are read without the compound file's indirection, and checked file by file.
                .setUseCompoundFile(false);
        IndexWriter writer = new IndexWriter(directory, config);
        try {
            return new Lucene(directory, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
    }

    private static Lucene openQuietly(FSDirectory directory) {
        try {
            return open(directory);
        } catch (IOException | RuntimeException e) {
            LOG.error("index: cannot be opened: {}", e.toString());
            return null;
        }
    }

    /** Why the index found on disk was emptied at open (damaged or unreadable), if it was. */
    public Optional<String> damage() {
        return Optional.ofNullable(damage);
    }

    /** Why the index found on disk, whole but kept in an older document order, was emptied at open, if it was. */
    public Optional<String> outdated() {
        return Optional.ofNullable(outdated);
    }

    /** The store change the index on disk had applied at its last commit; empty for a new or foreign index. */
    public OptionalLong committedChange(String expectedStoreId) {
        String change = committedAtOpen.get(CHANGE_KEY);
        if (change == null || !expectedStoreId.equals(committedAtOpen.get(STORE_KEY))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(change));
    }

    /** Names the store this index is built from (written with every commit). */
    public void storeId(String id) {
        this.storeId = id;
    }

    /** Records that every store change up to {@code seq} is in the writer (called in store order). */
    public void applied(long seq) {
        applied.accumulateAndGet(seq, Math::max);
        uncommitted.set(true);
    }

    /** The last store change applied to the index (searchable after the next refresh). */
    public long appliedChange() {
        return applied.get();
    }

    /** How this start brought the index up to date: reused, replayed, rebuilt (and why). */
    public String recovery() {
        return recovery;
    }

    public void recovery(String how) {
        this.recovery = how;
    }

    public void onDamage(Runnable hook) {
        this.onDamage = hook;
    }

    /** False while a damaged index is being rebuilt: searches answer {@link IndexUnavailableException}. */
    public boolean available() {
        return !unavailable;
    }

    public long generation() {
        return generation.get();
    }

    /** The version of the reader searches use now; moves only when a refresh shows new changes. */
    public long searcherVersion() {
        return search(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
    }

    public void upsert(String id, Document doc) {
        if (unavailable) {
            return; // the rebuild under way (or about to start) reads the store after this write
        }
        try {
            lucene.writer().updateDocument(new Term(Fields.ID, id), Display.addTo(doc));
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a record the store has just created (so no older copy can be in the index): no delete-by-id to apply. */
    public void addNew(Document doc) {
        if (unavailable) {
            return; // the rebuild under way (or about to start) reads the store after this write
        }
        try {
            lucene.writer().addDocument(Display.addTo(doc));
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds without looking for an older copy: only for a rebuild into an emptied index. */
    public void add(Document doc) {
        try {
            lucene.writer().addDocument(Display.addTo(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String id) {
        if (unavailable) {
            return;
        }
        try {
            lucene.writer().deleteDocuments(new Term(Fields.ID, id));
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Empties the index for a rebuild. A writer that met a damaged file may be unusable (a failed merge
     * closes it), so a damaged index is closed, its files removed and a new one opened.
     */
    public void deleteAll() {
        try {
            if (unavailable || !lucene.writer().isOpen()) {
                reopenEmpty();
            } else {
                lucene.writer().deleteAll();
            }
            applied.set(0);
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reopenEmpty() throws IOException {
        Lucene old = lucene;
        try {
            old.searchers().close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("index: closing the damaged searchers: {}", e.toString());
        }
        try {
            old.writer().rollback();
        } catch (IOException | RuntimeException e) {
            LOG.warn("index: closing the damaged writer: {}", e.toString());
        }
        old.directory().close();
        IndexCheck.wipe(dir);
        lucene = open(FSDirectory.open(dir));
    }

    /** Called once a rebuild has committed: its documents become visible and searches are served again. */
    public void rebuilt() {
        try {
            lucene.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unavailable = false;
    }

    private void changed() {
        generation.incrementAndGet();
        uncommitted.set(true);
    }

    /** Makes every change so far visible to the next search; called after a write before answering. */
    public void refresh() {
        if (unavailable) {
            return;
        }
        try {
            lucene.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits with the store id and the last applied store change, so a start knows where to replay from. */
    public void commit() {
        try {
            if (uncommitted.getAndSet(false)) {
                IndexWriter writer = lucene.writer();
                // Read before committing: every change up to it is already in the writer, so in the commit.
                writer.setLiveCommitData(Map.of(CHANGE_KEY, Long.toString(applied.get()), STORE_KEY, storeId).entrySet());
                writer.commit();
                lastCommitNanos = System.nanoTime();
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
        if (unavailable) {
            throw new IndexUnavailableException();
        }
        SearcherManager searchers = lucene.searchers();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
        try {
            return work.run(searcher);
        } catch (IOException e) {
            throw failed(e);
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException ? e : failed(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException | RuntimeException e) {
                LOG.warn("index: could not release a searcher", e);
            }
        }
    }

    /**
     * A search failed inside Lucene: if the files on disk are damaged (checked at most every 10 s), the
     * index is marked unavailable and rebuilt, and the caller gets a clear "unavailable" instead of the
     * same failure on every request; otherwise the failure is the caller's to report.
     */
    private RuntimeException failed(Exception e) {
        if (unavailable) {
            return new IndexUnavailableException();
        }
        long now = System.nanoTime();
        if (now - lastCheck > RECHECK_NANOS) {
            lastCheck = now;
            Optional<String> problem = IndexCheck.problem(lucene.directory(), true);
            if (problem.isPresent() || !lucene.writer().isOpen()) {
                damage = problem.orElse("a failure closed its writer");
                LOG.error("index: search failure that revealed the damage: {}", e.toString());
                unavailable = true;
                LOG.error("index: {}; searches answer 503 while it is rebuilt from the store", damage);
                onDamage.run();
                return new IndexUnavailableException();
            }
        }
        return e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
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

    /**
     * Holds the background refresh back while the whole index is being (re)built or a feed is loaded: each refresh
     * cuts the documents added so far into a small segment that merges then rewrite again and again (measured on a
     * first start: the rebuild's own thread used 14 s of CPU, the process 50 s). Nothing searches a rebuilding
     * index anyway: it is not served yet, or answers 503 until {@link #rebuilt()}; nor an index that the
     * {@code import} command fills with the service stopped (its last step refreshes and commits); a feed sent to
     * the running service is answered once its last batch is refreshed. Holds nest (a rebuild inside an import, two
     * feeds at once): the refresh resumes when the last one is released. Meanwhile the background commit runs at
     * most every {@link #BULK_COMMIT_MILLIS}: a commit cuts a segment too, and the store replays anything a crash
     * leaves uncommitted.
     */
    public void holdRefreshes(boolean hold) {
        int held = hold ? holds.incrementAndGet() : holds.updateAndGet(h -> Math.max(0, h - 1));
        // Meanwhile larger first segments: fewer rounds of merges rewrite each document (the buffer is only
        // filled while a bulk load runs, so a serving index keeps the smaller one).
        IndexWriter writer = lucene.writer();
        if (writer.isOpen()) { // a writer closed by damage is replaced by the rebuild, with the default buffer
            try {
                writer.getConfig().setRAMBufferSizeMB(held > 0 ? BULK_RAM_BUFFER_MB : RAM_BUFFER_MB);
            } catch (org.apache.lucene.store.AlreadyClosedException e) {
                LOG.debug("index: writer closed while setting its buffer: {}", e.toString());
            }
        }
    }

    static final double RAM_BUFFER_MB = 64;
    static final double BULK_RAM_BUFFER_MB = 192;
    /** The background commit's pace while refreshes are held (it is {@code commitMillis} otherwise). */
    static final long BULK_COMMIT_MILLIS = 60_000;

    private final java.util.concurrent.atomic.AtomicInteger holds = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long lastCommitNanos = System.nanoTime();

    private void refreshQuietly() {
        if (holds.get() > 0) {
            return;
        }
        try {
            lucene.searchers().maybeRefresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("index: background refresh failed: {}", e.toString());
        }
    }

    private void commitQuietly() {
        try {
            boolean spaced = holds.get() > 0 && System.nanoTime() - lastCommitNanos < TimeUnit.MILLISECONDS.toNanos(BULK_COMMIT_MILLIS);
            if (!unavailable && !spaced) {
                commit();
            }
        } catch (RuntimeException e) {
            LOG.warn("index: background commit failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        // Not shutdownNow: interrupting a refresh in NIO closes the channel holding write.lock, and the last commit fails.
        background.shutdown();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Lucene l = lucene;
        try {
            if (!unavailable) {
                commit();
            }
            l.searchers().close();
            l.writer().close();
            l.directory().close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("index: error while closing: {}", e.toString());
        }
    }
}
