package io.greetbench.bench.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one run says about runtime A against runtime B on one metric in one cell: the ratio A/B with
 * its 95% interval, the trials on each side, the pair's p-value and its q-value over the run, how the
 * ratio was computed, and the verdict ({@link FindingRule}). One entry of findings.json.
 *
 * @param p       the permutation test's p-value ({@link PermutationTest}); null with too few trials, and in older runs
 * @param q       the Benjamini–Hochberg q-value over all pairs of the run ({@link FalseDiscovery}); null until
 *                the run's pairs are adjusted together, and in older runs
 * @param pairing how the ratio and its interval were computed; null in older runs (unpaired)
 * @param rounds  with {@link Pairing#PAIRED_BY_ROUND}: the rounds both runtimes share, the interval's n
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(CellKey cell, Metric metric, String runtimeA, String runtimeB,
        double ratio, double ratioLow, double ratioHigh, int trialsA, int trialsB, Verdict verdict,
        Double p, Double q, Pairing pairing, Integer rounds) {

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
        if (pairing == Pairing.PAIRED_BY_ROUND && (rounds == null || rounds < 1)) {
            throw new IllegalArgumentException("a paired finding says how many rounds it paired: " + rounds);
        }
        new Interval(ratioLow, ratio, ratioHigh, Math.min(trialsA, trialsB)); // checks: finite, low <= high
    }

    /** A finding as older runs recorded it: no p- or q-value, unpaired. */
    public Finding(CellKey cell, Metric metric, String runtimeA, String runtimeB, double ratio, double ratioLow,
            double ratioHigh, int trialsA, int trialsB, Verdict verdict) {
        this(cell, metric, runtimeA, runtimeB, ratio, ratioLow, ratioHigh, trialsA, trialsB, verdict, null, null, null, null);
    }

    /**
     * The one way two runtimes of a cell are compared, by the report and by the run's precision loop
     * alike. {@code roundsOfA} and {@code roundsOfB} map each trial's round (its trial number) to its
     * positive value. When the two share at least {@link FindingRule#MIN_TRIALS} rounds, the ratio is
     * paired by round ({@link Pairing#PAIRED_BY_ROUND}: the median of the shared rounds' ratios A/B, its
     * interval from resampling those rounds); otherwise it is the ratio of the medians with each side
     * resampled on its own ({@link Pairing#UNPAIRED}). The p-value ({@link PermutationTest}) uses every
     * trial of both; none is computed when either side has fewer than the rule's minimum. The verdict is
     * the pair's judged alone (its p-value as its q-value); {@link FalseDiscovery#adjust} judges a run's
     * pairs together, as the report and findings.json do.
     */
    public static Finding measure(CellKey cell, Metric metric, String runtimeA, Map<Integer, Double> roundsOfA,
            String runtimeB, Map<Integer, Double> roundsOfB, Bootstrap bootstrap, FindingRule rule) {
        Map<Integer, Double> a = positive(roundsOfA);
        Map<Integer, Double> b = positive(roundsOfB);
        double[] shared = a.keySet().stream().filter(b::containsKey).mapToDouble(r -> a.get(r) / b.get(r)).toArray();
        double[] valuesA = a.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] valuesB = b.values().stream().mapToDouble(Double::doubleValue).toArray();
        if (shared.length >= rule.minTrials()) {
            return judged(cell, metric, runtimeA, valuesA, runtimeB, valuesB, bootstrap.median(shared), Pairing.PAIRED_BY_ROUND,
                    shared.length, bootstrap, rule);
        }
        return judged(cell, metric, runtimeA, valuesA, runtimeB, valuesB, bootstrap.ratioOfMedians(valuesA, valuesB),
                Pairing.UNPAIRED, null, bootstrap, rule);
    }

    private static Map<Integer, Double> positive(Map<Integer, Double> rounds) {
        for (Double v : rounds.values()) {
            if (v == null || !(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("trial value " + v + " is not a positive number");
            }
        }
        return new TreeMap<>(rounds);
    }

    /** Trials without their rounds: always the unpaired ratio of medians (see the map-based {@code measure}). */
    public static Finding measure(CellKey cell, Metric metric, String runtimeA, double[] trialsOfA,
            String runtimeB, double[] trialsOfB, Bootstrap bootstrap, FindingRule rule) {
        return judged(cell, metric, runtimeA, trialsOfA, runtimeB, trialsOfB, bootstrap.ratioOfMedians(trialsOfA, trialsOfB),
                Pairing.UNPAIRED, null, bootstrap, rule);
    }

    private static Finding judged(CellKey cell, Metric metric, String runtimeA, double[] a, String runtimeB, double[] b,
            Interval ratio, Pairing pairing, Integer rounds, Bootstrap bootstrap, FindingRule rule) {
        Double p = Math.min(a.length, b.length) >= rule.minTrials() ? PermutationTest.pValue(a, b, bootstrap) : null;
        return new Finding(cell, metric, runtimeA, runtimeB, ratio.point(), ratio.low(), ratio.high(), a.length, b.length,
                rule.judge(ratio, a.length, b.length, p), p, null, pairing, rounds);
    }

    /** This finding with its q-value over the run, judged with it. */
    public Finding withQ(double qValue, FindingRule rule) {
        return new Finding(cell, metric, runtimeA, runtimeB, ratio, ratioLow, ratioHigh, trialsA, trialsB,
                rule.judge(ratioInterval(), trialsA, trialsB, qValue), p, qValue, pairing, rounds);
    }

    /** The ratio with its interval; n is the rounds paired, or the smaller side's trials. */
    public Interval ratioInterval() {
        return new Interval(ratioLow, ratio, ratioHigh, rounds != null ? rounds : Math.min(trialsA, trialsB));
    }

    public boolean significant() {
        return verdict == Verdict.SIGNIFICANT;
    }

    /** True when the run states the two differ (a finding, or a difference of unclear or small size). */
    public boolean different() {
        return verdict.different();
    }

    /** True when the ratio was computed from rounds both runtimes share. */
    public boolean paired() {
        return pairing == Pairing.PAIRED_BY_ROUND;
    }

    /** The same finding read as B against A (ratio B/A); verdict, p and q are the pair's and stay. */
    public Finding reversed() {
        Interval inverse = ratioInterval().inverted();
        return new Finding(cell, metric, runtimeB, runtimeA, inverse.point(), inverse.low(), inverse.high(),
                trialsB, trialsA, verdict, p, q, pairing, rounds);
    }

    /** The runtime that did better, when the run states a difference. */
    public Optional<String> better() {
        if (!different()) {
            return Optional.empty();
        }
        return Optional.of(metric.favoursA(ratio) ? runtimeA : runtimeB);
    }

    /** One sentence for the report, e.g. "netty costs 12% less CPU per request than vertx (95% CI 6.1–18%, q = 0.003)". */
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
