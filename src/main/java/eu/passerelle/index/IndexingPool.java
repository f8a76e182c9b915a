package eu.passerelle.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Building and adding documents on every core. Lucene's writer takes adds from many threads at once (each
 * fills its own in-memory segment), and analysing a record into a document is most of what an import or a
 * rebuild costs: measured on the 3,000 shipped posts, 255 µs of CPU per post to build and add, against
 * ~100 µs to read, validate and store it.
 */
final class IndexingPool {
    /** One thread per core. */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Below this many items per thread, handing work over costs more than it saves. */
    static final int MIN_PER_THREAD = 64;

    /** Made on first use (a service that never gets a batch never starts it); daemon threads, so no stop is needed. */
    private static final class Holder {
        static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "index-batch");
            t.setDaemon(true);
            return t;
        });
    }

    private IndexingPool() {
    }

    /**
     * Runs {@code work} on every item, split in contiguous parts over the pool's threads, and returns once all
     * are done; the first failure is thrown (the other parts still finish first, so nothing runs after).
     */
    static <T> void forEach(List<T> items, Consumer<T> work) {
        int threads = Math.min(THREADS, items.size() / MIN_PER_THREAD);
        if (threads <= 1) {
            items.forEach(work);
            return;
        }
        List<Future<?>> parts = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            List<T> part = items.subList(items.size() * t / threads, items.size() * (t + 1) / threads);
            parts.add(Holder.POOL.submit(() -> part.forEach(work)));
        }
        RuntimeException failure = null;
        for (Future<?> part : parts) {
            try {
                part.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("indexing failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while indexing", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
