package eu.passerelle.config;

/**
 * The bounded pool that runs search and match work behind the HTTP threads: about as many threads as
 * cores, because CPU-bound work on more threads than cores only waits for the scheduler (raw Lucene's p99
 * goes from ~1 ms at 2 threads to ~19 ms at 8 on a 2-core machine), and a queue that, once full, turns
 * new requests away with a 503 and {@code Retry-After} instead of letting every answer get slow.
 *
 * @param threads worker threads ({@code PASSERELLE_WORKERS}, default: the number of cores)
 * @param queue   requests allowed to wait for a worker ({@code PASSERELLE_WORK_QUEUE}, default 128; 0 = none wait)
 */
public record WorkPool(int threads, int queue) {
    public static final String THREADS_ENV = "PASSERELLE_WORKERS";
    public static final String QUEUE_ENV = "PASSERELLE_WORK_QUEUE";
    public static final int DEFAULT_QUEUE = 128;

    public WorkPool {
        if (threads < 1 || threads > 1024) {
            throw new ConfigException(THREADS_ENV + " must be between 1 and 1024, got " + threads);
        }
        if (queue < 0 || queue > 1_000_000) {
            throw new ConfigException(QUEUE_ENV + " must be between 0 and 1000000, got " + queue);
        }
    }

    public static WorkPool defaults() {
        return new WorkPool(Runtime.getRuntime().availableProcessors(), DEFAULT_QUEUE);
    }

    public static WorkPool fromEnvironment(java.util.Map<String, String> env) {
        WorkPool d = defaults();
        return new WorkPool(Settings.integer(env, THREADS_ENV, d.threads()), Settings.integer(env, QUEUE_ENV, d.queue()));
    }
}
