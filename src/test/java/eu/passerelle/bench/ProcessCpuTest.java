package eu.passerelle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void threadsAreGroupedByWhatTheyDo() {
        assertEquals("work", ProcessCpu.GROUPS[ProcessCpu.group("passerelle-work")]);
        assertEquals("http", ProcessCpu.GROUPS[ProcessCpu.group("JettyServerThre")]);
        assertEquals("jit", ProcessCpu.GROUPS[ProcessCpu.group("C2 CompilerThre")]);
        assertEquals("jit", ProcessCpu.GROUPS[ProcessCpu.group("C1 CompilerThre")]);
        assertEquals("gc", ProcessCpu.GROUPS[ProcessCpu.group("G1 Conc#0")]);
        assertEquals("gc", ProcessCpu.GROUPS[ProcessCpu.group("GC Thread#1")]);
        assertEquals("other", ProcessCpu.GROUPS[ProcessCpu.group("ForkJoinPool.co")]);
    }

    /** A worker-named thread of this JVM burns 400 ms of CPU: over 2 requests, ~200 ms each in "work" and in the total. */
    @Test
    void cpuOfAWorkerThreadIsCountedAsWork() throws Exception {
        ProcessCpu cpu = ProcessCpu.of(ProcessHandle.current().pid());
        assumeTrue(cpu != null, "no /proc here");
        var threads = ManagementFactory.getThreadMXBean();
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            long start = threads.getCurrentThreadCpuTime();
            double x = 0;
            while (threads.getCurrentThreadCpuTime() - start < 400_000_000L) {
                x += Math.sqrt(x + 1);
            }
            burnt.countDown();
            try {
                measured.await(); // alive until read: an ended thread's time only stays in the process total
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "passerelle-work-test");
        ProcessCpu.Snapshot before = cpu.snapshot();
        worker.start();
        burnt.await();
        ProcessCpu.Snapshot after = cpu.snapshot();
        measured.countDown();
        worker.join();
        ProcessCpu.PerRequest perRequest = ProcessCpu.perRequest(before, after, 2);
        // /proc counts in 10 ms ticks: 400 ms over 2 requests is 200 ± 10 ms each.
        assertTrue(perRequest.byGroupMs()[0] >= 190 && perRequest.byGroupMs()[0] <= 215, "work " + perRequest.byGroupMs()[0]);
        assertTrue(perRequest.totalMs() >= perRequest.byGroupMs()[0], "total " + perRequest.totalMs());
        double sum = 0;
        for (double g : perRequest.byGroupMs()) {
            sum += g;
        }
        assertEquals(perRequest.totalMs(), sum, 0.01, "the groups add up to the process total");
    }

    /** This JVM has compiled and run code: its CPU since start is positive and names every group. */
    @Test
    void cpuSinceStartNamesEveryGroup() {
        ProcessCpu cpu = ProcessCpu.of(ProcessHandle.current().pid());
        assumeTrue(cpu != null, "no /proc here");
        String line = cpu.sinceStart();
        for (String g : ProcessCpu.GROUPS) {
            assertTrue(line.contains(" " + g + " "), line);
        }
        assertTrue(!line.startsWith("0.0 s"), line);
    }
}
