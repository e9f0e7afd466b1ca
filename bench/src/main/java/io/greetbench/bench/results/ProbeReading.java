package io.greetbench.bench.results;

/**
 * The machine's speed around one measurement: a fixed piece of work timed on the driver's CPU just
 * before and just after it (ns per million units; lower is faster).
 */
public record ProbeReading(Double beforeNanos, Double afterNanos) {
    /** The mean of before and after, or NaN when either is missing. */
    public double meanNanos() {
        return beforeNanos == null || afterNanos == null ? Double.NaN : (beforeNanos + afterNanos) / 2;
    }
}
