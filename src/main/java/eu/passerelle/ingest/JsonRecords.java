package eu.passerelle.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.passerelle.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Hands the records of a JSON feed over one at a time, never holding more than one record: a JSON array, an
 * envelope whose records are in an array field ({@code resultats}, {@code results}, {@code records},
 * {@code @graph}), a single object, or JSON Lines. A feed of a million records is read in the memory of one.
 */
final class JsonRecords {
    /** The array fields feeds wrap their records in: France Travail, Opendatasoft v2.1 / v1 and v2.0, JSON-LD. */
    static final Set<String> ENVELOPES = Set.of("resultats", "results", "records", "@graph");

    /** Where the records go: each with its position (line of JSON Lines, else rank in the feed). */
    interface Handler {
        void record(int position, JsonNode node);

        /** A record that cannot be read as JSON (in a document, the last one: nothing after it is read). */
        void broken(int position, String error);
    }

    private JsonRecords() {
    }

    /** JSON Lines: a line that does not parse is refused and the next line is read as usual. */
    static void lines(Reader in, Handler handler) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                handler.broken(number, "not valid JSON: " + firstLine(e.getOriginalMessage()));
                continue;
            }
            handler.record(number, node);
        }
    }

    /**
     * One JSON document (or several one after the other). Records are counted from 1 in the order they come;
     * a syntax error ends the reading, since nothing after it can be trusted, and is reported at the record
     * where it was found (a feed cut short says so).
     */
    static void document(Reader in, Handler handler) throws IOException {
        int[] position = {0};
        try (JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            try {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    switch (t) {
                        case START_ARRAY -> elements(p, handler, position);
                        case START_OBJECT -> object(p, handler, position);
                        default -> handler.broken(++position[0], "not a JSON object");
                    }
                }
            } catch (JsonEOFException e) {
                handler.broken(position[0] + 1, "the feed ends in the middle of a record (cut short?)");
            } catch (JsonProcessingException e) {
                handler.broken(position[0] + 1, "not valid JSON: " + firstLine(e.getOriginalMessage()));
            }
        }
    }

    /** The elements of the array the parser is at, each read as one tree. */
    private static void elements(JsonParser p, Handler handler, int[] position) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new JsonEOFException(p, null, "end of input inside an array");
            }
            JsonNode node = Json.MAPPER.readTree(p);
            handler.record(++position[0], node);
        }
    }

    /**
     * An object: an envelope when one of its fields is an array of records (streamed as they come), else a
     * record itself. Its other fields (counts, links) are small and kept until the end.
     */
    private static void object(JsonParser p, Handler handler, int[] position) throws IOException {
        ObjectNode rest = Json.MAPPER.createObjectNode();
        boolean envelope = false;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t == null) {
                throw new JsonEOFException(p, null, "end of input inside an object");
            }
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && ENVELOPES.contains(name) && !envelope) {
                envelope = true;
                elements(p, handler, position);
            } else {
                JsonNode node = Json.MAPPER.readTree(p);
                rest.set(name, node);
            }
        }
        if (!envelope) {
            handler.record(++position[0], rest);
        }
    }

    /** Every record of a feed held in memory, read by {@code reader} (the readers' own entry points, tests). */
    static <T> List<FeedResult<T>> collect(String content, BiFunction<Integer, JsonNode, FeedResult<T>> reader) {
        List<FeedResult<T>> out = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void record(int position, JsonNode node) {
                out.add(reader.apply(position, node));
            }

            @Override
            public void broken(int position, String error) {
                out.add(FeedResult.refused(position, error));
            }
        };
        try {
            if (FeedImport.jsonLines(content)) {
                lines(new StringReader(content), handler);
            } else {
                document(new StringReader(content), handler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string cannot fail to be read
        }
        return out;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
