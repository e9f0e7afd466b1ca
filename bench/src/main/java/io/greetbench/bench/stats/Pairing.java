package io.greetbench.bench.stats;

/** How a pair's ratio and its interval were computed. */
public enum Pairing {
    /**
     * Both runtimes were measured in the same rounds (at least {@link FindingRule#MIN_TRIALS} of them):
     * the ratio is the median of the per-round ratios A/B and its interval comes from resampling rounds,
     * so a disturbance shared within a round cancels.
     */
    PAIRED_BY_ROUND,
    /** The ratio of the two medians, each runtime's trials resampled on their own. */
    UNPAIRED
}
