package io.greetbench.bench.stats;

import io.greetbench.bench.text.Units;

/**
 * When a ratio A/B counts as a finding. In one sentence, as the report and the guide state it: <b>a
 * finding is a pair whose q-value (its p-value adjusted over every pair of the run, Benjamini–Hochberg)
 * is at most the false discovery rate target (5%), and whose ratio's 95% interval excludes 1 with its
 * end nearer to 1 at least the threshold (5%) away from it, measured as |log r| ≥ log(1 + threshold)</b>,
 * so that A/B and B/A always agree (1.05 and 1/1.05 = 0.952 are both exactly at the edge). A pair with
 * fewer than {@link #MIN_TRIALS} trials on either side is never a finding. The other outcomes are named
 * by {@link Verdict}.
 */
public final class FindingRule {
    public static final double DEFAULT_THRESHOLD = 0.05;
    public static final double DEFAULT_FDR = 0.05;
    /** Fewer trials than this on either side of a pair: no claim (at n = 3 two equal runtimes' ranges miss each other 10% of the time). */
    public static final int MIN_TRIALS = 5;

    /** So that a ratio written 1.05 is at the edge despite binary rounding. */
    private static final double EDGE_TOLERANCE = 1e-9;

    private final double threshold;
    private final double fdr;

    public FindingRule() {
        this(DEFAULT_THRESHOLD, DEFAULT_FDR);
    }

    public FindingRule(double threshold) {
        this(threshold, DEFAULT_FDR);
    }

    public FindingRule(double threshold, double fdr) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1): " + threshold);
        }
        if (!(fdr > 0 && fdr < 1)) {
            throw new IllegalArgumentException("false discovery rate target must be in (0, 1): " + fdr);
        }
        this.threshold = threshold;
        this.fdr = fdr;
    }

    public double threshold() {
        return threshold;
    }

    /** The false discovery rate target: the largest q-value a stated difference may have. */
    public double fdr() {
        return fdr;
    }

    public int minTrials() {
        return MIN_TRIALS;
    }

    /**
     * What a finding means, in the one sentence the report prints (the class comment says it too):
     * "A finding means: its q-value over all pairs of the run is at most 5%, and its ratio's 95%
     * interval excludes 1 with the end nearer to 1 at least 5% away from it, either way round (beyond
     * 1.05 or 1/1.05 = 0.952)."
     */
    public String statement() {
        String t = Units.pctExact(threshold);
        return String.format(java.util.Locale.ROOT, "A finding means: its q-value over all pairs of the run is at most %s, "
                + "and its ratio's 95%% interval excludes 1 with the end nearer to 1 at least %s away from it, either way round "
                + "(beyond %.2f or 1/%.2f = %.3f).", Units.pctExact(fdr), t, 1 + threshold, 1 + threshold, 1 / (1 + threshold));
    }

    /** |1 − ratio|: the difference as a share of B, as sentences print it (0.12 for 0.88 or 1.12). */
    public static double effect(double ratio) {
        return Math.abs(1 - ratio);
    }

    /** |log ratio|: the size of a difference the same whichever runtime is named first. */
    public static double size(double ratio) {
        return Math.abs(Math.log(ratio));
    }

    /** True when a difference of {@code ratio} (either way round) reaches the threshold. */
    public boolean reaches(double ratio) {
        return size(ratio) >= Math.log1p(threshold) - EDGE_TOLERANCE;
    }

    /**
     * The interval's part of the rule, for a pair judged alone (no other pairs to account for):
     * {@link #judge(Interval, int, int, Double)} with the interval's n on both sides and no q-value.
     */
    public Verdict judge(Interval ratio) {
        return judge(ratio, ratio.n(), ratio.n(), null);
    }

    /**
     * The whole rule. {@code q} is the pair's q-value over its run, or its p-value when it is judged
     * alone; null when none is known (findings of older runs), which skips that part.
     */
    public Verdict judge(Interval ratio, int trialsA, int trialsB, Double q) {
        if (Math.min(trialsA, trialsB) < MIN_TRIALS || !ratio.resolved()) {
            return Verdict.TOO_FEW_TRIALS;
        }
        if (!ratio.excludes(1)) {
            return Verdict.CANNOT_TELL_APART;
        }
        if (q != null && q > fdr) {
            return Verdict.NOT_SIGNIFICANT;
        }
        boolean nearReaches = reaches(ratio.low() > 1 ? ratio.low() : ratio.high());
        boolean farReaches = reaches(ratio.low() > 1 ? ratio.high() : ratio.low());
        return nearReaches ? Verdict.SIGNIFICANT : farReaches ? Verdict.SIZE_UNCLEAR : Verdict.BELOW_THRESHOLD;
    }

    /**
     * Whether a pair is settled to a precision of ±{@code precision} (0.05: 5%): its interval either
     * excludes "no difference" (a difference, even if its size is unclear), or lies wholly within
     * ±precision of it (a tie within ±precision). Unsettled ("close") is an interval that spans both
     * no difference and a difference of at least {@code precision}; the precision loop measures such
     * pairs again. Symmetric: measured on |log r| against log(1 + precision), so A/B and B/A agree.
     */
    public static boolean resolved(Interval ratio, double precision) {
        if (!ratio.resolved()) {
            return false;
        }
        return ratio.low() > 1 || ratio.high() < 1 || withinPrecision(ratio, precision);
    }

    /**
     * Whether {@code ratio}'s interval lies wholly within ±{@code precision} of no difference (symmetric, on
     * |log r|): a tie within ±precision for a pair, and for an A/A twin the run's resolution reaching it.
     */
    public static boolean withinPrecision(Interval ratio, double precision) {
        double bound = Math.log1p(precision) - EDGE_TOLERANCE;
        return ratio.resolved() && Math.abs(Math.log(ratio.low())) < bound && Math.abs(Math.log(ratio.high())) < bound;
    }

    /**
     * What the precision loop asks of a pair: {@link #resolved(Interval, double)}, and a difference
     * counts as settled only once the pair's own p-value is at most the false discovery rate target
     * too, since the report states no difference without it (an interval that excludes 1 at a p of
     * 0.095, as `netty`/`vertx-core` had after five rounds on 2026-12-02, is a difference the report
     * cannot state: more rounds are what it needs). The run's q-value over all its pairs is at least
     * this p, so a pair settled here may still fall short in a run of many pairs.
     *
     * @param p the pair's p-value, or null (too few trials): then only a tie within ±precision settles
     */
    public boolean settled(Interval ratio, Double p, double precision) {
        if (!resolved(ratio, precision)) {
            return false;
        }
        boolean difference = ratio.low() > 1 || ratio.high() < 1;
        return !difference || (p != null && p <= fdr);
    }
}
