package eu.passerelle.ingest;

/**
 * What a feed reader made of one record: the record, or why it was refused. A bad record never stops the
 * others; the caller reports each refusal with its position.
 *
 * @param position 1-based line (NDJSON) or array index + 1 (JSON)
 */
public record FeedResult<T>(int position, T record, String error) {
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
