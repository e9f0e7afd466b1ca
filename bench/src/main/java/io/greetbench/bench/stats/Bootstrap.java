package io.greetbench.bench.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded percentile bootstrap of the median of a few trials, and of the ratio of two runtimes'
 * medians (Georges et al., OOPSLA 2007; Kalibera &amp; Jones, ISMM 2013). Every call starts a fresh
 * generator from the seed, so a result depends only on the seed and its input, not on what was
 * computed before it.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 10_000;
    /** Any fixed value would do; it is recorded next to the findings so they can be recomputed. */
    public static final long DEFAULT_SEED = 13L;
    public static final double CONFIDENCE = 0.95;

    private static final double LOW_PERCENTILE = (1 - CONFIDENCE) / 2;
    private static final double HIGH_PERCENTILE = 1 - LOW_PERCENTILE;

    private final int resamples;
    private final long seed;

    public Bootstrap() {
        this(DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public Bootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("too few resamples for a 95% interval: " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    /**
     * True when the percentile interval of a median of {@code n} trials is simply their range: for n ≤ 5
     * a resampled median equals the smallest trial with probability P(Binomial(n, 1/n) &gt; n/2) ≥ 5.8%,
     * more than the 2.5% the low end cuts off (and so for the largest). The range covers the true median
     * with probability 1 − 2^(1−n): 93.75% at n = 5, 75% at n = 3, 50% at n = 2; the report says "range", not "95%".
     */
    public static boolean medianIntervalIsRange(int n) {
        return n <= 5;
    }

    /** The median of the trials with a 95% interval (the range for n ≤ 5: {@link #medianIntervalIsRange}); a point for a single trial. */
    public Interval median(double[] values) {
        double[] sample = checked(values, false);
        double point = Quantiles.median(sorted(sample));
        if (sample.length == 1) {
            return Interval.single(point);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] buffer = new double[sample.length];
        double[] medians = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            medians[i] = resampledMedian(sample, buffer, random);
        }
        return percentileInterval(medians, point, sample.length);
    }

    public Interval median(List<Double> values) {
        return median(toArray(values));
    }

    /**
     * median(a) / median(b) with a 95% interval: each side is resampled independently and the ratio
     * of the resampled medians taken. Values must be positive. A point only if either side has a
     * single trial (one side's spread alone would understate the uncertainty).
     */
    public Interval ratioOfMedians(double[] a, double[] b) {
        double[] sampleA = checked(a, true);
        double[] sampleB = checked(b, true);
        double point = Quantiles.median(sorted(sampleA)) / Quantiles.median(sorted(sampleB));
        int n = Math.min(sampleA.length, sampleB.length);
        if (n == 1) {
            return Interval.single(point);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] bufferA = new double[sampleA.length];
        double[] bufferB = new double[sampleB.length];
        double[] ratios = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            double medianA = resampledMedian(sampleA, bufferA, random);
            ratios[i] = medianA / resampledMedian(sampleB, bufferB, random);
        }
        return percentileInterval(ratios, point, n);
    }

    public Interval ratioOfMedians(List<Double> a, List<Double> b) {
        return ratioOfMedians(toArray(a), toArray(b));
    }

    private static double resampledMedian(double[] sample, double[] buffer, SplittableRandom random) {
        for (int j = 0; j < sample.length; j++) {
            buffer[j] = sample[random.nextInt(sample.length)];
        }
        Arrays.sort(buffer);
        return Quantiles.median(buffer);
    }

    private static Interval percentileInterval(double[] statistics, double point, int n) {
        Arrays.sort(statistics);
        return new Interval(Quantiles.quantile(statistics, LOW_PERCENTILE), point,
                Quantiles.quantile(statistics, HIGH_PERCENTILE), n);
    }

    private static double[] checked(double[] values, boolean positive) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("no trials");
        }
        for (double v : values) {
            if (!Double.isFinite(v) || (positive && v <= 0)) {
                throw new IllegalArgumentException("trial value " + v + (positive ? " is not a positive number" : " is not a number"));
            }
        }
        return values.clone();
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
