package io.greetbench.bench.stats;

/**
 * What a second run says about a claim of the first. "Different" is as {@link Verdict#different()}: the
 * interval excludes 1 and q is within the run's target. B's verdict is the pair's, whichever order B
 * names it in (the rule is symmetric).
 */
public enum RecheckOutcome {
    /** B states the finding too, the same way round, and its interval overlaps A's. */
    CONFIRMED,
    /** B states the finding the same way round, but its interval and A's do not overlap: "confirmed in sign, size differs". */
    SIZE_DIFFERS,
    /** B finds them different the other way round (whatever the size): a contradiction. */
    CONTRADICTED,
    /** B finds them different the same way round, but its interval reaches under the threshold. */
    SIZE_UNCLEAR_IN_B,
    /** B finds a clear difference the same way round, smaller than the threshold. */
    UNDER_THRESHOLD_IN_B,
    /** B's interval includes 1: it cannot tell the two apart. */
    NO_DIFFERENCE_IN_B,
    /** B's interval excludes 1, but not at its false discovery rate target once its many pairs are counted. */
    NOT_SIGNIFICANT_IN_B,
    /** B has too few trials (e.g. one) on a side of the pair for any claim. */
    TOO_FEW_TRIALS_IN_B,
    /** B has no finding for this cell, metric and pair. */
    MISSING_IN_B;

    /** True for the outcomes where B does not back A's claim, though it measured the pair. */
    public boolean notConfirmed() {
        return this != CONFIRMED && this != SIZE_DIFFERS && this != CONTRADICTED && this != MISSING_IN_B;
    }
}
