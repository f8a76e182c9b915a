package eu.passerelle.api;

import eu.passerelle.config.WorkPool;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the CPU-bound handlers (search, match) on a pool of about as many threads as cores, behind the HTTP
 * threads. Eight clients on two cores then take turns on two busy threads instead of eight threads taking
 * turns on two cores, which is what keeps the slowest answers close to the typical one. When every worker is
 * busy and the queue is full, the request is turned away at once with a 503 and {@code Retry-After}.
 */
final class WorkQueue implements AutoCloseable {
    static final int RETRY_AFTER_SECONDS = 1;
    static final String SERVER_TIMING = "Server-Timing";
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final ThreadPoolExecutor pool;
    private final AtomicLong rejected = new AtomicLong();

    WorkQueue(WorkPool settings) {
        AtomicInteger n = new AtomicInteger();
        BlockingQueue<Runnable> queue = settings.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queue());
        this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS, queue, r -> {
            Thread t = new Thread(r, "passerelle-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.prestartAllCoreThreads();
    }

    /** The handler, run on a worker while the HTTP thread waits for it. */
    Handler wrap(Handler handler) {
        return ctx -> run(ctx, handler);
    }

    void run(Context ctx, Handler handler) throws Exception {
        Future<?> done;
        long submitted = System.nanoTime();
        try {
            done = pool.submit(() -> {
                long started = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                handler.handle(ctx);
                // Time spent waiting for a worker, and (when the handler did not break its own time down) the work's
                // wall and CPU time: the benchmark reads them from outside.
                String own = ctx.res().getHeader(SERVER_TIMING);
                ctx.header(SERVER_TIMING, String.format(java.util.Locale.ROOT, "queue;dur=%.3f, ", (started - submitted) / 1e6)
                        + (own != null ? own : String.format(java.util.Locale.ROOT, "work;dur=%.3f, cpu;dur=%.3f",
                        (System.nanoTime() - started) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6)));
                return null;
            });
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            throw new ApiProblem(503, "Service busy", "Every search worker is busy and the queue is full; retry in "
                    + RETRY_AFTER_SECONDS + " s.", null);
        }
        try {
            done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
