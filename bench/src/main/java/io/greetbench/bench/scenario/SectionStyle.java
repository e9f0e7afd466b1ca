package io.greetbench.bench.scenario;

/** How the report lays out a scenario's cells. */
public enum SectionStyle {
    /** Charts and tables over the connection counts: throughput, CPU per request, p99, errors, memory. */
    CONNECTION_SWEEP,
    /** One row per runtime and rate: offered rate, p50, p99, p99.9, errors; a p99-vs-rate chart. */
    RATE_TABLE,
    /** One row per runtime: throughput, CPU per request, p99, errors. */
    SINGLE_TABLE,
    /** Per connection count, a row per runtime: requests/s per CPU of budget, × nginx, CPU used, p99, errors. */
    CAPACITY_TABLE,
    /** Per rate, a row per runtime: CPU per request, p50, p99, p99.9, errors, lateness. */
    EQUAL_WORK_TABLE,
    /** Rendered once for the memory and start-up scenarios together: "What a container needs". */
    CONTAINER
}
