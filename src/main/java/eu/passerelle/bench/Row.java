package eu.passerelle.bench;

import java.util.Locale;

/**
 * One line of a latency table: a load level's requests, errors, throughput and percentiles, and for the
 * service the CPU its process spent per request (null for raw Lucene, or where /proc cannot be read).
 */
record Row(String name, int clients, long requests, long errors, double seconds, double p50Ms, double p99Ms, double p999Ms,
        ProcessCpu.PerRequest cpu) {
    Row(String name, int clients, long requests, long errors, double seconds, double p50Ms, double p99Ms, double p999Ms) {
        this(name, clients, requests, errors, seconds, p50Ms, p99Ms, p999Ms, null);
    }

    Row withCpu(ProcessCpu.PerRequest perRequest) {
        return new Row(name, clients, requests, errors, seconds, p50Ms, p99Ms, p999Ms, perRequest);
    }

    static String header() {
        return String.format(Locale.ROOT, "%-24s %7s %9s %6s %10s %8s %8s %8s", "", "clients", "requests", "errors", "req/s", "p50 ms", "p99 ms", "p99.9 ms")
                + ProcessCpu.PerRequest.header();
    }

    String format() {
        return String.format(Locale.ROOT, "%-24s %7d %9d %6d %10.0f %8.2f %8.2f %8.2f", name, clients, requests, errors, requests / seconds, p50Ms, p99Ms, p999Ms)
                + (cpu == null ? "" : requests == 0 ? String.format(Locale.ROOT, " %9s", "n/a") : cpu.format());
    }
}
