package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The server CPU's speed around one window, as the window gate read it: the same fixed work as the
 * machine probe, timed on the server's CPU (ns per million units; lower is faster) while no server
 * ran or the server sat idle, against the best reading of that CPU in the run so far.
 *
 * @param cpus      the CPUs read (the server's)
 * @param before    the slowest of them just before the server started
 * @param after     the slowest of them just after the window closed (the load stopped)
 * @param best      the run's best reading of these CPUs when the window was judged
 * @param threshold a reading above threshold × best marks the window as disturbed
 * @param during    how many readings the watch took while the server ran, in the time it left the CPU idle
 *                  (absent when none was taken, and in older results)
 * @param duringMedian their median for the slowest server CPU, timed in the watching thread's own CPU time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CpuGateReading(String cpus, Double before, Double after, Double best, Double threshold, Integer during,
        Double duringMedian) {

    /**
     * The slowest of before, after and the median while the server ran, as a multiple of the best; NaN when
     * before or after is missing.
     */
    public double slowdown() {
        if (before == null || after == null || best == null || best <= 0) {
            return Double.NaN;
        }
        double slowest = Math.max(before, after);
        if (duringMedian != null) {
            slowest = Math.max(slowest, duringMedian);
        }
        return slowest / best;
    }
}
