package io.greetbench.bench.report;

import io.greetbench.bench.stats.Interval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A figure over a few trials: its values, median, minimum and maximum, and the median's 95% bootstrap
 * interval; empty when nothing was measured.
 */
record Spread(int n, double min, double median, double max, List<Double> values) {
    static final Spread NONE = new Spread(0, Double.NaN, Double.NaN, Double.NaN, List.of());

    Spread {
        values = List.copyOf(values);
    }

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(n, sorted.get(0), median, sorted.get(n - 1), values);
    }

    boolean present() {
        return n > 0;
    }

    /** Every value multiplied by {@code factor} (a change of unit). */
    Spread scaled(double factor) {
        return present() ? of(values.stream().map(v -> v * factor).toList()) : this;
    }

    /** (max - min) / median: the between-trial spread (the noise section's measure). */
    double relativeRange() {
        return n < 2 || median == 0 ? 0 : (max - min) / median;
    }

    /** The median with its 95% bootstrap interval, from the report's seed; a bare point for one trial. */
    Interval interval() {
        if (!present()) {
            throw new IllegalStateException("nothing measured: no interval");
        }
        return ReportStatistics.BOOTSTRAP.median(values);
    }

    /** The trial values as an array, in the order measured. */
    double[] array() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
