package eu.passerelle.match;

import eu.passerelle.index.RecordWriter;
import eu.passerelle.ingest.FeedImport;
import eu.passerelle.model.Classification;
import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The way in for records written by partners, through the API or the {@code import} command: read the
 * feed (any shape {@link FeedImport} knows), place posts without an occupation code under a ROME fiche,
 * then store and index them. Every path that writes goes through here, so a post is classified the same
 * way wherever it came from.
 */
public final class FeedIntake {
    /** Records per store transaction and index refresh: big enough to amortise both, small enough to hold. */
    static final int BATCH = 2_000;
    /** Distinct titles remembered per import; a bounded map keeps the memory constant on any feed. */
    static final int CLASSIFICATION_CACHE = 20_000;

    private final FeedImport feeds;
    private final PostingClassifier classifier;
    private final RecordWriter writer;

    public FeedIntake(FeedImport feeds, PostingClassifier classifier, RecordWriter writer) {
        this.feeds = feeds;
        this.classifier = classifier;
        this.writer = writer;
    }

    /** Reads and validates a feed; accepted posts come back classified, each report line saying how. */
    public FeedImport.Result read(RecordType type, String source, String content) {
        FeedImport.Result read = feeds.read(type, source, content);
        if (type != RecordType.POSTING) {
            return read;
        }
        List<Object> accepted = new ArrayList<>(read.accepted().size());
        java.util.Map<String, Posting> byId = new java.util.HashMap<>();
        for (Object o : read.accepted()) {
            Posting p = classifier.classify((Posting) o);
            accepted.add(p);
            byId.put(p.id(), p);
        }
        List<FeedImport.Line> lines = new ArrayList<>(read.lines().size());
        for (FeedImport.Line l : read.lines()) {
            Posting p = l.status().equals("accepted") ? byId.get(l.id()) : null;
            lines.add(p != null && p.classification() != null ? l.classified(p.classification()) : l);
        }
        return new FeedImport.Result(accepted, lines);
    }

    /** What a streamed import did; its report lines went to the caller's sink as they came. */
    public record Summary(long accepted, long refused, long classified) {
    }

    /**
     * Reads, classifies, stores and indexes a feed as a stream, in batches of {@value #BATCH} records: one
     * store transaction and one round of index adds per batch, one index refresh at the end (so every record
     * is searchable when this returns). Each report line goes to {@code report} in the feed's order once its
     * batch is stored, so the memory used is that of one batch whatever the feed's size.
     */
    public Summary importFeed(RecordType type, String source, InputStream in, Consumer<FeedImport.Line> report) throws IOException {
        Batch batch = new Batch(report);
        // A feed is a bulk load: no segment cut by the background refresh while it runs (its answer comes after
        // the refresh below, so nobody waits for its records before that).
        writer.holdRefreshes(true);
        try {
            feeds.stream(type, source, in, entry -> {
                FeedImport.Line line = entry.line();
                Object record = entry.record();
                if (record instanceof Posting p) {
                    record = batch.classify(p);
                    Classification c = ((Posting) record).classification();
                    if (c != null) {
                        line = line.classified(c);
                        batch.classifiedCount++;
                    }
                }
                batch.add(line, record);
            });
            batch.flush();
        } finally {
            // Also when the feed breaks off: the batch being written is finished and reported, as it is stored.
            try {
                batch.awaitWritten();
            } finally {
                writer.holdRefreshes(false);
            }
        }
        writer.refresh();
        return new Summary(batch.accepted, batch.refused, batch.classifiedCount);
    }

    /** Records waiting to be written, and the lines waiting for them, in the feed's order. */
    private final class Batch {
        private final Consumer<FeedImport.Line> report;
        private final List<Object> records = new ArrayList<>(BATCH);
        private final List<FeedImport.Line> lines = new ArrayList<>(BATCH);
        /** Feeds repeat titles (the same job advertised in many places): each distinct one is classified once. */
        private final Map<String, Optional<Classification>> classified = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Classification>> eldest) {
                return size() > CLASSIFICATION_CACHE;
            }
        };
        private java.util.concurrent.FutureTask<Void> written;
        private List<FeedImport.Line> writtenLines = List.of();
        long accepted;
        long refused;
        long classifiedCount;

        Batch(Consumer<FeedImport.Line> report) {
            this.report = report;
        }

        Posting classify(Posting p) {
            if (!p.occupations().isEmpty()) {
                return p;
            }
            // The classifier reads only these two texts, so equal texts get the same answer.
            String key = p.occupationText() + '\u0000' + p.title();
            Optional<Classification> known = classified.get(key);
            if (known == null) {
                Posting placed = classifier.classify(p);
                classified.put(key, Optional.ofNullable(placed.classification()));
                return placed;
            }
            return known.map(p::classified).orElse(p);
        }

        void add(FeedImport.Line line, Object record) {
            lines.add(line);
            if (record != null) {
                records.add(record);
                accepted++;
            } else {
                refused++;
            }
            if (records.size() >= BATCH || lines.size() >= BATCH) {
                flush();
            }
        }

        /**
         * Hands the batch to a writer thread and goes back to reading: the next batch is read and classified
         * while this one is stored and indexed (on every core), one batch in flight at a time, in the feed's
         * order. Its report lines go out once it is stored.
         */
        void flush() {
            awaitWritten();
            if (records.isEmpty() && lines.isEmpty()) {
                return;
            }
            List<Object> toWrite = List.copyOf(records);
            written = new java.util.concurrent.FutureTask<>(() -> writer.putAll(toWrite, false), null);
            writtenLines = List.copyOf(lines);
            records.clear();
            lines.clear();
            Thread.ofPlatform().name("feed-write").daemon().start(written);
        }

        /** Waits for the batch in flight, then reports its lines; a failure to store it is the import's failure. */
        void awaitWritten() {
            if (written == null) {
                return;
            }
            java.util.concurrent.FutureTask<Void> w = written;
            written = null;
            try {
                w.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("storing a batch failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing a batch", e);
            }
            writtenLines.forEach(report);
            writtenLines = List.of();
        }
    }

    /** Stores and indexes one record; true when it replaced one with the same id. */
    public boolean write(Object record) {
        return switch (record) {
            case Posting p -> writer.put(p);
            case eu.passerelle.model.Training t -> writer.put(t);
            default -> throw new IllegalArgumentException("not a posting or a training: " + record.getClass().getSimpleName());
        };
    }

    public boolean delete(RecordType type, String id) {
        return writer.delete(type, id);
    }
}
