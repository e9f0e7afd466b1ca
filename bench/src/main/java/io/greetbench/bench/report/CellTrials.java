package io.greetbench.bench.report;

import io.greetbench.bench.load.LoadDriver;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.stats.Metric;
import io.greetbench.bench.text.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The trials of one cell put together: median, min and max of each figure, failures with their
 * reasons, and whether any trial was driver-bound.
 */
final class CellTrials {
    final RuntimeCell key;
    final boolean reference;
    final List<Measurement> ok = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    CellTrials(RuntimeCell key, boolean reference) {
        this.key = key;
        this.reference = reference;
    }

    String runtime() {
        return key.runtime();
    }

    String scenario() {
        return key.scenario();
    }

    int connections() {
        return key.connections();
    }

    /** The share of the runtime's own peak (a share-of-peak scenario), or the offered requests/s (equal rates). */
    double rateFraction() {
        return key.rate();
    }

    /** The CPU limit the server ran under (CPUs), or NaN when it had its CPUs to itself. */
    double cpuLimit() {
        return ok.stream().map(Measurement::cpuLimit).filter(Objects::nonNull).findFirst().orElse(Double.NaN);
    }

    /** Requests per second per CPU of the server's budget. */
    Spread perCpu() {
        return spread(figure(Metric.REQUESTS_PER_CPU));
    }

    /** The server's CPU use over the window, in CPUs. */
    Spread cpuUse() {
        return spread(m -> m.server() == null ? null : m.server().cpuUtilization());
    }

    /** Whether the server used its whole budget (within {@code tolerance}) in every trial: capacity-bound. */
    boolean atBudget(double tolerance) {
        double limit = cpuLimit();
        return !Double.isNaN(limit) && ok.stream().allMatch(m -> m.server() != null && m.server().cpuUtilization() != null
                && m.server().cpuUtilization() >= limit * (1 - tolerance));
    }

    /** Requests still unanswered when the window closed, summed over trials (an open loop's lateness). */
    long unansweredAtEnd() {
        return ok.stream().mapToLong(m -> m.load().unansweredAtEnd()).sum();
    }

    boolean measured() {
        return !ok.isEmpty();
    }

    boolean driverBound() {
        return ok.stream().anyMatch(m -> m.load().driverSaturated());
    }

    long errors() {
        return ok.stream().mapToLong(m -> m.load().errorCount()).sum();
    }

    /**
     * Connections that failed before their first answer, summed over trials (counted apart from request
     * errors; in results without {@code neverServed}, the connections never served too).
     */
    long setupErrors() {
        return ok.stream().mapToLong(m -> m.load().setupErrorCount()).sum();
    }

    /** Connections with no first answer when set-up ended, summed over trials: not errors. */
    long neverServed() {
        return ok.stream().mapToLong(m -> m.load().neverServedCount()).sum();
    }

    /** Whether a trial's set-up errors include the connections never served (recorded before they were apart). */
    private boolean setupErrorsIncludeNeverServed() {
        return ok.stream().anyMatch(m -> m.load().neverServed() == null && m.load().setupErrorCount() > 0);
    }

    /**
     * Request errors, bold when any, set-up errors apart and the connections never served apart again
     * (not errors, not bold): "0", "**12**", "0 (set-up: **3**)", "0 (never served: 1,808)".
     */
    String errorsText() {
        long e = errors();
        long s = setupErrors();
        long n = neverServed();
        List<String> apart = new ArrayList<>();
        if (s > 0) {
            apart.add("set-up: **" + s + "**");
        }
        if (n > 0) {
            apart.add("never served: " + Units.thousands(n));
        }
        return (e == 0 ? "0" : "**" + e + "**") + (apart.isEmpty() ? "" : " (" + String.join("; ", apart) + ")");
    }

    /**
     * What the errors column's {@code set-up} and {@code never served} mean, with set-up's rule, when any of
     * {@code cells} has either; "" otherwise.
     */
    static String setupNote(List<CellTrials> cells) {
        List<CellTrials> measured = cells.stream().filter(c -> c != null && c.measured()).toList();
        boolean setup = measured.stream().anyMatch(c -> c.setupErrors() > 0);
        boolean never = measured.stream().anyMatch(c -> c.neverServed() > 0);
        if (!setup && !never) {
            return "";
        }
        return "Errors: `set-up` counts connections refused, reset or closed before their first answer; `never served` "
                + "counts connections with no first answer when set-up ended (open and waiting, or never opened while "
                + "those held every turn), which are not errors. Set-up ends when every connection has been served or "
                + "has failed, after " + Units.oneDecimal(LoadDriver.SETUP_STALL_NANOS / 1e9) + " s in which none was "
                + "(a stall), or at its deadline, 10 s + connections / 500 (30 s at 10,000 connections)."
                + (measured.stream().anyMatch(CellTrials::setupErrorsIncludeNeverServed)
                        ? " Trials recorded before the two were counted apart include the connections never served in `set-up`."
                        : "")
                + "\n\n";
    }

    Spread rps() {
        return spread(figure(Metric.THROUGHPUT));
    }

    Spread p50() {
        return spread(m -> m.load().latencyMicros() == null ? null : m.load().latencyMicros().p50());
    }

    Spread p99() {
        return spread(figure(Metric.P99_LATENCY));
    }

    Spread p999() {
        return spread(figure(Metric.P999_LATENCY));
    }

    Spread cpuPerRequest() {
        return spread(figure(Metric.CPU_PER_REQUEST));
    }

    Spread rssPeakKb() {
        return spread(figure(Metric.PEAK_RSS));
    }

    /** A metric's value in one measurement; null where it has none. */
    static Function<Measurement, Number> figure(Metric metric) {
        return switch (metric) {
            case CPU_PER_REQUEST -> m -> m.server() == null ? null : m.server().cpuMicrosPerRequest();
            case P99_LATENCY -> m -> m.load().latencyMicros() == null ? null : m.load().latencyMicros().p99();
            case P999_LATENCY -> m -> m.load().latencyMicros() == null ? null : m.load().latencyMicros().p999();
            case THROUGHPUT -> m -> m.load().requestsPerSecond();
            case REQUESTS_PER_CPU -> m -> m.cpuLimit() == null ? null : m.load().requestsPerSecond() / m.cpuLimit();
            case PEAK_RSS -> m -> m.server() == null ? null : m.server().rssPeakKb();
        };
    }

    /** The ok trials' positive values of {@code metric} (a ratio needs them), in the order measured. */
    Spread positive(Metric metric) {
        return Spread.of(ok.stream().map(m -> value(m, metric)).filter(Objects::nonNull).toList());
    }

    /**
     * The ok trials' positive values of {@code metric} by round (trial number), for pairing with
     * another runtime's rounds; null when a trial has no round or two share one (then they cannot be
     * paired, and {@link #positive} is all there is).
     */
    Map<Integer, Double> byRound(Metric metric) {
        Map<Integer, Double> rounds = new LinkedHashMap<>();
        for (Measurement m : ok) {
            Double v = value(m, metric);
            if (v != null && (m.trial() == null || rounds.put(m.trial(), v) != null)) {
                return null;
            }
        }
        return rounds;
    }

    private static Double value(Measurement m, Metric metric) {
        Number n = figure(metric).apply(m);
        double v = n == null ? Double.NaN : n.doubleValue();
        return v > 0 && Double.isFinite(v) ? v : null;
    }

    Spread threadsPeak() {
        return spread(m -> m.server() == null ? null : m.server().threadsPeak());
    }

    Spread offeredRate() {
        return spread(Measurement::offeredRate);
    }

    /** The machine's speed probe per trial (mean of before and after; ns per million units, lower is faster). */
    Spread machineProbe() {
        return spread(m -> m.machineProbe() == null ? null : m.machineProbe().meanNanos());
    }

    Spread warmupSeconds() {
        return spread(m -> m.load().warmupSettled() == null ? null : m.load().warmupSeconds());
    }

    /** Trials whose adaptive warm-up reached its maximum without settling. */
    long unsettledWarmups() {
        return ok.stream().filter(m -> Boolean.FALSE.equals(m.load().warmupSettled())).count();
    }

    /**
     * The latency histograms of every ok trial merged (µs), for a percentile plot; null when a trial
     * has none (results from before histograms were stored) or nothing was measured.
     */
    org.HdrHistogram.Histogram latencyHistogram() {
        org.HdrHistogram.Histogram merged = null;
        for (Measurement m : ok) {
            org.HdrHistogram.Histogram h = m.load().histogram();
            if (h == null) {
                return null;
            }
            if (merged == null) {
                merged = new org.HdrHistogram.Histogram(h.getNumberOfSignificantValueDigits()); // resizes as values need
            }
            merged.add(h);
        }
        return merged;
    }

    /** Median, min and max of {@code figure} over the ok trials, skipping those where it is missing. */
    Spread spread(Function<Measurement, Number> figure) {
        List<Double> values = ok.stream().map(figure).filter(Objects::nonNull).map(Number::doubleValue)
                .filter(v -> !Double.isNaN(v)).toList();
        return Spread.of(values);
    }

    /** "runtime scenario c=N" and the share of peak, for lists in the report. */
    String label() {
        boolean fixed = io.greetbench.bench.scenario.Scenarios.find(key.scenario())
                .map(s -> s.pace() == io.greetbench.bench.scenario.Pace.FIXED_RATES).orElse(false);
        String rate = key.rate() <= 0 ? "" : fixed ? " at " + io.greetbench.bench.text.Units.rate(key.rate()) + " req/s"
                : " at " + io.greetbench.bench.text.Units.pct(key.rate());
        return key.runtime() + " " + key.scenario() + " c=" + key.connections() + rate;
    }
}
