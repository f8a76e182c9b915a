package eu.passerelle.api;

import eu.passerelle.model.RecordType;
import eu.passerelle.search.RecordService;
import eu.passerelle.search.StatusService;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** {@code GET /api/v1/{occupations,skills,trainings,postings}/{id}} and {@code GET /api/v1/health}. */
final class RecordController {
    private static final Pattern ID = Pattern.compile("[a-z]+:[A-Za-z0-9._-]{1,200}");

    private final RecordService records;
    private final StatusService status;

    RecordController(RecordService records, StatusService status) {
        this.records = records;
        this.status = status;
    }

    void health(Context ctx) {
        ctx.json(status.status());
    }

    void get(Context ctx, RecordType type) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw ApiProblem.badParameter("id", "'" + id + "' is not an id of the form scheme:code (e.g. rome:K2113).");
        }
        ctx.json(records.find(type, id, SearchController.lang(ctx)).orElseThrow(() -> ApiProblem.notFound("No " + type.wireName() + " with id '" + id + "'.")));
    }
}
