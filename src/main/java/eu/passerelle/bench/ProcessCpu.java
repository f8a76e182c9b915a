package eu.passerelle.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The service process's CPU time, read from /proc (Linux) before and after a load run, split by what its
 * threads do: the search/match workers, the HTTP threads, the JIT compilers, the garbage collector, the rest.
 * Divided by the requests answered it says what a request really costs the machine, beside the worker CPU
 * that {@code Server-Timing} reports: a search whose worker spends 2 ms may cost the process twice that in
 * compiling, collecting garbage and HTTP. CPU time, not wall time: valid on a shared machine too.
 */
final class ProcessCpu {
    /** Linux reports thread CPU in clock ticks of 1/100 s (USER_HZ, the same on every common architecture). */
    private static final double MS_PER_TICK = 10.0;
    static final String[] GROUPS = {"work", "http", "jit", "gc", "other"};
    static final int JIT = 2;

    private final long pid;

    private ProcessCpu(long pid) {
        this.pid = pid;
    }

    /** Null where there is no /proc to read (not Linux): the tables then go without the CPU columns. */
    static ProcessCpu of(long pid) {
        return Files.isReadable(Path.of("/proc", String.valueOf(pid), "stat")) ? new ProcessCpu(pid) : null;
    }

    /** CPU ticks so far: the whole process, and per thread id with the thread's group. */
    record Snapshot(long processTicks, Map<Long, long[]> threads) {
    }

    Snapshot snapshot() {
        Map<Long, long[]> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    threads.put(Long.parseLong(task.getFileName().toString()), new long[] {group(name), ticks(task.resolve("stat"))});
                } catch (IOException | NumberFormatException e) {
                    // the thread ended while being read: its time stays in the process total, counted as "other"
                }
            }
            return new Snapshot(ticks(Path.of("/proc", String.valueOf(pid), "stat")), threads);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the service's CPU time from /proc/" + pid, e);
        }
    }

    /** Milliseconds of CPU per request between two snapshots, by group; "other" also holds threads that ended in between. */
    static PerRequest perRequest(Snapshot before, Snapshot after, long requests) {
        double[] ms = new double[GROUPS.length];
        long known = 0;
        for (Map.Entry<Long, long[]> t : after.threads().entrySet()) {
            long[] was = before.threads().get(t.getKey());
            long delta = t.getValue()[1] - (was == null ? 0 : was[1]);
            int g = (int) t.getValue()[0];
            if (g != GROUPS.length - 1) {
                ms[g] += delta;
                known += delta;
            }
        }
        // The process total is read last; a thread read a tick later must not make the rest negative.
        long total = Math.max(after.processTicks() - before.processTicks(), known);
        ms[GROUPS.length - 1] = Math.max(0, total - known);
        double n = Math.max(1, requests);
        for (int i = 0; i < ms.length; i++) {
            ms[i] = ms[i] * MS_PER_TICK / n;
        }
        return new PerRequest(total * MS_PER_TICK / n, ms);
    }

    /** The CPU the process has spent since it started, in seconds, by group (threads that ended count as "other"). */
    String sinceStart() {
        PerRequest all = perRequest(new Snapshot(0, Map.of()), snapshot(), 1);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.1f s", all.totalMs() / 1000));
        for (int i = 0; i < GROUPS.length; i++) {
            b.append(String.format(Locale.ROOT, "%s %s %.1f s", i == 0 ? ":" : ",", GROUPS[i], all.byGroupMs()[i] / 1000));
        }
        return b.toString();
    }

    /** @param totalMs the process's CPU per request; @param byGroupMs the same split as {@link #GROUPS} */
    record PerRequest(double totalMs, double[] byGroupMs) {
        static String header() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, " %9s", "cpu ms/req"));
            for (String g : GROUPS) {
                b.append(String.format(Locale.ROOT, " %6s", g));
            }
            return b.toString();
        }

        String format() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, " %9.2f", totalMs));
            for (double v : byGroupMs) {
                b.append(String.format(Locale.ROOT, " %6.2f", v));
            }
            return b.toString();
        }
    }

    /** The group of a thread by its name (Linux keeps the first 15 characters). */
    static int group(String name) {
        if (name.startsWith("passerelle-work")) {
            return 0;
        }
        if (name.startsWith("JettyServerThre") || name.startsWith("qtp")) {
            return 1;
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return 3;
        }
        return 4;
    }

    /** utime + stime of a /proc stat line; the fields are counted after the command name, which may hold spaces. */
    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
