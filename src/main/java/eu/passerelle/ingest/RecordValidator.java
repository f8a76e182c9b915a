package eu.passerelle.ingest;

import eu.passerelle.model.PlaceRef;
import eu.passerelle.model.Posting;
import eu.passerelle.model.Provenance;
import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a training or posting written through the API, a feed or the import command must satisfy; the
 * message names the field. The caps on text lengths and list sizes live here and nowhere else (openapi.json
 * states them, and a test holds the two together): a record too big to be useful is refused rather than
 * stored and served in every search hit.
 */
public final class RecordValidator {
    public static final Pattern POSTING_ID = Pattern.compile("posting:[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    public static final Pattern TRAINING_ID = Pattern.compile("(training:[a-z0-9][a-z0-9._-]{0,120}|rncp:RNCP\\d{1,6})");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** Titles are shown whole in every hit. */
    public static final int MAX_TITLE = 300;
    /** The ad or course text. */
    public static final int MAX_DESCRIPTION = 50_000;
    public static final int MAX_URL = 2_000;
    /** Any other text: a name, a place, a skill label, a contract, a date. */
    public static final int MAX_TEXT = 1_000;
    /** Any list: skills, occupations, certifications, places, providers, domains. */
    public static final int MAX_ITEMS = 200;

    /** A field and what is wrong with it. */
    public record Problem(String field, String detail) {
    }

    private RecordValidator() {
    }

    /** The longest text a field may hold (a nested field such as place.name counts as any other text). */
    public static int maxLength(String field) {
        return switch (field) {
            case "title" -> MAX_TITLE;
            case "description" -> MAX_DESCRIPTION;
            case "url" -> MAX_URL;
            default -> MAX_TEXT;
        };
    }

    /** Why {@code id} cannot name a record of this type, if it cannot. */
    public static Optional<Problem> id(RecordType type, String id) {
        if (type == RecordType.POSTING && (id == null || !POSTING_ID.matcher(id).matches())) {
            return Optional.of(new Problem("id", "a posting id is posting:<source>-<source id> (letters, digits, '.', '_', '-'; at most 129 characters)"));
        }
        if (type == RecordType.TRAINING && (id == null || !TRAINING_ID.matcher(id).matches())) {
            return Optional.of(new Problem("id", "a training id is training:<slug> (lower-case letters, digits, '.', '_', '-') or rncp:RNCP<digits>"));
        }
        return Optional.empty();
    }

    public static Optional<Problem> posting(Posting p) {
        Optional<Problem> id = id(RecordType.POSTING, p.id());
        if (id.isPresent()) {
            return id;
        }
        if (p.title().isBlank()) {
            return Optional.of(new Problem("title", "title is required"));
        }
        Optional<Problem> text = texts(p, "");
        if (text.isPresent()) {
            return text;
        }
        if (!p.country().isEmpty() && !COUNTRY.matcher(p.country()).matches()) {
            return Optional.of(new Problem("country", "country is an ISO two-letter code such as FR, BE, LU"));
        }
        return place(p.place(), "place");
    }

    public static Optional<Problem> training(Training t) {
        Optional<Problem> id = id(RecordType.TRAINING, t.id());
        if (id.isPresent()) {
            return id;
        }
        if (t.title().isBlank()) {
            return Optional.of(new Problem("title", "title is required"));
        }
        Optional<Problem> text = texts(t, "");
        if (text.isPresent()) {
            return text;
        }
        if (t.hours() != null && (t.hours() < 0 || t.hours() > 20_000)) {
            return Optional.of(new Problem("hours", "hours must be between 0 and 20,000"));
        }
        if (!t.modality().isEmpty() && !t.modality().matches("presentiel|hybride|distance")) {
            return Optional.of(new Problem("modality", "modality is presentiel, hybride or distance"));
        }
        if (!t.country().isEmpty() && !COUNTRY.matcher(t.country()).matches()) {
            return Optional.of(new Problem("country", "country is an ISO two-letter code such as FR, BE, LU"));
        }
        for (int i = 0; i < t.places().size(); i++) {
            Optional<Problem> p = place(t.places().get(i), "places[" + i + "]");
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> place(PlaceRef p, String field) {
        if (p != null && (Math.abs(p.lat()) > 90 || Math.abs(p.lon()) > 180)) {
            return Optional.of(new Problem(field, "lat must be within ±90 and lon within ±180"));
        }
        return Optional.empty();
    }

    /**
     * Every text and list of a record, nested records included, against the caps and the characters text
     * may hold. Walks the record's components, so a field added to a record is checked without anyone
     * remembering to.
     */
    private static Optional<Problem> texts(Record r, String prefix) {
        for (RecordComponent c : COMPONENTS.get(r.getClass())) {
            Object value;
            try {
                value = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
            // The field's name is only spelt out for a problem: every record of a feed comes through here.
            Optional<Problem> p = switch (value) {
                case String s -> fine(c.getName(), s) ? Optional.empty() : text(prefix + c.getName(), c.getName(), s);
                case List<?> list -> list(prefix + c.getName(), c.getName(), list);
                case Record nested -> texts(nested, prefix + c.getName() + ".");
                case null, default -> Optional.empty();
            };
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> list(String field, String name, List<?> list) {
        if (list.size() > MAX_ITEMS) {
            return Optional.of(new Problem(field, field + " has " + list.size() + " entries; at most " + MAX_ITEMS + " are accepted"));
        }
        for (int i = 0; i < list.size(); i++) {
            Optional<Problem> p = switch (list.get(i)) {
                case String s -> fine(name, s) ? Optional.empty() : text(field + "[" + i + "]", name, s);
                case Record nested -> texts(nested, field + "[" + i + "].");
                case null, default -> Optional.empty();
            };
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static boolean fine(String name, String s) {
        return s.length() <= maxLength(name) && characters(s).isEmpty();
    }

    /**
     * A text field: within its cap, and only characters a person wrote. NUL and other control characters,
     * lone surrogates (half of an emoji) and U+FFFD (what undecodable UTF-8 bytes become on the way in)
     * are refused, so a damaged feed is told, not stored.
     */
    static Optional<Problem> text(String field, String name, String s) {
        int max = maxLength(name);
        if (s.length() > max) {
            return Optional.of(new Problem(field, field + " is " + s.length() + " characters long; at most " + max + " are accepted"));
        }
        return characters(s).map(why -> new Problem(field, field + " " + why));
    }

    /**
     * What is wrong with the characters of a text a person sent, if anything: "contains a control
     * character (code 0) at position 2". Tab, line feed and carriage return are text.
     */
    public static Optional<String> characters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\t' || ch == '\n' || ch == '\r') {
                continue;
            }
            if (Character.isISOControl(ch)) {
                return Optional.of("contains a control character (code " + (int) ch + ") at position " + (i + 1));
            }
            if (ch == '\uFFFD') {
                return Optional.of("contains bytes that are not valid UTF-8 (or the replacement character U+FFFD) at position " + (i + 1));
            }
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return Optional.of("contains half of a character (a lone UTF-16 surrogate) at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent c : components) {
                c.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    /** Records written through the API say so when they do not say where they come from. */
    public static Provenance provenanceOr(Provenance given, String writer) {
        return given != null && !given.source().isEmpty() ? given : new Provenance("api", "written through the API by a " + writer + " key", false, false);
    }
}
