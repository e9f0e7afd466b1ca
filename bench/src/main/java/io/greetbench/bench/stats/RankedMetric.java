package io.greetbench.bench.stats;

import io.greetbench.bench.scenario.SectionStyle;

/**
 * The metric a scenario's cells rank runtimes by, and so the one the precision loop settles: capacity
 * by requests/s per CPU of budget, equal work and the connection sweeps by CPU per request, latency at
 * a share of peak by p99, a single table by requests/s.
 */
public final class RankedMetric {
    private RankedMetric() {
    }

    public static Metric of(SectionStyle style) {
        return switch (style) {
            case CAPACITY_TABLE -> Metric.REQUESTS_PER_CPU;
            case EQUAL_WORK_TABLE, CONNECTION_SWEEP -> Metric.CPU_PER_REQUEST;
            case RATE_TABLE -> Metric.P99_LATENCY;
            case SINGLE_TABLE -> Metric.THROUGHPUT;
            default -> Metric.CPU_PER_REQUEST;
        };
    }
}
