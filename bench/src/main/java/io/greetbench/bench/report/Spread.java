package io.greetbench.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, minimum and maximum of a few trials; empty when nothing was measured. */
record Spread(int n, double min, double median, double max) {
    static final Spread NONE = new Spread(0, Double.NaN, Double.NaN, Double.NaN);

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(n, sorted.get(0), median, sorted.get(n - 1));
    }

    boolean present() {
        return n > 0;
    }

    /** Every value multiplied by {@code factor} (a change of unit). */
    Spread scaled(double factor) {
        return present() ? new Spread(n, min * factor, median * factor, max * factor) : this;
    }

    /** (max - min) / median: the between-trial spread. */
    double relativeRange() {
        return n < 2 || median == 0 ? 0 : (max - min) / median;
    }
}
