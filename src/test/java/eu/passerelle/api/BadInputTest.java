package eu.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.Http;
import eu.passerelle.RawHttp;
import eu.passerelle.TestService;
import eu.passerelle.ingest.RecordValidator;
import eu.passerelle.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad input over the real server: every refusal a 4xx application/problem+json in the caller's terms —
 * never a 5xx, never Jetty's HTML page, never a Java class name or a stack trace — and nothing refused is
 * stored. The sweep at the end sends a table of malformed requests to every route.
 */
class BadInputTest {
    /** What must never reach a client: Java class names, stack frames, library internals. */
    private static final Pattern LEAK = Pattern.compile("eu\\.passerelle|java\\.|javax\\.|jakarta\\.|com\\.fasterxml|org\\.eclipse|io\\.javalin"
            + "|Exception|\\bat [a-z]+\\.|\\.kt\\b|\\.java\\b|<html|<body", Pattern.CASE_INSENSITIVE);
    private static final String JSON = "Content-Type: application/json";

    /** The problem document of a refusal, after checking it is one: 4xx, problem+json, no leak. */
    private static JsonNode problem(RawHttp.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return checkedProblem(r.status(), r.contentType(), r.body());
    }

    private static JsonNode checkedProblem(int status, String contentType, String body) {
        assertThat(contentType).as(body).startsWith("application/problem+json");
        assertThat(LEAK.matcher(body).find()).as("leaks an internal name: " + body).isFalse();
        try {
            JsonNode p = Json.MAPPER.readTree(body);
            assertThat(p.get("status").asInt()).isEqualTo(status);
            assertThat(p.get("title").asText()).isNotBlank();
            assertThat(p.get("detail").asText()).isNotBlank();
            return p;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static RawHttp.Response put(String path, String body) {
        return RawHttp.send("PUT", path, JSON, body, TestService.ADMIN_KEY);
    }

    @Test
    void aPutToAnAddressThatIsNotAnIdIsA400NamingTheId() {
        JsonNode p = problem(put("/api/v1/postings/x-y:z", "{\"title\":\"Animatrice\"}"), 400);
        assertThat(p.get("param").asText()).isEqualTo("id");
        assertThat(p.get("detail").asText()).contains("posting:<source>-<source id>");
        assertThat(problem(put("/api/v1/trainings/Training:X", "{\"title\":\"x\"}"), 400).get("param").asText()).isEqualTo("id");
    }

    @Test
    void aFeedWrapperHoldingNoRecordOrSeveralIsA400() {
        JsonNode empty = problem(put("/api/v1/postings/posting:qa-wrap-1", "{\"resultats\":[]}"), 400);
        assertThat(empty.get("detail").asText()).contains("exactly one posting", "holds 0", "/bulk");
        problem(put("/api/v1/postings/posting:qa-wrap-1", "{\"resultats\":[{\"intitule\":\"a\"},{\"intitule\":\"b\"}]}"), 400);
        assertThat(Http.get("/api/v1/postings/posting:qa-wrap-1").status()).isEqualTo(404);
    }

    @Test
    void aBadPercentEscapeInAnyIdIsA400OnEveryIdRoute() {
        for (String[] route : ID_ROUTES) {
            for (String id : new String[] {"posting:%u2215", "%", "a%zz", "a%0Ab", "%C3%28"}) {
                String path = route[1].replace("{id}", id);
                RawHttp.Response r = RawHttp.send(route[0], path, route[0].equals("PUT") ? JSON : "", route[0].equals("PUT") ? "{}" : null,
                        TestService.ADMIN_KEY);
                assertThat(r.status()).as(route[0] + " " + path + " → " + r.body()).isEqualTo(400);
                checkedProblem(r.status(), r.contentType(), r.body());
            }
        }
    }

    @Test
    void jettysOwnRefusalsAreProblemsToo() {
        byte[] nul = "/api/v1/postings/a\0b".getBytes(StandardCharsets.ISO_8859_1);
        problem(RawHttp.send("GET", nul, "", null, null), 400);
        problem(RawHttp.send("GET", "/api/v1/postings/a%00b", "", null, null), 400);
        byte[] badUtf8 = {'/', 'a', 'p', 'i', '/', 'v', '1', '/', 's', 'k', 'i', 'l', 'l', 's', '/', (byte) 0xff, 'b'};
        problem(RawHttp.send("GET", badUtf8, "", null, null), 400);
        problem(RawHttp.send("GET", "/api/v1/skills/a%ffb", "", null, null), 400);
        JsonNode tooLong = problem(RawHttp.send("GET", "/api/v1/search?q=" + "a".repeat(70_000), "", null, null), 414);
        assertThat(tooLong.get("detail").asText()).contains("64 KiB");
        JsonNode headers = problem(RawHttp.send("GET", "/api/v1/health", "X-Filler: " + "a".repeat(70_000), null, null), 431);
        assertThat(headers.get("detail").asText()).contains("headers");
    }

    @Test
    void aValueOfTheWrongKindIsNamedByItsFieldNotByAJavaClass() {
        JsonNode place = problem(put("/api/v1/postings/posting:qa-kind-1", "{\"title\":\"x\",\"place\":\"Arlon\"}"), 400);
        assertThat(place.get("param").asText()).isEqualTo("place");
        assertThat(place.get("detail").asText()).contains("'place' must be an object with name, lat, lon and country, not text");
        JsonNode lat = problem(put("/api/v1/trainings/training:qa-kind-2", "{\"title\":\"x\",\"places\":[{\"name\":\"Arlon\",\"lat\":\"49.6\",\"lon\":5.8}]}"), 400);
        assertThat(lat.get("param").asText()).isEqualTo("places[0].lat");

        String feed = "{\"id\":\"posting:kindqa-1\",\"title\":\"x\",\"place\":\"Arlon\"}\n{\"id\":\"posting:kindqa-2\",\"title\":\"x\",\"skills\":\"soins\"}\n";
        RawHttp.Response r = RawHttp.send("POST", "/api/v1/postings/bulk?source=kindqa", "Content-Type: application/x-ndjson", feed, TestService.ADMIN_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(LEAK.matcher(r.body()).find()).as(r.body()).isFalse();
        JsonNode report = Http.get("/api/v1/health").json(); // the service still answers
        assertThat(report).isNotNull();
        JsonNode lines = parse(r.body()).get("lines");
        assertThat(lines.get(0).get("field").asText()).isEqualTo("place");
        assertThat(lines.get(1).get("field").asText()).isEqualTo("skills");
        assertThat(lines.get(1).get("error").asText()).contains("'skills' must be a list, not text");
    }

    @Test
    void titlesSentAsNumbersOrBooleansAreRefusedNotCoerced() {
        for (String title : new String[] {"123", "12.5", "true", "[\"a\"]", "{\"fr\":\"a\"}"}) {
            JsonNode p = problem(put("/api/v1/postings/posting:qa-scalar-1", "{\"title\":" + title + "}"), 400);
            assertThat(p.get("param").asText()).isEqualTo("title");
            assertThat(p.get("detail").asText()).contains("'title' must be text");
        }
        JsonNode hours = problem(put("/api/v1/trainings/training:qa-scalar-2", "{\"title\":\"x\",\"hours\":\"35\"}"), 400);
        assertThat(hours.get("detail").asText()).contains("'hours' must be a whole number, not text");
        problem(put("/api/v1/trainings/training:qa-scalar-2", "{\"title\":\"x\",\"hours\":35.5}"), 400);
        assertThat(Http.get("/api/v1/postings/posting:qa-scalar-1").status()).isEqualTo(404);
        assertThat(Http.get("/api/v1/trainings/training:qa-scalar-2").status()).isEqualTo(404);
    }

    @Test
    void nulControlCharactersLoneSurrogatesAndInvalidUtf8AreRefusedNotStored() {
        String id = "posting:qa-text-1";
        assertThat(problem(put("/api/v1/postings/" + id, "{\"title\":\"Anima\\u0000trice\"}"), 400).get("detail").asText())
                .contains("title contains a control character (code 0) at position 6");
        assertThat(problem(put("/api/v1/postings/" + id, "{\"title\":\"x\",\"skills\":[\"ok\",\"\\ud83d\"]}"), 400).get("param").asText())
                .isEqualTo("skills[1]");
        assertThat(problem(put("/api/v1/postings/" + id, "{\"title\":\"x\",\"place\":{\"name\":\"Ar\\u0007lon\",\"lat\":49.6,\"lon\":5.8}}"), 400)
                .get("param").asText()).isEqualTo("place.name");
        byte[] invalid = "{\"title\":\"Anima?trice\"}".getBytes(StandardCharsets.UTF_8);
        invalid[15] = (byte) 0xC3; // a lead byte followed by an ASCII letter: not UTF-8
        JsonNode p = problem(RawHttp.send("PUT", ("/api/v1/postings/" + id).getBytes(StandardCharsets.UTF_8), JSON, invalid, TestService.ADMIN_KEY), 400);
        assertThat(p.get("detail").asText()).contains("not valid UTF-8");
        assertThat(Http.get("/api/v1/postings/" + id).status()).isEqualTo(404);

        // In a feed, undecodable bytes become U+FFFD on the way in: the record is refused, naming the field.
        byte[] feed = "{\"id\":\"posting:textqa-1\",\"title\":\"Anima?trice\"}\n".getBytes(StandardCharsets.UTF_8);
        feed[36] = (byte) 0xFF;
        RawHttp.Response r = RawHttp.send("POST", "/api/v1/postings/bulk?source=textqa".getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/x-ndjson", feed, TestService.ADMIN_KEY);
        assertThat(r.status()).as(r.body()).isLessThan(500);
        assertThat(Http.get("/api/v1/postings/posting:textqa-1").status()).isEqualTo(404);
        // A pair of surrogates is one character (an emoji) and is kept.
        RawHttp.Response emoji = put("/api/v1/postings/posting:qa-text-2", "{\"title\":\"Animatrice \\ud83d\\ude00\"}");
        assertThat(emoji.status()).as(emoji.body()).isEqualTo(201);
        assertThat(Http.get("/api/v1/postings/posting:qa-text-2").json().get("title").asText()).isEqualTo("Animatrice \uD83D\uDE00");
        assertThat(RawHttp.send("DELETE", "/api/v1/postings/posting:qa-text-2", "", null, TestService.ADMIN_KEY).status()).isEqualTo(204);
    }

    @Test
    void theContentTypeOfABodyIsChecked() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", "multipart/form-data"}) {
            JsonNode p = problem(RawHttp.send("PUT", "/api/v1/postings/posting:qa-ct-1", "Content-Type: " + type, "{\"title\":\"x\"}", TestService.ADMIN_KEY), 415);
            assertThat(p.get("param").asText()).isEqualTo("Content-Type");
            assertThat(p.get("detail").asText()).contains("application/json");
        }
        JsonNode bulk = problem(RawHttp.send("POST", "/api/v1/trainings/bulk?source=ctqa", "Content-Type: text/csv", "a,b", TestService.ADMIN_KEY), 415);
        assertThat(bulk.get("detail").asText()).contains("application/x-ndjson", "application/xml");
        problem(RawHttp.send("POST", "/api/v1/match", "Content-Type: text/plain", "{\"profile\":{\"occupations\":[\"AESH\"]}}", null), 415);
        assertThat(Http.get("/api/v1/postings/posting:qa-ct-1").status()).isEqualTo(404);
        // Declared right, or not declared at all (curl --data-binary with -H omitted is read as JSON): accepted.
        RawHttp.Response ok = RawHttp.send("POST", "/api/v1/match", "Content-Type: application/json; charset=UTF-8",
                "{\"profile\":{\"occupations\":[\"AESH\"]},\"limit\":1}", null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }

    @Test
    void listsAndTextsAreCappedAsOpenApiSays() throws IOException {
        StringBuilder skills = new StringBuilder("[");
        for (int i = 0; i <= RecordValidator.MAX_ITEMS; i++) {
            skills.append(i == 0 ? "" : ",").append("\"compétence ").append(i).append('"');
        }
        JsonNode many = problem(put("/api/v1/postings/posting:qa-cap-1", "{\"title\":\"x\",\"skills\":" + skills + "]}"), 400);
        assertThat(many.get("param").asText()).isEqualTo("skills");
        assertThat(many.get("detail").asText()).contains("201 entries", "at most 200");
        JsonNode longText = problem(put("/api/v1/postings/posting:qa-cap-1", "{\"title\":\"x\",\"employer\":\"" + "e".repeat(RecordValidator.MAX_TEXT + 1) + "\"}"), 400);
        assertThat(longText.get("param").asText()).isEqualTo("employer");
        problem(put("/api/v1/postings/posting:qa-cap-1", "{\"title\":\"" + "t".repeat(RecordValidator.MAX_TITLE + 1) + "\"}"), 400);
        assertThat(Http.get("/api/v1/postings/posting:qa-cap-1").status()).isEqualTo(404);

        // openapi.json states the same caps the validator enforces.
        JsonNode schemas = Json.MAPPER.readTree(Http.get("/openapi.json").body()).at("/components/schemas");
        for (String schema : new String[] {"Posting", "Training"}) {
            schemas.get(schema).get("properties").properties().forEach(e -> {
                JsonNode prop = e.getValue();
                if (prop.path("readOnly").asBoolean() || e.getKey().equals("id")) {
                    return;
                }
                if (prop.path("type").asText().equals("array")) {
                    assertThat(prop.path("maxItems").asInt()).as(schema + "." + e.getKey()).isEqualTo(RecordValidator.MAX_ITEMS);
                } else if (prop.path("type").asText().equals("string") && !prop.has("enum") && !prop.has("pattern")) {
                    assertThat(prop.path("maxLength").asInt()).as(schema + "." + e.getKey()).isEqualTo(RecordValidator.maxLength(e.getKey()));
                }
            });
        }
    }

    @Test
    void thePageAndTheWidgetDemoCarryAContentSecurityPolicy() {
        Http.Response page = Http.get("/");
        assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'", "style-src 'self';", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline");
        assertThat(page.body()).as("no inline script the policy would block").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        Http.Response demo = Http.get("/widget-demo.html");
        assertThat(demo.raw().headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe");
        assertThat(demo.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    }

    @Test
    void highlightsEscapeTheStoredTextAroundTheirMarks() {
        String id = "posting:qa-hl-1";
        String title = "Animatrice <img src=x onerror=alert(1)> & \\\"zorglub\\\" xq91";
        RawHttp.Response created = put("/api/v1/postings/" + id, "{\"title\":\"" + title + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        try {
            JsonNode hit = Http.get("/api/v1/search?type=posting&q=" + Http.enc("zorglub xq91")).json().at("/items/0");
            assertThat(hit.get("id").asText()).isEqualTo(id);
            assertThat(hit.get("highlight").asText())
                    .isEqualTo("Animatrice &lt;img src=x onerror=alert(1)&gt; &amp; &quot;<b>zorglub</b>&quot; <b>xq91</b>");
        } finally {
            RawHttp.send("DELETE", "/api/v1/postings/" + id, "", null, TestService.ADMIN_KEY);
        }
    }

    /** The twelve routes that take an id in their path. */
    private static final String[][] ID_ROUTES = {
        {"GET", "/api/v1/occupations/{id}"}, {"GET", "/api/v1/skills/{id}"}, {"GET", "/api/v1/trainings/{id}"}, {"GET", "/api/v1/postings/{id}"},
        {"PUT", "/api/v1/postings/{id}"}, {"DELETE", "/api/v1/postings/{id}"}, {"PUT", "/api/v1/trainings/{id}"}, {"DELETE", "/api/v1/trainings/{id}"},
        {"PUT", "/api/v1/candidates/{id}"}, {"GET", "/api/v1/candidates/{id}"}, {"DELETE", "/api/v1/candidates/{id}"},
        {"GET", "/api/v1/candidates/{id}/matches"},
    };

    /**
     * The sweep: malformed ids on every id route, malformed bodies under several declared types on every
     * route that reads one, malformed query parameters on search and suggest. Whatever the request, the
     * answer is below 500, a refusal is problem+json, and nothing names a Java class.
     */
    @Test
    void noMalformedRequestGetsA5xxANonProblemAnswerOrAClassName() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        String[] ids = {"posting:%u2215", "%", "%zz", "a%0Ab", "%C3%28", "%00", "x-y:z", "..%2F..%2Fetc", "a".repeat(3000),
            "posting:%E2%88%95", "%F0%9F", "rncp:RNCP", "sweep%20qa", "posting:sweep-absent-1"};
        for (String[] route : ID_ROUTES) {
            for (String id : ids) {
                boolean body = route[0].equals("PUT");
                RawHttp.Response r = RawHttp.send(route[0], route[1].replace("{id}", id), body ? JSON : "", body ? "{\"title\":123}" : null,
                        TestService.ADMIN_KEY);
                sent++;
                check(route[0] + " " + route[1] + " id=" + abbreviate(id), r, false, failures);
            }
        }
        String[] bodies = {"", "null", "[]", "123", "\"x\"", "not json", "{", "{\"title\":\"x\",", "{}", "{\"title\":123}", "{\"title\":true}",
            "{\"title\":[\"a\"]}", "{\"title\":null}", "{\"resultats\":[]}", "{\"resultats\":[{},{}]}", "{\"resultats\":\"x\"}",
            "{\"title\":\"x\",\"place\":\"Arlon\",\"places\":\"Arlon\"}", "{\"title\":\"x\",\"place\":{\"lat\":\"a\"},\"places\":[{\"lat\":\"a\"}]}",
            "{\"title\":\"x\",\"skills\":{\"a\":1},\"certifications\":{\"a\":1}}",
            "{\"title\":\"x\",\"occupations\":[null]}", "{\"title\":\"x\",\"provenance\":\"api\"}", "{\"title\":\"a\\u0000\"}",
            "{\"title\":\"\\udc00\"}", "{\"@type\":\"JobPosting\"}", "{\"@type\":\"JobPosting\",\"title\":1,\"identifier\":{}}",
            "{\"profile\":\"x\"}", "{\"profile\":{\"text\":\"a\\u0000\"}}", "{\"profile\":{\"occupations\":[1]}}",
            "{\"profile\":{\"occupations\":[\"AESH\"],\"radiusKm\":\"5\"},\"limit\":\"5\"}",
            "{\"profile\":{\"occupations\":[\"AESH\"],\"countries\":\"BE\"},\"targets\":\"x\"}",
            "{\"profile\":{\"location\":{\"lat\":\"x\"},\"occupations\":[\"AESH\"]}}", "[".repeat(5000), "{\"a\":".repeat(3000),
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><lheo>&e;</lheo>", "<lheo><offres>", "\u00ff\u00fe"};
        String[] types = {"application/json", "text/plain", "application/x-ndjson", "application/xml", null};
        String[][] bodyRoutes = {{"PUT", "/api/v1/postings/posting:sweepqa-1"}, {"PUT", "/api/v1/trainings/training:sweepqa-1"},
            {"PUT", "/api/v1/candidates/sweepqa-1"}, {"POST", "/api/v1/match"}, {"POST", "/api/v1/postings/bulk?source=sweepqa"},
            {"POST", "/api/v1/trainings/bulk?source=sweepqa"}};
        for (String[] route : bodyRoutes) {
            for (String type : types) {
                for (String body : bodies) {
                    RawHttp.Response r = RawHttp.send(route[0], route[1], type == null ? "" : "Content-Type: " + type, body, TestService.ADMIN_KEY);
                    sent++;
                    check(route[0] + " " + route[1] + " [" + type + "] " + abbreviate(body), r, route[1].contains("/bulk"), failures);
                }
            }
        }
        String[] queries = {"q=%", "q=%zz", "q=%00", "q=%C3%28", "q=a&q=b", "limit=abc", "limit=-1", "limit=99999999999", "near=%ff",
            "radiusKm=NaN", "radiusKm=1e309", "type=%E2%88%95", "country=" + "X,".repeat(100), "q=" + "a".repeat(5000), "unknown=1",
            "q=title:(a OR", "q=*:*", "lang=xx", "offset=-5", "type=posting&near=Atlantis"};
        for (String path : new String[] {"/api/v1/search", "/api/v1/suggest"}) {
            for (String q : queries) {
                RawHttp.Response r = RawHttp.send("GET", path + "?" + q, "", null, null);
                sent++;
                check("GET " + path + "?" + abbreviate(q), r, false, failures);
            }
        }
        for (String path : new String[] {"/web/%2e%2e%2fpom.xml", "/web/x%00.js", "/widget.js%00", "/%", "/api/v1/%zz", "/api/v1/health?x=%"}) {
            RawHttp.Response r = RawHttp.send("GET", path, "", null, null);
            sent++;
            check("GET " + path, r, false, failures);
        }
        for (String id : new String[] {"posting:sweepqa-1", "training:sweepqa-1"}) {
            assertThat(Http.get("/api/v1/" + (id.startsWith("posting") ? "postings/" : "trainings/") + id).status()).as(id + " stored").isEqualTo(404);
        }
        assertThat(Http.send(Http.request("/api/v1/candidates/sweepqa-1").GET(), TestService.ADMIN_KEY).status()).isEqualTo(404);
        assertThat(failures).as(failures.size() + " of " + sent + " requests").isEmpty();
        assertThat(sent).isGreaterThan(1_000);
    }

    private static void check(String what, RawHttp.Response r, boolean feed, List<String> failures) {
        String body = r.body();
        if (r.status() >= 500) {
            failures.add(what + " → " + r.status() + " " + abbreviate(body));
        } else if (LEAK.matcher(body).find()) {
            failures.add(what + " → leaks: " + abbreviate(body));
        } else if (r.status() >= 400 && !r.contentType().startsWith("application/problem+json")) {
            failures.add(what + " → " + r.status() + " as " + r.contentType());
        } else if (r.status() < 300 && !what.startsWith("GET") && !(feed && parse(body).path("accepted").asInt(-1) == 0) && !what.contains("/match")) {
            // A write must refuse every malformed body; a read may answer a lenient 200 (a stray % in a query).
            failures.add(what + " → accepted: " + r.status() + " " + abbreviate(body));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.MAPPER.nullNode();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
