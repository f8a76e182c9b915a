package eu.passerelle.index;

/** The index is being rebuilt after damage was found: searches cannot be answered until it is back. */
public final class IndexUnavailableException extends RuntimeException {
    public IndexUnavailableException() {
        super("The search index is being rebuilt after damage was found; try again in a minute.");
    }
}
