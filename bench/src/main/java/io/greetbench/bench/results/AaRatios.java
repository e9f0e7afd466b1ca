package io.greetbench.bench.results;

import io.greetbench.bench.stats.Metric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The A/A ratios of one cell: each twin's value over the value of its runtime's own window of the same
 * round, both kept (what the report calls the resolution the run achieved, and what the precision loop
 * measures again until it reaches the precision asked for).
 */
public final class AaRatios {
    private AaRatios() {
    }

    /** From the windows of one cell (any status: only kept ones count), on {@code metric}, in the twins' order. */
    public static List<Double> of(Collection<Measurement> cellWindows, Metric metric) {
        List<Double> ratios = new ArrayList<>();
        for (Measurement twin : cellWindows) {
            if (!twin.measuredAsTwin() || !twin.ok()) {
                continue;
            }
            cellWindows.stream().filter(m -> m.ok() && !m.measuredAsTwin() && m.runtime().equals(twin.runtime())
                    && Objects.equals(m.trial(), twin.trial())).findFirst().ifPresent(own -> {
                        double r = twin.value(metric) / own.value(metric);
                        if (Double.isFinite(r) && r > 0) {
                            ratios.add(r);
                        }
                    });
        }
        return ratios;
    }
}
