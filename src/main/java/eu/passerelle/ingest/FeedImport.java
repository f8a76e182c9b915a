package eu.passerelle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.Classification;
import eu.passerelle.model.Json;
import eu.passerelle.model.Posting;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a feed of trainings or postings: LHÉO 2.3 XML (trainings), France Travail "Offres d'emploi v2" JSON
 * and Le Forem's open-data offers (postings), or one record per line (NDJSON) / a JSON array — postings as schema.org JobPosting or
 * Passerelle's own posting JSON, trainings as Passerelle's training JSON. Every record is validated; a bad
 * one is refused with its position and reason and never stops the others.
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

    private final Gazetteer gazetteer;

    public FeedImport(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * Reads a feed. LHÉO XML (trainings), Le Forem's offers (postings with "numerooffreforem", in any of
     * Opendatasoft's shapes) and France Travail offers JSON (postings, recognised by their "resultats"
     * wrapper or "intitule" field) are recognised by their shape; everything else is NDJSON or a
     * JSON array of JobPosting / Passerelle records.
     */
    public Result read(RecordType type, String source, String content) {
        String head = content.stripLeading();
        if (type == RecordType.TRAINING && (head.startsWith("<?xml") || head.startsWith("<lheo") || head.contains("<lheo"))) {
            return validated(new LheoReader(gazetteer, source).read(content));
        }
        if (type == RecordType.POSTING && LeForemOffersReader.recognises(head)) {
            return validated(new LeForemOffersReader(gazetteer).read(content));
        }
        if (type == RecordType.POSTING && head.startsWith("{") && (head.contains("\"resultats\"") || looksLikeFranceTravail(head))) {
            return validated(new FranceTravailOffersReader(gazetteer).read(content));
        }
        return readJson(type, source, content);
    }

    private static boolean looksLikeFranceTravail(String head) {
        return head.contains("\"intitule\"") && head.contains("\"lieuTravail\"");
    }

    /** Records a specific reader produced, validated like any other. */
    private static <T> Result validated(List<FeedResult<T>> results) {
        List<Object> accepted = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (FeedResult<T> r : results) {
            if (!r.accepted()) {
                lines.add(new Line(r.position(), null, "refused", null, r.error()));
                continue;
            }
            Object record = r.record();
            var problem = record instanceof Posting p ? RecordValidator.posting(p) : RecordValidator.training((Training) record);
            String id = record instanceof Posting p ? p.id() : ((Training) record).id();
            if (problem.isPresent()) {
                lines.add(new Line(r.position(), id, "refused", problem.get().field(), problem.get().detail()));
            } else {
                accepted.add(record);
                lines.add(new Line(r.position(), id, "accepted", null, null));
            }
        }
        return new Result(accepted, lines);
    }

    private Result readJson(RecordType type, String source, String content) {
        List<Object> accepted = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String trimmed = content.strip();
        if (trimmed.startsWith("[")) {
            try {
                JsonNode array = Json.MAPPER.readTree(trimmed);
                for (int i = 0; i < array.size(); i++) {
                    nodes.add(array.get(i));
                    numbers.add(i + 1);
                }
            } catch (Exception e) {
                lines.add(new Line(1, null, "refused", null, "not a valid JSON array: " + e.getMessage()));
                return new Result(accepted, lines);
            }
        } else {
            String[] split = content.split("\r?\n");
            for (int i = 0; i < split.length; i++) {
                if (split[i].isBlank()) {
                    continue;
                }
                try {
                    nodes.add(Json.MAPPER.readTree(split[i]));
                } catch (Exception e) {
                    nodes.add(null);
                }
                numbers.add(i + 1);
            }
        }
        JobPostingReader jobPostings = new JobPostingReader(gazetteer, source);
        for (int k = 0; k < nodes.size(); k++) {
            int line = numbers.get(k);
            JsonNode n = nodes.get(k);
            if (n == null || !n.isObject()) {
                lines.add(new Line(line, null, "refused", null, "not a JSON object"));
                continue;
            }
            try {
                Object record;
                if (type == RecordType.POSTING && n.has("@type")) {
                    FeedResult<Posting> r = jobPostings.readOne(line, n);
                    if (!r.accepted()) {
                        lines.add(new Line(line, null, "refused", null, r.error()));
                        continue;
                    }
                    record = r.record();
                } else if (type == RecordType.POSTING) {
                    Posting p = Json.MAPPER.treeToValue(n, Posting.class);
                    record = new Posting(p.id(), p.source(), p.sourceId(), p.title(), p.description(), p.employer(), p.contract(), p.workingTime(),
                            p.place(), p.country(), p.occupations(), p.skills(), p.postedAt(), p.validThrough(), p.url(),
                            RecordValidator.provenanceOr(p.provenance(), "feed " + source), p.occupationText(), null);
                } else {
                    Training t = Json.MAPPER.treeToValue(n, Training.class);
                    record = withProvenance(t, "feed " + source);
                }
                var problem = record instanceof Posting p ? RecordValidator.posting(p) : RecordValidator.training((Training) record);
                String id = record instanceof Posting p ? p.id() : ((Training) record).id();
                if (problem.isPresent()) {
                    lines.add(new Line(line, id, "refused", problem.get().field(), problem.get().detail()));
                } else {
                    accepted.add(record);
                    lines.add(new Line(line, id, "accepted", null, null));
                }
            } catch (Exception e) {
                lines.add(new Line(line, null, "refused", null, "not a " + type.wireName() + ": " + e.getMessage().lines().findFirst().orElse("")));
            }
        }
        return new Result(accepted, lines);
    }

    public static Training withProvenance(Training t, String writer) {
        return new Training(t.id(), t.kind(), t.title(), t.certifications(), t.level(), t.levelLabel(), t.duration(), t.hours(), t.modality(),
                t.schedule(), t.cost(), t.funding(), t.audience(), t.providers(), t.places(), t.country(), t.authority(), t.domains(),
                t.nextSession(), t.url(), t.occupations(), t.description(), RecordValidator.provenanceOr(t.provenance(), writer), t.address(), t.contact());
    }
}
