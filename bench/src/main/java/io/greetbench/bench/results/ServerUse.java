package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the server process used over the measured window, sampled where it ran.
 *
 * @param cpuSeconds          CPU time over the window, all threads, by the clock {@code cpuClock} names
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerUse(Double cpuSeconds, Double cpuUtilization, Double cpuMicrosPerRequest, Long rssPeakKb,
        Double rssMeanKb, Integer threadsPeak, Double threadsMean, Long gcPauses, Double gcPauseMillis, String cpuClock,
        Double cpuSecondsTicks) {

    /** Nothing known: the server could not be sampled. */
    public static final ServerUse UNKNOWN = new ServerUse(null, null, null, null, null, null, null, null, null);

    /** Figures that do not say which clock measured the CPU time (as every result did before it was recorded). */
    public ServerUse(Double cpuSeconds, Double cpuUtilization, Double cpuMicrosPerRequest, Long rssPeakKb,
            Double rssMeanKb, Integer threadsPeak, Double threadsMean, Long gcPauses, Double gcPauseMillis) {
        this(cpuSeconds, cpuUtilization, cpuMicrosPerRequest, rssPeakKb, rssMeanKb, threadsPeak, threadsMean, gcPauses,
                gcPauseMillis, null, null);
    }

    /** These figures with CPU utilization and CPU per answer, for a window of {@code seconds} with {@code requests} answers. */
    public ServerUse perWindow(long requests, double seconds) {
        if (cpuSeconds == null) {
            return this;
        }
        return new ServerUse(cpuSeconds, seconds > 0 ? cpuSeconds / seconds : null,
                requests > 0 ? cpuSeconds * 1e6 / requests : null, rssPeakKb, rssMeanKb, threadsPeak, threadsMean,
                gcPauses, gcPauseMillis, cpuClock, cpuSecondsTicks);
    }
}
