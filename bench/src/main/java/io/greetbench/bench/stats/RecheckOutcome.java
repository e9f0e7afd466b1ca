package io.greetbench.bench.stats;

/** What a second run says about a claim of the first. */
public enum RecheckOutcome {
    /** Significant in B too, in the same direction. */
    CONFIRMED,
    /** B has the same comparison but cannot tell the two runtimes apart. */
    NOT_SIGNIFICANT_IN_B,
    /** Significant in B, in the opposite direction. */
    CONTRADICTED,
    /** B has no finding for this cell, metric and pair. */
    MISSING_IN_B
}
