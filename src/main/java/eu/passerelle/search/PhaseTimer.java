package eu.passerelle.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where one request's time goes, phase by phase (parse, resolve the words, collect the hits, count facets,
 * read the items, highlight, write JSON). Each phase is charged the CPU time of the thread doing the work,
 * which stays meaningful on a busy machine where wall-clock time mostly measures waiting for a core; the
 * total wall-clock time is given beside it. Sent back as a {@code Server-Timing} header, which the benchmark
 * reads from outside; timings are never asserted by tests. Used by one thread at a time.
 */
public final class PhaseTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long wallStart;
    private final long cpuStart;
    private long last;

    public PhaseTimer() {
        this.wallStart = System.nanoTime();
        this.cpuStart = cpu();
        this.last = cpuStart;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Charges the CPU time since the previous mark (or the start) to a phase. */
    public void mark(String phase) {
        long now = cpu();
        nanos.merge(phase, now - last, Long::sum);
        last = now;
    }

    /** The phases' CPU time, then {@code cpu} (their sum) and {@code wall} (elapsed), as a Server-Timing value in ms. */
    public String serverTiming() {
        StringJoiner j = new StringJoiner(", ");
        nanos.forEach((phase, n) -> j.add(String.format(Locale.ROOT, "%s;dur=%.3f", phase, n / 1e6)));
        j.add(String.format(Locale.ROOT, "cpu;dur=%.3f", (cpu() - cpuStart) / 1e6));
        j.add(String.format(Locale.ROOT, "wall;dur=%.3f", (System.nanoTime() - wallStart) / 1e6));
        return j.toString();
    }
}
