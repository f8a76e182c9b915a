package eu.passerelle.store;

/** A failure of the store itself (disk, corruption, SQL), as opposed to a missing record. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
