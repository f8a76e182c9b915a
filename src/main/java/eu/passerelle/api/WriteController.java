package eu.passerelle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.passerelle.config.Role;
import eu.passerelle.ingest.FeedImport;
import eu.passerelle.ingest.RecordValidator;
import eu.passerelle.match.FeedIntake;
import eu.passerelle.model.RecordType;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes of postings and trainings (role writer or admin): PUT upserts one record, DELETE removes it, POST
 * .../bulk takes a feed (NDJSON or a JSON array) and answers line by line. The answer comes once the record
 * is in the store and searchable. Posts without an occupation code are classified on the way in (FeedIntake).
 */
final class WriteController {
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,40}");

    private final FeedIntake intake;
    private final Auth auth;

    WriteController(FeedIntake intake, Auth auth) {
        this.intake = intake;
        this.auth = auth;
    }

    void put(Context ctx, RecordType type) {
        Role role = auth.require(ctx, Role.WRITER, Role.ADMIN);
        String id = ctx.pathParam("id");
        RecordValidator.id(type, id).ifPresent(p -> {
            throw ApiProblem.badParameter("id", "The address does not end with a " + type.wireName() + " id: " + p.detail() + ".");
        });
        JsonNode body = MatchController.body(ctx);
        if (body.has("id") && !body.get("id").asText().equals(id)) {
            throw ApiProblem.badParameter("id", "The body's id '" + body.get("id").asText() + "' differs from the path's '" + id + "'.");
        }
        ((ObjectNode) body).put("id", id);
        String source = id.contains(":") && id.contains("-") ? id.substring(id.indexOf(':') + 1, id.indexOf('-')) : "api";
        FeedImport.Result r = intake.read(type, source, body.toString());
        if (r.lines().size() != 1) {
            // A feed wrapper ({"resultats":[...]}, an Opendatasoft envelope) holding no record or several.
            throw ApiProblem.badParameter("body", "PUT takes exactly one " + type.wireName() + "; this body holds " + r.lines().size()
                    + ". Send feeds to /api/v1/" + type.collection() + "/bulk.");
        }
        FeedImport.Line line = r.lines().get(0);
        if (r.accepted().isEmpty()) {
            String field = line.field() == null ? "body" : line.field();
            throw ApiProblem.badParameter(field, "The " + type.wireName() + " was refused: " + line.error() + ".");
        }
        Object record = r.accepted().get(0);
        if (!idOf(record).equals(id)) {
            throw ApiProblem.badParameter("id", "A JobPosting's id comes from its identifier: it would be '" + idOf(record) + "', not '" + id + "'.");
        }
        boolean existed = intake.write(record);
        ctx.status(existed ? 200 : 201).json(record);
        ctx.attribute("role", role);
    }

    void delete(Context ctx, RecordType type) {
        auth.require(ctx, Role.WRITER, Role.ADMIN);
        String id = ctx.pathParam("id");
        RecordValidator.id(type, id).ifPresent(p -> {
            throw ApiProblem.badParameter("id", "The address does not end with a " + type.wireName() + " id: " + p.detail() + ".");
        });
        if (!intake.delete(type, id)) {
            throw ApiProblem.notFound("No " + type.wireName() + " with id '" + id + "'.");
        }
        ctx.status(204);
    }

    void bulk(Context ctx, RecordType type) {
        auth.require(ctx, Role.WRITER, Role.ADMIN);
        Params.onlyKnown(ctx, java.util.Set.of("source"));
        String source = Params.text(ctx, "source", 41);
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw ApiProblem.badParameter("source", "'source' names the feed (letters, digits, '.', '_', '-'); it becomes part of posting ids.");
        }
        if (ctx.body().isBlank()) {
            throw ApiProblem.badParameter("body", "The body is the feed: one JSON record per line (NDJSON), or a JSON array.");
        }
        FeedImport.Result r = intake.read(type, source, ctx.body());
        intake.writeAll(r.accepted());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("accepted", r.accepted().size());
        report.put("refused", r.refused());
        report.put("lines", r.lines());
        ctx.json(report);
    }

    private static String idOf(Object record) {
        return record instanceof eu.passerelle.model.Training t ? t.id() : ((eu.passerelle.model.Posting) record).id();
    }
}
