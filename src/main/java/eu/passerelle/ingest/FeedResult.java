package eu.passerelle.ingest;

/**
 * What a feed reader made of one record: the record, or why it was refused. A bad record never stops the
 * others; the caller reports each refusal with its position.
 *
 * @param position 1-based line (NDJSON) or array index + 1 (JSON)
 * @param field    the field a refusal is about, when it is about one
 */
public record FeedResult<T>(int position, T record, String error, String field) {
    public FeedResult(int position, T record, String error) {
        this(position, record, error, null);
    }

    /** Refused because of one field, named so the report line and a PUT's 400 can say which. */
    public static <T> FeedResult<T> refused(int position, String field, String error) {
        return new FeedResult<>(position, null, error, field);
    }

    public static <T> FeedResult<T> ok(int position, T record) {
        return new FeedResult<>(position, record, null);
    }

    public static <T> FeedResult<T> refused(int position, String error) {
        return new FeedResult<>(position, null, error);
    }

    public boolean accepted() {
        return record != null;
    }
}
