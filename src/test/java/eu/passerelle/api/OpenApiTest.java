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
