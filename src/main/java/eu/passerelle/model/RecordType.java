package eu.passerelle.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four kinds of record Passerelle serves; the wire name is the lower-case name. */
public enum RecordType {
    OCCUPATION("occupations"), SKILL("skills"), TRAINING("trainings"), POSTING("postings");

    private final String collection;

    RecordType(String collection) {
        this.collection = collection;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The path segment of the record endpoints, e.g. {@code /api/v1/occupations/{id}}. */
    public String collection() {
        return collection;
    }

    public static Optional<RecordType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
