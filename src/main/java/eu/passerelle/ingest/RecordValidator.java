package eu.passerelle.ingest;

import eu.passerelle.model.PlaceRef;
import eu.passerelle.model.Posting;
import eu.passerelle.model.Provenance;
import eu.passerelle.model.Training;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a training or posting written through the API must satisfy; the message names the field. */
public final class RecordValidator {
    public static final Pattern POSTING_ID = Pattern.compile("posting:[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    public static final Pattern TRAINING_ID = Pattern.compile("(training:[a-z0-9][a-z0-9._-]{0,120}|rncp:RNCP\\d{1,6})");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** A field and what is wrong with it. */
    public record Problem(String field, String detail) {
    }

    private RecordValidator() {
    }

    public static Optional<Problem> posting(Posting p) {
        if (p.id() == null || !POSTING_ID.matcher(p.id()).matches()) {
            return Optional.of(new Problem("id", "a posting id is posting:<source>-<source id> (letters, digits, '.', '_', '-')"));
        }
        if (p.title().isBlank() || p.title().length() > 300) {
            return Optional.of(new Problem("title", "title is required, at most 300 characters"));
        }
        if (p.description().length() > 50_000) {
            return Optional.of(new Problem("description", "description is at most 50,000 characters"));
        }
        if (!p.country().isEmpty() && !COUNTRY.matcher(p.country()).matches()) {
            return Optional.of(new Problem("country", "country is an ISO two-letter code such as FR, BE, LU"));
        }
        return place(p.place(), "place");
    }

    public static Optional<Problem> training(Training t) {
        if (t.id() == null || !TRAINING_ID.matcher(t.id()).matches()) {
            return Optional.of(new Problem("id", "a training id is training:<slug> (lower-case letters, digits, '.', '_', '-') or rncp:RNCP<digits>"));
        }
        if (t.title().isBlank() || t.title().length() > 300) {
            return Optional.of(new Problem("title", "title is required, at most 300 characters"));
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

    /** Records written through the API say so when they do not say where they come from. */
    public static Provenance provenanceOr(Provenance given, String writer) {
        return given != null && !given.source().isEmpty() ? given : new Provenance("api", "written through the API by a " + writer + " key", false, false);
    }
}
