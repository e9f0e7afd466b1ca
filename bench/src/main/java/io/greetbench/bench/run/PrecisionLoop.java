package io.greetbench.bench.run;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.stats.Bootstrap;
import io.greetbench.bench.stats.FindingRule;
import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.stats.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pairs of runtimes in a cell are not yet settled to the precision asked for, on the metric
 * the cell ranks by: those whose ratio's interval spans both no difference and a difference of at
 * least the precision ({@link FindingRule#resolved}). The run adds rounds to such cells until every
 * pair settles, the rounds reach {@link #MAX_ROUNDS}, or the time is spent.
 */
public final class PrecisionLoop {
    /** No cell gets more rounds than this: a real difference much smaller than the precision never settles. */
    public static final int MAX_ROUNDS = 15;

    private PrecisionLoop() {
    }

    /** Two runtimes of a cell, their ratio A/B on the cell's metric, and whether it is settled. */
    public record Pair(String a, String b, Interval ratio, boolean settled) {
    }

    /** The metric a scenario's cells are ranked by (what the precision loop settles). */
    public static Metric metric(Scenario scenario) {
        return switch (scenario.section()) {
            case CAPACITY_TABLE -> Metric.REQUESTS_PER_CPU;
            case EQUAL_WORK_TABLE, CONNECTION_SWEEP -> Metric.CPU_PER_REQUEST;
            case RATE_TABLE -> Metric.P99_LATENCY;
            case SINGLE_TABLE -> Metric.THROUGHPUT;
            default -> Metric.CPU_PER_REQUEST;
        };
    }

    /** A measurement's value on {@code metric}; NaN when it has none. */
    public static double value(Measurement m, Metric metric) {
        if (!m.ok()) {
            return Double.NaN;
        }
        return switch (metric) {
            case REQUESTS_PER_CPU, THROUGHPUT -> m.load().requestsPerSecond(); // the same budget for all: the same ratios
            case CPU_PER_REQUEST -> m.server() == null ? Double.NaN : m.server().cpuMicrosPerRequest();
            case P99_LATENCY -> m.load().latencyMicros().p99();
            case P999_LATENCY -> m.load().latencyMicros().p999();
            case PEAK_RSS -> m.server() == null || m.server().rssPeakKb() == null ? Double.NaN : m.server().rssPeakKb();
        };
    }

    /** Every pair of ranked runtimes (references left out) among {@code measured} in {@code scenario}'s cell. */
    public static List<Pair> pairs(Scenario scenario, List<Measurement> inCell, double precision, Bootstrap bootstrap) {
        Metric metric = metric(scenario);
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Measurement m : inCell) {
            double v = value(m, metric);
            if (m.ok() && !m.isTwin() && !m.reference() && Double.isFinite(v) && v > 0) {
                values.computeIfAbsent(m.runtime(), k -> new ArrayList<>()).add(v);
            }
        }
        List<String> runtimes = new ArrayList<>(values.keySet());
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < runtimes.size(); i++) {
            for (int j = i + 1; j < runtimes.size(); j++) {
                double[] a = values.get(runtimes.get(i)).stream().mapToDouble(Double::doubleValue).toArray();
                double[] b = values.get(runtimes.get(j)).stream().mapToDouble(Double::doubleValue).toArray();
                Interval ratio = bootstrap.ratioOfMedians(a, b);
                pairs.add(new Pair(runtimes.get(i), runtimes.get(j), ratio, FindingRule.resolved(ratio, precision)));
            }
        }
        return pairs;
    }

    /** The runtimes in at least one unsettled pair: those a further round of the cell measures. */
    public static Set<String> unsettledRuntimes(List<Pair> pairs) {
        Set<String> names = new LinkedHashSet<>();
        for (Pair p : pairs) {
            if (!p.settled()) {
                names.add(p.a());
                names.add(p.b());
            }
        }
        return names;
    }
}
