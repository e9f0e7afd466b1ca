package io.greetbench.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trials of one cell (runtime × scenario × connections × rate) put together: median, min and
 * max of what was measured, failures with their reasons, and whether any trial was driver-bound.
 */
final class CellStats {
    final String runtime;
    final boolean reference;
    final String scenario;
    final int connections;
    final double rateFraction;
    final List<Map<String, Object>> ok = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    CellStats(String runtime, boolean reference, String scenario, int connections, double rateFraction) {
        this.runtime = runtime;
        this.reference = reference;
        this.scenario = scenario;
        this.connections = connections;
        this.rateFraction = rateFraction;
    }

    boolean driverBound() {
        return ok.stream().anyMatch(m -> Boolean.TRUE.equals(m.get("driverBound")));
    }

    long errors() {
        return ok.stream().mapToLong(m -> num(m, "load", "errorCount").longValue()).sum();
    }

    Spread rps() {
        return spread("load", "requestsPerSecond");
    }

    Spread p99() {
        return spread("load", "latencyMicros", "p99");
    }

    Spread p999() {
        return spread("load", "latencyMicros", "p999");
    }

    Spread cpuPerRequest() {
        return spread("server", "cpuMicrosPerRequest");
    }

    Spread rssPeakKb() {
        return spread("server", "rssPeakKb");
    }

    Spread threadsPeak() {
        return spread("server", "threadsPeak");
    }

    Spread offeredRate() {
        return spread("offeredRate");
    }

    /** The machine's speed probe per trial (mean of before and after; ns per million units, lower is faster). */
    Spread machineProbe() {
        List<Double> values = new ArrayList<>();
        for (Map<String, Object> m : ok) {
            Number before = num(m, "machineProbe", "beforeNanos");
            Number after = num(m, "machineProbe", "afterNanos");
            if (before != null && after != null) {
                values.add((before.doubleValue() + after.doubleValue()) / 2);
            }
        }
        return Spread.of(values);
    }

    /** Cells whose adaptive warm-up reached its maximum without settling. */
    long unsettledWarmups() {
        return ok.stream().filter(m -> {
            Object o = m.get("load") instanceof Map<?, ?> load ? load.get("warmupSettled") : null;
            return Boolean.FALSE.equals(o);
        }).count();
    }

    Spread gcPauseMillis() {
        return spread("server", "gcPauseMillis");
    }

    Spread spread(String... path) {
        List<Double> values = new ArrayList<>();
        for (Map<String, Object> m : ok) {
            Number n = num(m, path);
            if (n != null && !Double.isNaN(n.doubleValue())) {
                values.add(n.doubleValue());
            }
        }
        return Spread.of(values);
    }

    @SuppressWarnings("unchecked")
    static Number num(Map<String, Object> m, String... path) {
        Object o = m;
        for (String key : path) {
            if (!(o instanceof Map)) {
                return null;
            }
            o = ((Map<String, Object>) o).get(key);
        }
        return o instanceof Number ? (Number) o : null;
    }
}
