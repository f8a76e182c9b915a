package eu.passerelle.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** JSON Lines (NDJSON): one JSON record per line, the other way feeds come besides one JSON document. */
final class JsonLines {
    private JsonLines() {
    }

    /** A first line that closes an object and a next one that opens another: records one per line. */
    static boolean looksLike(String trimmed) {
        int newline = trimmed.indexOf('\n');
        return newline > 0 && trimmed.substring(0, newline).strip().endsWith("}") && trimmed.substring(newline).strip().startsWith("{");
    }

    /** Each non-blank line read by {@code line} with its 1-based number, so a refusal names the line. */
    static <T> List<FeedResult<T>> read(String content, BiFunction<Integer, String, FeedResult<T>> line) {
        List<FeedResult<T>> out = new ArrayList<>();
        String[] lines = content.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                out.add(line.apply(i + 1, lines[i]));
            }
        }
        return out;
    }
}
