package eu.passerelle.model;

/**
 * Where a record comes from, so a reader can tell a fact from a seed article, a row of open data, an
 * illustrative example and a synthetic demo record apart.
 *
 * @param source    short source name: "rome", "esco", "competent", "onisep", "seed", "feed:...", "synthetic"
 * @param reference the file, URL or article the facts were taken from
 * @param example   true when the record illustrates a shape and states no real fact
 * @param synthetic true for generated demo / benchmark records
 */
public record Provenance(String source, String reference, boolean example, boolean synthetic) {
    public Provenance {
        source = Nulls.s(source); reference = Nulls.s(reference);
    }

    public static Provenance of(String source, String reference) {
        return new Provenance(source, reference, false, false);
    }
}
