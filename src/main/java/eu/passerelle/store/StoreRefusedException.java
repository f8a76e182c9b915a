package eu.passerelle.store;

/**
 * The store found at start is not one to serve from (empty, damaged, or its log lost after an unclean
 * stop). It is never replaced silently: the operator restores a backup or starts over on purpose.
 */
public final class StoreRefusedException extends StoreException {
    public StoreRefusedException(String problem) {
        super("refusing to start: " + problem + ". Restore a backup (stop the service, copy the backup over passerelle.db, "
                + "remove passerelle.db-wal and passerelle.db-shm, start again), or start with --force-first-start to move "
                + "the damaged files aside and import the reference data into a new store.", null);
    }
}
