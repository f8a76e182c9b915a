package eu.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.passerelle.Http;
import eu.passerelle.TestService;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** openapi.json is written by hand (no generator for Javalin 7), so these tests keep it true. */
class OpenApiTest {
    private static final JsonNode DOC = Http.get("/openapi.json").json();

    @Test
    void everyRegisteredRouteIsDocumentedWithItsMethod() {
        Javalin app = AppFactory.create(TestService.passerelle());
        List<String> missing = new ArrayList<>();
        app.unsafe.internalRouter.allHttpHandlers().forEach(e -> {
            HandlerType method = e.endpoint.method;
            if (method == HandlerType.HEAD || method == HandlerType.OPTIONS || method.isHttpMethod() == false) {
                return;
            }
            JsonNode path = DOC.at("/paths").get(e.endpoint.path);
            if (path == null || path.get(method.name().toLowerCase(Locale.ROOT)) == null) {
                missing.add(method + " " + e.endpoint.path);
            }
        });
        assertThat(missing).as("routes missing from openapi.json").isEmpty();
        assertThat(DOC.at("/paths").size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyDocumentedExampleHasTheShapeOfARealAnswer() {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = DOC.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get == null || !get.has("x-passerelle-example-request")) {
                continue;
            }
            JsonNode example = get.at("/responses/200/content/application~1json/example");
            Http.Response real = Http.get(get.get("x-passerelle-example-request").asText());
            assertThat(real.status()).as(path.getKey()).isEqualTo(200);
            assertShape(path.getKey(), example, real.json());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
    }

    @Test
    void theDocumentIsOpenApi3AndNamesItsSources() {
        assertThat(DOC.get("openapi").asText()).startsWith("3.");
        assertThat(DOC.at("/info/description").asText()).contains("ROME 4.0", "ESCO", "Compétent", "GeoNames");
    }

    @Test
    void everyParameterHasAnExampleAndEveryResultFieldSaysWhatItIs() {
        List<String> missing = new ArrayList<>();
        DOC.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            op.getValue().path("parameters").forEach(p -> {
                JsonNode param = p.has("$ref") ? DOC.at(p.get("$ref").asText().substring(1)) : p;
                if (!param.has("example") && !param.has("examples")) {
                    missing.add("example of " + op.getKey() + " " + path.getKey() + " " + param.path("name").asText());
                }
            });
        }));
        DOC.at("/components/schemas").fields().forEachRemaining(schema -> undescribed(schema.getKey(), schema.getValue(), missing));
        assertThat(missing).isEmpty();
        assertThat(DOC.at("/components/schemas/Item/properties/score/description").asText()).contains("orders the results of one query");
        for (String field : List.of("postedAt", "workingTime", "url", "labelLang", "equivalents")) {
            assertThat(DOC.at("/components/schemas/Item/properties/" + field).isObject()).as(field).isTrue();
        }
        assertThat(DOC.at("/components/schemas/Explanation/properties/reasonCodes").isObject()).isTrue();
        assertThat(DOC.at("/info/description").asText()).contains("PASSERELLE_CORS_ORIGINS", "/docs", "lang");
    }

    private static void undescribed(String where, JsonNode schema, List<String> missing) {
        schema.path("properties").fields().forEachRemaining(p -> {
            if (!p.getValue().has("description")) {
                missing.add("description of " + where + "." + p.getKey());
            }
            undescribed(where + "." + p.getKey(), p.getValue(), missing);
        });
        if (schema.has("items")) {
            undescribed(where + "[]", schema.get("items"), missing);
        }
        schema.path("allOf").forEach(part -> undescribed(where, part, missing));
    }

    @Test
    void theReferenceAtDocsLoadsWithEverythingItNeedsFromTheServiceItself() {
        Http.Response page = Http.get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        List<String> assets = new ArrayList<>();
        while (refs.find()) {
            assets.add(refs.group(1));
        }
        // Nothing from another host: the reference works without a CDN.
        assertThat(assets).contains("/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/docs/docs.js").allMatch(a -> a.startsWith("/"));
        for (String asset : assets) {
            Http.Response r = Http.get(asset);
            assertThat(r.status()).as(asset).isEqualTo(200);
            assertThat(r.body()).as(asset).isNotEmpty();
        }
        assertThat(Http.get("/docs/swagger-ui-bundle.js").body()).hasSizeGreaterThan(100_000).contains("SwaggerUIBundle");
        assertThat(Http.get("/docs/docs.js").body()).contains("/openapi.json", "SwaggerUIBundle(");
        Http.Response other = Http.get("/docs/" + Http.enc("..%2Fopenapi.json"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(Http.get("/docs/index.css").status()).as("only the files the page uses").isEqualTo(404);
    }

    /** Every key of the example exists in the real answer, recursively (arrays: first element). */
    private static void assertShape(String where, JsonNode example, JsonNode real) {
        if (example.isObject()) {
            assertThat(real.isObject()).as(where + " is an object").isTrue();
            example.fieldNames().forEachRemaining(k -> {
                if (example.get(k).isValueNode() && example.get(k).asText().equals("...")) {
                    return;
                }
                assertThat(real.has(k)).as(where + "." + k + " in the real answer").isTrue();
                if (!isMapOfCounts(k)) {
                    assertShape(where + "." + k, example.get(k), real.get(k));
                }
            });
        } else if (example.isArray() && !example.isEmpty()) {
            assertThat(real.isArray()).as(where + " is an array").isTrue();
            assertThat(real.size()).as(where + " is not empty").isPositive();
            assertShape(where + "[0]", example.get(0), real.get(0));
        }
    }

    private static boolean isMapOfCounts(String key) {
        return key.equals("counts") || key.equals("facets");
    }
}
