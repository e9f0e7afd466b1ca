package io.greetbench.bench.scenario;

/** How a scenario's load is paced. */
public enum Pace {
    /** Each connection sends its next request when the answer arrives (like wrk). */
    CLOSED,
    /** Open loop at shares of each runtime's own peak in another scenario (like wrk2, per runtime). */
    SHARE_OF_PEAK,
    /** Open loop at the same absolute rates for every runtime. */
    FIXED_RATES
}
