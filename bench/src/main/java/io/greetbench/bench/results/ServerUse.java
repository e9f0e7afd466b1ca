package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the server process used over the measured window, sampled where it ran.
 *
 * @param cpuSeconds          user + system CPU time
 * @param cpuUtilization      CPU time / window (1.0 = one full CPU)
 * @param cpuMicrosPerRequest CPU time per correct answer, µs
 * @param rssPeakKb           highest resident set size sampled
 * @param rssMeanKb           mean resident set size
 * @param threadsPeak         most threads sampled
 * @param threadsMean         mean thread count
 * @param gcPauses            GC pauses that started in the window (JVM servers only)
 * @param gcPauseMillis       their total length
 * @param cpuClock            where {@code cpuSeconds} came from: {@code cgroup-cpuacct} (cgroup v1
 *                            cpuacct.usage, ns), {@code cgroup-cpu.stat} (v2 usage_usec, µs), {@code schedstat}
 *                            (every thread's /proc/PID/task/TID/schedstat, ns) or {@code ticks} (the fallback:
 *                            /proc/PID/stat utime + stime, 10 ms clock ticks); absent in older results, whose
 *                            CPU time is always ticks
 * @param cpuSecondsTicks     the same window by /proc/PID/stat's ticks, beside the finer clock (to compare
 *                            with older results); absent in older results
 * @param cpuPeriods          under a CPU limit: CFS periods in the window ({@code nr_periods}); absent otherwise
 *                            and in older results
 * @param cpuThrottledPeriods under a CPU limit: periods in which the server was throttled ({@code nr_throttled})
 * @param cpuThrottledMillis  under a CPU limit: how long it was held throttled, summed over its threads' runqueues
 *                            ({@code throttled_time})
 * @param gcPauseMaxMillis    the longest GC pause that started in the window (absent in older results)
 * @param gcCollector         the collector the JVM ran with, from its GC log ({@code Serial}, {@code G1}, ...)
 * @param jitCpuSeconds       the part of {@code cpuSeconds} its JIT compiler threads used (C1, C2, JVMCI; their
 *                            schedstat); 0 for a server that is not a JVM; absent in older results and where
 *                            the threads cannot be read (a server on another host)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerUse(Double cpuSeconds, Double cpuUtilization, Double cpuMicrosPerRequest, Long rssPeakKb,
        Double rssMeanKb, Integer threadsPeak, Double threadsMean, Long gcPauses, Double gcPauseMillis, String cpuClock,
        Double cpuSecondsTicks, Long cpuPeriods, Long cpuThrottledPeriods, Double cpuThrottledMillis, Double gcPauseMaxMillis, String gcCollector,
        Double jitCpuSeconds) {

    /**
     * The share of a window's server CPU its JIT compiler may take: more, and the server was still warming up
     * and its windows are measured again (the run's {@code CompilingWindow}); the precision greetbench ranks to
     * by default.
     */
    public static final double JIT_SHARE_LIMIT = 0.05;

    /** Nothing known: the server could not be sampled. */
    public static final ServerUse UNKNOWN = new ServerUse(null, null, null, null, null, null, null, null, null);

    /** Without throttling counters and the longest pause, as every window had before they were recorded. */
    public ServerUse(Double cpuSeconds, Double cpuUtilization, Double cpuMicrosPerRequest, Long rssPeakKb,
            Double rssMeanKb, Integer threadsPeak, Double threadsMean, Long gcPauses, Double gcPauseMillis) {
        this(cpuSeconds, cpuUtilization, cpuMicrosPerRequest, rssPeakKb, rssMeanKb, threadsPeak, threadsMean, gcPauses,
                gcPauseMillis, null, null, null, null, null, null, null, null);
    }

    /** Figures with the clock that measured the CPU time, without throttling counters or the longest pause. */
    public ServerUse(Double cpuSeconds, Double cpuUtilization, Double cpuMicrosPerRequest, Long rssPeakKb,
            Double rssMeanKb, Integer threadsPeak, Double threadsMean, Long gcPauses, Double gcPauseMillis, String cpuClock,
            Double cpuSecondsTicks) {
        this(cpuSeconds, cpuUtilization, cpuMicrosPerRequest, rssPeakKb, rssMeanKb, threadsPeak, threadsMean, gcPauses,
                gcPauseMillis, cpuClock, cpuSecondsTicks, null, null, null, null, null, null);
    }

    /** These figures with CPU utilization and CPU per answer, for a window of {@code seconds} with {@code requests} answers. */
    public ServerUse perWindow(long requests, double seconds) {
        if (cpuSeconds == null) {
            return this;
        }
        return new ServerUse(cpuSeconds, seconds > 0 ? cpuSeconds / seconds : null,
                requests > 0 ? cpuSeconds * 1e6 / requests : null, rssPeakKb, rssMeanKb, threadsPeak, threadsMean,
                gcPauses, gcPauseMillis, cpuClock, cpuSecondsTicks, cpuPeriods, cpuThrottledPeriods, cpuThrottledMillis,
                gcPauseMaxMillis, gcCollector, jitCpuSeconds);
    }

    /** These figures with the window's CFS throttling counters (under a CPU limit). */
    public ServerUse withThrottling(long periods, long throttledPeriods, double throttledMillis) {
        return new ServerUse(cpuSeconds, cpuUtilization, cpuMicrosPerRequest, rssPeakKb, rssMeanKb, threadsPeak, threadsMean,
                gcPauses, gcPauseMillis, cpuClock, cpuSecondsTicks, periods, throttledPeriods, throttledMillis, gcPauseMaxMillis,
                gcCollector, jitCpuSeconds);
    }

    /** These figures with the window's longest GC pause and the collector. */
    public ServerUse withGc(Double pauseMaxMillis, String collector) {
        return new ServerUse(cpuSeconds, cpuUtilization, cpuMicrosPerRequest, rssPeakKb, rssMeanKb, threadsPeak, threadsMean,
                gcPauses, gcPauseMillis, cpuClock, cpuSecondsTicks, cpuPeriods, cpuThrottledPeriods, cpuThrottledMillis,
                pauseMaxMillis, collector, jitCpuSeconds);
    }

    /** These figures with the JIT compiler threads' CPU time in the window (null: not known). */
    public ServerUse withJit(Double jitSeconds) {
        return new ServerUse(cpuSeconds, cpuUtilization, cpuMicrosPerRequest, rssPeakKb, rssMeanKb, threadsPeak, threadsMean,
                gcPauses, gcPauseMillis, cpuClock, cpuSecondsTicks, cpuPeriods, cpuThrottledPeriods, cpuThrottledMillis,
                gcPauseMaxMillis, gcCollector, jitSeconds);
    }

    /**
     * The share of the window's CPU time the JIT compiler took (0 to 1); null when either is not known or the
     * server used no CPU.
     */
    public Double jitShare() {
        return jitCpuSeconds == null || cpuSeconds == null || cpuSeconds <= 0 ? null : jitCpuSeconds / cpuSeconds;
    }
}
