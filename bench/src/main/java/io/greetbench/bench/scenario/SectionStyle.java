package io.greetbench.bench.scenario;

/** How the report lays out a scenario's cells. */
public enum SectionStyle {
    /** Charts and tables over the connection counts: throughput, CPU per request, p99, errors, memory. */
    CONNECTION_SWEEP,
    /** One row per runtime and rate: offered rate, p50, p99, p99.9, errors; a p99-vs-rate chart. */
    RATE_TABLE,
    /** One row per runtime: throughput, CPU per request, p99, errors. */
    SINGLE_TABLE
}
