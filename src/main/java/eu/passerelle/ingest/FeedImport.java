package eu.passerelle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.Classification;
import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Reads a feed of trainings or postings: LHÉO 2.3 XML (trainings), France Travail "Offres d'emploi v2" JSON
 * and Le Forem's open-data offers (postings), or one record per line (NDJSON) / a JSON array — postings as schema.org JobPosting or
 * Passerelle's own posting JSON, trainings as Passerelle's training JSON. Every record is validated; a bad
 * one is refused with its position and reason and never stops the others. Feeds are read as streams, one
 * record at a time, whatever their size.
 */
public final class FeedImport {
    /**
     * One line's fate.
     *
     * @param classification for an accepted post the feed gave no occupation code, how the engine placed it
     */
    public record Line(int line, String id, String status, String field, String error, Classification classification) {
        public Line(int line, String id, String status, String field, String error) {
            this(line, id, status, field, error, null);
        }

        public Line classified(Classification c) {
            return new Line(line, id, status, field, error, c);
        }
    }

    /** The accepted records, and a report line for every record. */
    public record Result(List<Object> accepted, List<Line> lines) {
        public long refused() {
            return lines.stream().filter(l -> l.status().equals("refused")).count();
        }
    }

    /** A report line, with the record when it was accepted. */
    public record Entry(Line line, Object record) {
    }

    /** How many bytes of a feed are looked at to tell its shape; the rest is never read ahead. */
    static final int HEAD_BYTES = 64 * 1024;

    private final Gazetteer gazetteer;

    public FeedImport(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Reads a whole feed held in memory (one record from PUT, small feeds in tests). */
    public Result read(RecordType type, String source, String content) {
        List<Object> accepted = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        try {
            stream(type, source, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), e -> {
                lines.add(e.line());
                if (e.record() != null) {
                    accepted.add(e.record());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail to be read
        }
        return new Result(accepted, lines);
    }

    /**
     * Reads a feed as a stream, handing each record (or its refusal) to {@code out} as soon as it is read, so
     * a feed of any size is read in the memory of one record. The shape is told from the first bytes only:
     * LHÉO XML (trainings), Le Forem's offers (postings with "numerooffreforem", in any of Opendatasoft's
     * shapes), France Travail offers (postings, recognised by their "resultats" wrapper or "intitule" and
     * "lieuTravail" fields); everything else is JSON Lines or JSON (array, @graph, one object) of
     * JobPosting / Passerelle records.
     *
     * @throws IOException when the stream itself fails (not when a record is bad: that is a refused line)
     */
    public void stream(RecordType type, String source, InputStream in, Consumer<Entry> out) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, HEAD_BYTES);
        buffered.mark(HEAD_BYTES);
        byte[] first = buffered.readNBytes(HEAD_BYTES);
        buffered.reset();
        boolean bom = first.length >= 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF;
        String head = new String(first, bom ? 3 : 0, first.length - (bom ? 3 : 0), StandardCharsets.UTF_8).stripLeading();
        if (type == RecordType.TRAINING && head.startsWith("<")) {
            new LheoReader(gazetteer, source).read(buffered, r -> out.accept(validated(r)));
            return;
        }
        if (bom) {
            buffered.skipNBytes(3);
        }
        BiFunction<Integer, JsonNode, FeedResult<?>> reader = recordReader(type, source, head);
        JsonRecords.Handler handler = new JsonRecords.Handler() {
            @Override
            public void record(int position, JsonNode node) {
                out.accept(validated(reader.apply(position, node)));
            }

            @Override
            public void broken(int position, String error) {
                out.accept(new Entry(new Line(position, null, "refused", null, error), null));
            }
        };
        Reader text = new InputStreamReader(buffered, StandardCharsets.UTF_8);
        if (jsonLines(head)) {
            JsonRecords.lines(text, handler);
        } else {
            JsonRecords.document(text, handler);
        }
    }

    /** One object per line: a first line that is a whole object, and more after it. */
    static boolean jsonLines(String head) {
        String trimmed = head.strip();
        int newline = trimmed.indexOf('\n');
        return trimmed.startsWith("{") && newline > 0 && trimmed.substring(0, newline).strip().endsWith("}");
    }

    /** What reads one record of this feed, told from its first bytes. */
    private BiFunction<Integer, JsonNode, FeedResult<?>> recordReader(RecordType type, String source, String head) {
        if (type == RecordType.POSTING && LeForemOffersReader.recognises(head)) {
            return new LeForemOffersReader(gazetteer)::readOne;
        }
        if (type == RecordType.POSTING && head.startsWith("{") && (head.contains("\"resultats\"") || looksLikeFranceTravail(head))) {
            return new FranceTravailOffersReader(gazetteer)::readOne;
        }
        JobPostingReader jobPostings = new JobPostingReader(gazetteer, source);
        return (position, n) -> ownRecord(type, source, jobPostings, position, n);
    }

    private static boolean looksLikeFranceTravail(String head) {
        return head.contains("\"intitule\"") && head.contains("\"lieuTravail\"");
    }

    /** A record read by a specific reader, validated like any other. */
    private static Entry validated(FeedResult<?> r) {
        if (!r.accepted()) {
            return new Entry(new Line(r.position(), null, "refused", r.field(), r.error()), null);
        }
        Object record = r.record();
        var problem = record instanceof Posting p ? RecordValidator.posting(p) : RecordValidator.training((Training) record);
        String id = record instanceof Posting p ? p.id() : ((Training) record).id();
        if (problem.isPresent()) {
            return new Entry(new Line(r.position(), id, "refused", problem.get().field(), problem.get().detail()), null);
        }
        return new Entry(new Line(r.position(), id, "accepted", null, null), record);
    }

    /** A JobPosting (it has an @type) or Passerelle's own posting or training JSON. */
    private static FeedResult<?> ownRecord(RecordType type, String source, JobPostingReader jobPostings, int line, JsonNode n) {
        if (n == null || !n.isObject()) {
            return FeedResult.refused(line, "not a JSON object");
        }
        try {
            if (type == RecordType.POSTING && n.has("@type")) {
                return jobPostings.readOne(line, n);
            }
            if (type == RecordType.POSTING) {
                Posting p = JsonBinding.read(n, Posting.class);
                return FeedResult.ok(line, new Posting(p.id(), p.source(), p.sourceId(), p.title(), p.description(), p.employer(), p.contract(),
                        p.workingTime(), p.place(), p.country(), p.occupations(), p.skills(), p.postedAt(), p.validThrough(), p.url(),
                        RecordValidator.provenanceOr(p.provenance(), "feed " + source), p.occupationText(), null));
            }
            return FeedResult.ok(line, withProvenance(JsonBinding.read(n, Training.class), "feed " + source));
        } catch (JsonBinding.Refused e) {
            return FeedResult.refused(line, e.field(), e.getMessage());
        } catch (Exception e) {
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return FeedResult.refused(line, "not a " + type.wireName() + ": " + message);
        }
    }

    public static Training withProvenance(Training t, String writer) {
        return new Training(t.id(), t.kind(), t.title(), t.certifications(), t.level(), t.levelLabel(), t.duration(), t.hours(), t.modality(),
                t.schedule(), t.cost(), t.funding(), t.audience(), t.providers(), t.places(), t.country(), t.authority(), t.domains(),
                t.nextSession(), t.url(), t.occupations(), t.description(), RecordValidator.provenanceOr(t.provenance(), writer), t.address(), t.contact());
    }
}
