package io.greetbench.bench.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one load run: throughput, latency (µs, from the HdrHistogram of the measured
 * window), errors by kind, and how busy the driver itself was. Stored as {@code results.LoadFigures}.
 *
 * @param target               the URL loaded
 * @param mode                 {@code closed} or {@code open}
 * @param connections          connections asked for
 * @param pipeline             pipelining depth
 * @param offeredRate          open loop: the rate asked for (req/s); 0 for the closed loop
 * @param warmupSeconds        unrecorded warm-up, as it really lasted
 * @param warmupSettled        adaptive warm-up: whether the cost per answer settled before the
 *                             maximum; null for a fixed warm-up
 * @param durationSeconds      the measured window, as it really lasted
 * @param requests             correct answers in the window
 * @param sentTotal            requests written over the whole run, warm-up included
 * @param answeredTotal        correct answers over the whole run, warm-up included
 * @param unansweredAtEnd      requests still waiting (or due and unsent) when the window closed; their
 *                             ages so far are in the latency histogram, as lower bounds
 * @param errors               errors in the window, by kind
 * @param reconnects           connections reopened in the window
 * @param latency              latencies of the correct answers, µs
 * @param driverCpuUtilization busiest driver thread's CPU time over the window (1.0 = a full core)
 * @param driverCpusBusy       how busy the CPUs the driver may run on were, softirq included (0..1; -1 unknown)
 * @param driverCpus           how many CPUs the driver may run on (its taskset), -1 unknown
 * @param eventLoops           driver threads
 * @param setupSeconds         how long opening the connections took, before the warm-up
 * @param setupErrors          connections that failed, or were closed, before their first answer, during
 *                             set-up; apart from the window's request errors
 * @param neverServed          connections with no first answer (and no failure) when set-up ended: waiting
 *                             on a server that did not serve them, or never opened because those held
 *                             every turn; not errors
 * @param setupEnded           how set-up ended: {@code all} (every connection served or failed),
 *                             {@code stalled} (none for {@link LoadDriver#SETUP_STALL_NANOS}) or {@code deadline}
 * @param setupDeadlineSeconds set-up's deadline
 */
public record LoadResult(String target, String mode, int connections, int pipeline, double offeredRate,
        double warmupSeconds, Boolean warmupSettled, double durationSeconds, long requests, long sentTotal, long answeredTotal, long unansweredAtEnd, Map<ErrorKind, Long> errors,
        long reconnects, Histogram latency, double driverCpuUtilization, double driverCpusBusy, int driverCpus,
        int eventLoops, double setupSeconds, long setupErrors, long neverServed, String setupEnded,
        double setupDeadlineSeconds) {

    /** A driver thread busier than this was likely the limit, not the server. */
    public static final double DRIVER_SATURATED = 0.90;
    /** Driver CPUs busier than this (all work on them, kernel network work included) had no headroom. */
    public static final double DRIVER_CPUS_SATURATED = 0.95;

    public double requestsPerSecond() {
        return durationSeconds > 0 ? requests / durationSeconds : 0;
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Whether the driver, not the server, may have set the pace: its busiest thread near a full core,
     * or the CPUs it is pinned to with no idle time left. (Unpinned, the second reading includes the
     * server's CPU and is not used.)
     */
    public boolean driverSaturated() {
        boolean pinnedApart = driverCpus > 0 && driverCpus < Runtime.getRuntime().availableProcessors() + 1
                && driverCpus <= eventLoops;
        return driverCpuUtilization >= DRIVER_SATURATED || (pinnedApart && driverCpusBusy >= DRIVER_CPUS_SATURATED);
    }

    /** Latency at a percentile, µs; 0 without answers. */
    public long latencyMicros(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile);
    }
}
