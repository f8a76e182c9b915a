package eu.passerelle.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What every request must satisfy before a route reads it, each refusal a 4xx in the caller's terms: the
 * address's %-escapes (Javalin would fail decoding a path parameter such as {@code posting:%u2215} with a
 * 500), the body's declared type (a form post or text/plain is not JSON), and the body's bytes being UTF-8.
 */
final class RequestChecks {
    /** What a single record or a match request may be sent as. */
    static final List<String> JSON = List.of("application/json", "application/ld+json");
    /** What a feed may be sent as: JSON, JSON Lines / NDJSON, LHÉO XML. */
    static final List<String> FEEDS = List.of("application/json", "application/ld+json", "application/x-ndjson", "application/jsonl",
            "application/json-lines", "application/xml", "text/xml");

    private RequestChecks() {
    }

    /** Before any route: the raw path's escapes decode to UTF-8 text without control characters. */
    static void address(Context ctx) {
        String raw = ctx.req().getRequestURI();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c < 0x80 ? c : '?'); // Jetty has already refused raw non-ASCII; keep the length honest
                continue;
            }
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                throw new ApiProblem(400, "Malformed address", "The address has a '%' at position " + (i + 1)
                        + " that is not followed by two hexadecimal digits; write a literal % as %25.", "path");
            }
            bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
            i += 2;
        }
        String path = utf8(bytes.toByteArray(), "path", "The address");
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                throw new ApiProblem(400, "Malformed address", "The address contains a control character (code " + (int) path.charAt(i) + ").", "path");
            }
        }
    }

    /**
     * Before a PUT or POST: a body declared as something the route reads (a missing Content-Type is read
     * as the route's usual type, for curl users), and for single records and match requests valid UTF-8
     * (feeds are streamed and checked record by record, where undecodable bytes are refused per field).
     */
    static void body(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("PUT") && !method.equals("POST")) {
            return;
        }
        boolean feed = ctx.path().endsWith("/bulk");
        List<String> accepted = feed ? FEEDS : JSON;
        String declared = ctx.header("Content-Type");
        if (declared != null && !declared.isBlank()) {
            String[] parts = declared.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!accepted.contains(type)) {
                throw new ApiProblem(415, "Unsupported media type", "The body is declared as '" + abbreviate(type) + "'; this address reads "
                        + String.join(", ", accepted) + ".", "Content-Type");
            }
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")
                        && !kv[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
                    throw new ApiProblem(415, "Unsupported media type", "The body is declared in '" + abbreviate(kv[1].strip())
                            + "'; bodies are read as UTF-8 only (" + String.join(", ", accepted) + ").", "Content-Type");
                }
            }
        }
        if (!feed) {
            utf8(ctx.bodyAsBytes(), "body", "The body");
        }
    }

    private static String utf8(byte[] bytes, String param, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badParameter(param, what + " holds bytes that are not valid UTF-8; send text encoded as UTF-8.");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
