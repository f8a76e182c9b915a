package eu.passerelle;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phases of a start, each logged on one line with its wall time and CPU time, so an operator sees why a
 * start is slow. CPU time is the figure to read on a shared machine: the wall clock there says as much about
 * the neighbours as about Passerelle. "thread" is the starting thread's own CPU; "process" adds what other
 * threads did meanwhile (garbage collection, the JIT, work started in the background).
 */
final class StartupPhases {
    private static final Logger LOG = LoggerFactory.getLogger(Passerelle.class);

    /** One phase as measured. */
    record Phase(String name, double wallSeconds, double threadCpuSeconds, double processCpuSeconds) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<Phase> phases = java.util.Collections.synchronizedList(new ArrayList<>());
    private final long startWall = System.nanoTime();
    private final long startThread = threadCpu();
    private final long startProcess = os.getProcessCpuTime();

    <T> T run(String name, Supplier<T> work) {
        long wall = System.nanoTime();
        long thread = threadCpu();
        long process = os.getProcessCpuTime();
        T result = work.get();
        Phase p = new Phase(name, (System.nanoTime() - wall) / 1e9, (threadCpu() - thread) / 1e9, (os.getProcessCpuTime() - process) / 1e9);
        phases.add(p);
        LOG.info(String.format(Locale.ROOT, "start: %s in %.2f s (CPU %.2f s this thread, %.2f s the process)",
                p.name(), p.wallSeconds(), p.threadCpuSeconds(), p.processCpuSeconds()));
        return result;
    }

    /**
     * Starts a phase on its own thread, beside the ones that follow (it is logged when it ends, with that
     * thread's CPU); {@link java.util.concurrent.FutureTask#get} waits for it where it is needed.
     */
    <T> java.util.concurrent.FutureTask<T> inBackground(String name, Supplier<T> work) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(() -> run(name, work));
        Thread.ofPlatform().name("start-" + name.replace(' ', '-')).daemon().start(task);
        return task;
    }

    void run(String name, Runnable work) {
        run(name, () -> {
            work.run();
            return null;
        });
    }

    /** Seconds of wall time of a phase (0 when it did not run at this start). */
    double wallSeconds(String name) {
        return List.copyOf(phases).stream().filter(p -> p.name().equals(name)).mapToDouble(Phase::wallSeconds).sum();
    }

    /** The closing line: the whole start, and its slowest phase. */
    String summary() {
        Phase slowest = List.copyOf(phases).stream().max(java.util.Comparator.comparingDouble(Phase::threadCpuSeconds)).orElse(null);
        return String.format(Locale.ROOT, "%.1f s (CPU %.1f s this thread, %.1f s the process)%s", (System.nanoTime() - startWall) / 1e9,
                (threadCpu() - startThread) / 1e9, (os.getProcessCpuTime() - startProcess) / 1e9,
                slowest == null ? "" : String.format(Locale.ROOT, "; most CPU: %s, %.2f s", slowest.name(), slowest.threadCpuSeconds()));
    }

    private long threadCpu() {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0L;
    }
}
