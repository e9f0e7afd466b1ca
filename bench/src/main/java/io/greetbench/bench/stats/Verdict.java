package io.greetbench.bench.stats;

/**
 * What a run can say about two runtimes on one metric in one cell. See {@link FindingRule}; "different"
 * below means the ratio's 95% interval excludes 1 and the pair's q-value (its p-value adjusted over all
 * pairs of the run, Benjamini–Hochberg) is at most the run's false discovery rate target.
 */
public enum Verdict {
    /** A finding: different, and the interval's end nearer to 1 is at least the threshold from it (|log r| ≥ log(1 + threshold)). */
    SIGNIFICANT,
    /** Different, but the interval reaches from below the threshold to beyond it: "different, size unclear". */
    SIZE_UNCLEAR,
    /** Different, and the whole interval lies within the threshold: a clear difference smaller than the threshold. */
    BELOW_THRESHOLD,
    /** The interval excludes 1, but the q-value is above the run's target: not a difference once the run's many pairs are counted. */
    NOT_SIGNIFICANT,
    /** The interval includes 1 (older runs: anything that was not SIGNIFICANT). */
    CANNOT_TELL_APART,
    /** Fewer trials than the rule's minimum on either side: no claim either way. */
    TOO_FEW_TRIALS;

    /** True when the run states that the two runtimes differ (whatever it says of the size). */
    public boolean different() {
        return this == SIGNIFICANT || this == SIZE_UNCLEAR || this == BELOW_THRESHOLD;
    }
}
