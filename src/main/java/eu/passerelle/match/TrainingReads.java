package eu.passerelle.match;

import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import eu.passerelle.search.SearchService;
import eu.passerelle.store.Store;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The training records a match reads (pathways, training ranking and the answer's steps look at the same trainings
 * through many occupations), each read from the store once per searcher version and shared by the matches that
 * version answers: reading them from SQLite on every request was a twentieth of a match's CPU. A written training is
 * stored before the refresh that shows it moves the version, so a match never sees an older training than the
 * searcher it ranks with shows; the answer cache ({@link MatchService}) rests on the same version.
 */
final class TrainingReads {
    /** Enough for every training of the shipped data (6,092); past it, reads go to the store. */
    static final int MAX_SHARED = 20_000;
    private final Store store;
    private final Map<String, Optional<Training>> read;

    private TrainingReads(Store store, Map<String, Optional<Training>> read) {
        this.store = store;
        this.read = read;
    }

    /** The training, or null when the store has none with this id. */
    Training get(String id) {
        Optional<Training> t = read.get(id);
        if (t == null) {
            t = store.records().find(RecordType.TRAINING, id, Training.class);
            if (read.size() < MAX_SHARED) {
                read.putIfAbsent(id, t);
            }
        }
        return t.orElse(null);
    }

    /** The reads of the searcher answering now, for one request. */
    static final class PerVersion {
        private record Memo(long searcherVersion, Map<String, Optional<Training>> read) {
        }

        private final Store store;
        private final SearchService search;
        private volatile Memo memo = new Memo(-1, new ConcurrentHashMap<>());

        PerVersion(Store store, SearchService search) {
            this.store = store;
            this.search = search;
        }

        /** Created after reading the version, so never filled from an older searcher's store. */
        TrainingReads forRequest() {
            long version = search.searcherVersion();
            Memo m = memo;
            if (m.searcherVersion() != version) {
                m = new Memo(version, new ConcurrentHashMap<>());
                memo = m;
            }
            return new TrainingReads(store, m.read());
        }
    }
}
