package io.greetbench.bench.stats;

/**
 * When a ratio A/B counts as a finding: SIGNIFICANT when its 95% interval lies entirely on one side
 * of 1.0, the point on that same side, and the effect |1 − point| is at least the threshold (default
 * 5%); otherwise CANNOT_TELL_APART. A ratio of exactly 0.95 or 1.05 is an effect of 5% and counts
 * (≥). The effect is taken on the ratio as oriented, A/B, so 1.05 counts and its inverse 0.952 does
 * not.
 */
public final class FindingRule {
    public static final double DEFAULT_THRESHOLD = 0.05;

    /** So that a ratio written 0.90 is an effect of 10% despite binary rounding (1 − 0.9 = 0.0999…98). */
    private static final double EDGE_TOLERANCE = 1e-9;

    private final double threshold;

    public FindingRule() {
        this(DEFAULT_THRESHOLD);
    }

    public FindingRule(double threshold) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1): " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** |1 − ratio|: 0.12 for a ratio of 0.88 or 1.12. */
    public static double effect(double ratio) {
        return Math.abs(1 - ratio);
    }

    public Verdict judge(Interval ratio) {
        if (!ratio.resolved()) {
            return Verdict.CANNOT_TELL_APART;
        }
        boolean below = ratio.high() < 1 && ratio.point() < 1;
        boolean above = ratio.low() > 1 && ratio.point() > 1;
        boolean largeEnough = effect(ratio.point()) >= threshold - EDGE_TOLERANCE;
        return (below || above) && largeEnough ? Verdict.SIGNIFICANT : Verdict.CANNOT_TELL_APART;
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
        if (ratio.low() > 1 || ratio.high() < 1) {
            return true;
        }
        double bound = Math.log1p(precision) - EDGE_TOLERANCE;
        return Math.abs(Math.log(ratio.low())) < bound && Math.abs(Math.log(ratio.high())) < bound;
    }
}
