package eu.passerelle.match;

import eu.passerelle.index.RecordWriter;
import eu.passerelle.ingest.FeedImport;
import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * The way in for records written by partners, through the API or the {@code import} command: read the
 * feed (any shape {@link FeedImport} knows), place posts without an occupation code under a ROME fiche,
 * then store and index them. Every path that writes goes through here, so a post is classified the same
 * way wherever it came from.
 */
public final class FeedIntake {
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

    /** Stores and indexes one record; true when it replaced one with the same id. */
    public boolean write(Object record) {
        return switch (record) {
            case Posting p -> writer.put(p);
            case eu.passerelle.model.Training t -> writer.put(t);
            default -> throw new IllegalArgumentException("not a posting or a training: " + record.getClass().getSimpleName());
        };
    }

    public void writeAll(List<Object> records) {
        writer.putAll(records);
    }

    public boolean delete(RecordType type, String id) {
        return writer.delete(type, id);
    }
}
