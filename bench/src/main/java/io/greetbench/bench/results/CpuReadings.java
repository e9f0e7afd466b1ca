package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Arrays;
import java.util.List;

/**
 * One CPU's speed over a stretch of time: readings of a fixed piece of work (ns per million units,
 * lower is faster) summarised. {@code cv} is the coefficient of variation (standard deviation over
 * mean), {@code slowShare} the share of readings more than {@link #SLOW} times the fastest: how
 * often the host ran this CPU slow.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CpuReadings(int cpu, int readings, double fastest, double median, double slowest, double cv,
        double slowShare) {
    /** A reading this many times the fastest counts as slow (the gate's threshold; see docs/methodology.md). */
    public static final double SLOW = 1.25;

    public static CpuReadings of(int cpu, List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no readings of CPU " + cpu);
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(v).average().orElseThrow();
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        long slow = Arrays.stream(v).filter(x -> x > SLOW * v[0]).count();
        return new CpuReadings(cpu, v.length, v[0], median, v[v.length - 1], Math.sqrt(var) / mean,
                (double) slow / v.length);
    }
}
