package eu.passerelle.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Collection;
import java.util.Map;

/**
 * Turns a partner's JSON object into a posting or training, strictly: a title sent as 123 or true is
 * refused, not stored as "123" (a number where text belongs is a feed bug the partner should hear about).
 * What Jackson says when a value has the wrong shape names Java classes; here it becomes the field and
 * what the field takes, in the words of the API reference.
 */
public final class JsonBinding {
    /** A record that cannot be read: which field and why, in the user's terms. */
    public static final class Refused extends IllegalArgumentException {
        private final String field;

        Refused(String field, String detail) {
            super(detail);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static final ObjectMapper STRICT = strict();

    private JsonBinding() {
    }

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Reads {@code node} as a {@code type}, or throws {@link Refused} naming the field. */
    public static <T> T read(JsonNode node, Class<T> type) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (ValueInstantiationException e) {
            throw new Refused(path(e), "'" + path(e) + "' cannot be read");
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw new Refused(field, "'" + field + "' must be " + expected(e.getTargetType()) + shown(node, e));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new Refused(field, "'" + field + "' has a value of the wrong kind");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Refused("body", "the record is not valid JSON");
        }
    }

    /** "place.lat", "skills[2]": the JSON path of the value that failed, as the API reference names it. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    /** What the field takes, in the API's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord()) {
            StringBuilder fields = new StringBuilder();
            var components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                fields.append(i == 0 ? "" : i == components.length - 1 ? " and " : ", ").append(components[i].getName());
            }
            return "an object with " + fields;
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "of another kind";
    }

    /** ", not a number": what was sent instead, when the path leads to it. */
    private static String shown(JsonNode root, JsonMappingException e) {
        JsonNode n = root;
        for (JsonMappingException.Reference r : e.getPath()) {
            if (n == null) {
                return "";
            }
            n = r.getFieldName() != null ? n.get(r.getFieldName()) : n.get(r.getIndex());
        }
        if (n == null || n == root) {
            return "";
        }
        String sent = switch (n.getNodeType()) {
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "";
        };
        return sent.isEmpty() ? "" : ", not " + sent;
    }
}
