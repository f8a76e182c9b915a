package eu.passerelle.match;

import eu.passerelle.model.RecordType;
import eu.passerelle.model.Training;
import eu.passerelle.store.Store;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The training records one match reads, each read from the store once: pathways, training ranking and the
 * answer's steps look at the same trainings through many occupations. Lives for one request, so a write is
 * seen by the next match.
 */
final class TrainingReads {
    private final Store store;
    private final Map<String, Optional<Training>> read = new HashMap<>();

    TrainingReads(Store store) {
        this.store = store;
    }

    /** The training, or null when the store has none with this id. */
    Training get(String id) {
        return read.computeIfAbsent(id, i -> store.records().find(RecordType.TRAINING, i, Training.class)).orElse(null);
    }
}
