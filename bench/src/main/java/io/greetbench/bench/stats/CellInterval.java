package io.greetbench.bench.stats;

/** One runtime's median on one metric in one cell, with its interval: what a run measured there. */
public record CellInterval(CellKey cell, String runtime, Metric metric, Interval interval) {
}
