package io.greetbench.bench.report;

import io.greetbench.bench.results.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The trials of one cell put together: median, min and max of each figure, failures with their
 * reasons, and whether any trial was driver-bound.
 */
final class CellTrials {
    final CellKey key;
    final boolean reference;
    final List<Measurement> ok = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    CellTrials(CellKey key, boolean reference) {
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

    double rateFraction() {
        return key.rateFraction();
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

    Spread rps() {
        return spread(m -> m.load().requestsPerSecond());
    }

    Spread p50() {
        return spread(m -> m.load().latencyMicros() == null ? null : m.load().latencyMicros().p50());
    }

    Spread p99() {
        return spread(m -> m.load().latencyMicros() == null ? null : m.load().latencyMicros().p99());
    }

    Spread p999() {
        return spread(m -> m.load().latencyMicros() == null ? null : m.load().latencyMicros().p999());
    }

    Spread cpuPerRequest() {
        return spread(m -> m.server() == null ? null : m.server().cpuMicrosPerRequest());
    }

    Spread rssPeakKb() {
        return spread(m -> m.server() == null ? null : m.server().rssPeakKb());
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

    /** Median, min and max of {@code figure} over the ok trials, skipping those where it is missing. */
    Spread spread(Function<Measurement, Number> figure) {
        List<Double> values = ok.stream().map(figure).filter(Objects::nonNull).map(Number::doubleValue)
                .filter(v -> !Double.isNaN(v)).toList();
        return Spread.of(values);
    }

    /** "runtime scenario c=N" and the share of peak, for lists in the report. */
    String label() {
        return key.runtime() + " " + key.scenario() + " c=" + key.connections()
                + (key.rateFraction() > 0 ? " at " + io.greetbench.bench.text.Units.pct(key.rateFraction()) : "");
    }
}
