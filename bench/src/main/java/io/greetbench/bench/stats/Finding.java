package io.greetbench.bench.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * What one run says about runtime A against runtime B on one metric in one cell: the ratio of their
 * medians (A/B) with its 95% interval, the trials on each side, and the verdict. One entry of
 * findings.json.
 */
public record Finding(CellKey cell, Metric metric, String runtimeA, String runtimeB,
        double ratio, double ratioLow, double ratioHigh, int trialsA, int trialsB, Verdict verdict) {

    public Finding {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(verdict, "verdict");
        if (runtimeA == null || runtimeB == null || runtimeA.equals(runtimeB)) {
            throw new IllegalArgumentException("a finding compares two different runtimes: " + runtimeA + ", " + runtimeB);
        }
        if (trialsA < 1 || trialsB < 1) {
            throw new IllegalArgumentException("trials must be at least 1: " + trialsA + ", " + trialsB);
        }
        if (!(ratioLow > 0 && ratio > 0)) {
            throw new IllegalArgumentException("a ratio of medians is positive: " + ratioLow + " / " + ratio);
        }
        new Interval(ratioLow, ratio, ratioHigh, Math.min(trialsA, trialsB)); // checks: finite, low <= high
    }

    /** Bootstraps the ratio of A's trials to B's and judges it. */
    public static Finding measure(CellKey cell, Metric metric, String runtimeA, double[] trialsOfA,
            String runtimeB, double[] trialsOfB, Bootstrap bootstrap, FindingRule rule) {
        Interval ratio = bootstrap.ratioOfMedians(trialsOfA, trialsOfB);
        return new Finding(cell, metric, runtimeA, runtimeB, ratio.point(), ratio.low(), ratio.high(),
                trialsOfA.length, trialsOfB.length, rule.judge(ratio));
    }

    public Interval ratioInterval() {
        return new Interval(ratioLow, ratio, ratioHigh, Math.min(trialsA, trialsB));
    }

    public boolean significant() {
        return verdict == Verdict.SIGNIFICANT;
    }

    /** The same finding read as B against A (ratio B/A); the verdict is kept as this run judged it. */
    public Finding reversed() {
        Interval inverse = ratioInterval().inverted();
        return new Finding(cell, metric, runtimeB, runtimeA, inverse.point(), inverse.low(), inverse.high(),
                trialsB, trialsA, verdict);
    }

    /** The runtime that did better, when the finding is significant. */
    public Optional<String> better() {
        if (!significant()) {
            return Optional.empty();
        }
        return Optional.of(metric.favoursA(ratio) ? runtimeA : runtimeB);
    }

    /** One sentence for the report, e.g. "netty costs 12% less CPU per request than vertx (95% CI 6.1–18%)". */
    public String sentence() {
        return FindingSentence.of(this);
    }

    /** The ratio's 95% interval as percentages, "88–107%" (one decimal when it is narrow: "95.5–98.5%"). */
    public String ratioRange() {
        return FindingSentence.ratioRange(ratioLow, ratioHigh);
    }

    /** The same sentence with each runtime's name as {@code name} writes it, e.g. {@code n -> "`" + n + "`"}. */
    public String sentence(java.util.function.UnaryOperator<String> name) {
        return FindingSentence.of(this, name);
    }
}
