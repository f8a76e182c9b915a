package eu.passerelle.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where one request's time goes, phase by phase (resolve the words, collect the hits, count facets, read
 * the items, highlight, write JSON), plus the CPU time of the thread that did the work. Sent back as a
 * {@code Server-Timing} header, which the benchmark reads from outside; timings are never asserted by tests.
 * Used by one thread at a time.
 */
public final class PhaseTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long cpuStart;
    private long last;

    public PhaseTimer() {
        this.cpuStart = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        this.last = System.nanoTime();
    }

    /** Charges the time since the previous mark (or the start) to a phase. */
    public void mark(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - last, Long::sum);
        last = now;
    }

    /** The phases, then {@code cpu} (this thread's CPU time since the start), as a Server-Timing value in ms. */
    public String serverTiming() {
        StringJoiner j = new StringJoiner(", ");
        nanos.forEach((phase, n) -> j.add(String.format(Locale.ROOT, "%s;dur=%.3f", phase, n / 1e6)));
        if (cpuStart >= 0) {
            j.add(String.format(Locale.ROOT, "cpu;dur=%.3f", (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6));
        }
        return j.toString();
    }
}
