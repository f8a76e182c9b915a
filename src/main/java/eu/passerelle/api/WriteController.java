package eu.passerelle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.passerelle.config.Role;
import eu.passerelle.ingest.FeedImport;
import eu.passerelle.ingest.RecordValidator;
import eu.passerelle.match.FeedIntake;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Json;
import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes of postings and trainings (role writer or admin): PUT upserts one record, DELETE removes it, POST
 * .../bulk takes a feed (NDJSON or a JSON array) and answers line by line. The answer comes once the record
 * is in the store and searchable. Posts without an occupation code are classified on the way in (FeedIntake).
 */
final class WriteController {
    /**
     * The largest feed taken over HTTP: 512 MiB, about 250,000 postings of 2 KB, read as a stream in constant
     * memory. Other routes keep the 1 MiB limit. Larger feeds go through the import command.
     */
    static final long MAX_BULK_BYTES = 512L << 20;
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
        texts(body, "");
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

    /**
     * A feed streamed in and its report streamed out, in constant memory whatever the size: records are
     * written in batches as they are read, and the report lines are spooled to a temporary file until the
     * counts that come first in the answer are known. Over {@link #MAX_BULK_BYTES} the answer is a 413;
     * the batches already written by then stay written (each is whole), the rest is not read.
     */
    void bulk(Context ctx, RecordType type) throws IOException {
        auth.require(ctx, Role.WRITER, Role.ADMIN);
        Params.onlyKnown(ctx, java.util.Set.of("source"));
        String source = Params.text(ctx, "source", 41);
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw ApiProblem.badParameter("source", "'source' names the feed (letters, digits, '.', '_', '-'); it becomes part of posting ids.");
        }
        if (ctx.req().getContentLengthLong() > MAX_BULK_BYTES) {
            throw tooLarge();
        }
        BufferedInputStream body = new BufferedInputStream(new Limited(ctx.bodyInputStream(), MAX_BULK_BYTES), 1 << 16);
        if (blank(body)) {
            throw ApiProblem.badParameter("body", "The body is the feed: one JSON record per line (NDJSON), or a JSON array.");
        }
        Path spool = Files.createTempFile("passerelle-bulk-", ".json");
        FeedIntake.Summary summary;
        try {
            try (Writer lines = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                boolean[] first = {true};
                summary = intake.importFeed(type, source, body, line -> {
                    try {
                        lines.write(first[0] ? "" : ",");
                        lines.write(Json.MAPPER.writeValueAsString(line));
                        first[0] = false;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            InputStream report = Files.newInputStream(spool);
            ctx.contentType("application/json").result(new SequenceInputStream(java.util.Collections.enumeration(List.of(
                    new ByteArrayInputStream(("{\"accepted\":" + summary.accepted() + ",\"refused\":" + summary.refused() + ",\"lines\":[")
                            .getBytes(StandardCharsets.UTF_8)),
                    report, new ByteArrayInputStream("]}".getBytes(StandardCharsets.UTF_8))))));
        } finally {
            // Unlinked now: the open stream still reads it, and nothing is left behind if the answer is never sent.
            Files.deleteIfExists(spool);
        }
    }

    /** Whether the stream holds nothing but white space before its end (it is left where it was). */
    private static boolean blank(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        try {
            for (int i = 0, b = in.read(); i < 1 << 16; i++, b = in.read()) {
                if (b < 0) {
                    return true;
                }
                if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(413, "Payload too large", "A bulk feed is at most " + (MAX_BULK_BYTES >> 20)
                + " MiB; split it, or import it with the command line (no size limit).", null);
    }

    /** Counts the bytes read and stops at the limit, whatever the request said its length was. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge();
            }
        }
    }

    /**
     * Every text in the body, before the body is handed on as UTF-8 bytes: a lone surrogate sent as a
     * escape (backslash-u d83d) would otherwise become '?' on the way and be stored as if the partner had written it.
     */
    private static void texts(JsonNode node, String path) {
        if (node.isTextual()) {
            RecordValidator.characters(node.textValue()).ifPresent(why -> {
                throw ApiProblem.badParameter(path, "The record was refused: " + path + " " + why + ".");
            });
        } else if (node.isObject()) {
            node.properties().forEach(e -> texts(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                texts(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static String idOf(Object record) {
        return record instanceof eu.passerelle.model.Training t ? t.id() : ((eu.passerelle.model.Posting) record).id();
    }
}
