package io.greetbench.bench.results;

/** Latency percentiles of one measured window, µs (from its HdrHistogram). */
public record LatencyFigures(long p50, long p90, long p99, long p999, long p9999, long max, double mean, double stdev) {
}
