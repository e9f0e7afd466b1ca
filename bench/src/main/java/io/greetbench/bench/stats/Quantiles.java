package io.greetbench.bench.stats;

/** Median and percentiles of an already sorted array. */
public final class Quantiles {
    private Quantiles() {
    }

    /** The middle value, or the mean of the two middle values for an even count (as the report's Spread). */
    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The p-quantile, interpolating linearly between neighbours (Hyndman & Fan type 7, R's default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
