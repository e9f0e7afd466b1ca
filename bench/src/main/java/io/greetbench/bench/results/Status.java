package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a measurement ended. */
public enum Status {
    /** Measured: load and server figures are present. */
    @JsonProperty("ok") OK,
    /** Tried and failed; the reason says why (the server died, never became ready, ...). */
    @JsonProperty("failed") FAILED,
    /** Not tried: the runtime cannot run here; the reason says why and how to fix it. */
    @JsonProperty("skipped") SKIPPED,
    /**
     * Measured, but while the server's CPU ran slow (the window gate; the reason gives the readings):
     * kept in the raw results, left out of every figure, and measured again.
     */
    @JsonProperty("discarded") DISCARDED
}
