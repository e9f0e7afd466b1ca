package io.greetbench.bench.stats;

/** Whether a difference between two runtimes is a claim this run can make. See {@link FindingRule}. */
public enum Verdict {
    /** The ratio's interval excludes 1 and the measured effect reaches the threshold. */
    SIGNIFICANT,
    /** Anything else, including a single trial on either side. */
    CANNOT_TELL_APART
}
