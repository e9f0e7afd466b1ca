package io.greetbench.bench.run;

import io.greetbench.bench.results.CpuGateReading;
import io.greetbench.bench.results.CpuReadings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges each window by the server CPU's speed around it. The server's CPU is read (a {@link CpuCheck}
 * reading) just before its server starts and just after the window closes; when the slower of the
 * two is more than {@link CpuReadings#SLOW} times the run's usual best reading of that CPU, the host
 * had slowed that CPU down and the window measured the host, not the runtime: it is discarded and
 * measured again once the CPU reads steady. While the server runs, an {@link IdleTimeWatch} (where there
 * is one) reads the same CPU in the time the server leaves idle; when the median of those readings is
 * over the threshold, the CPU ran slow for at least half the server's life, and its windows are discarded
 * too. A shorter slow spell between the two readings moves that median little: the gate lets it pass.
 *
 * <p>The load driver's CPUs on this machine get a gate of their own, reading them the same way at the same
 * moments ({@link #forDriver}): a driver whose CPU the host slows sends late, and a server fed late serves
 * fewer requests per wake-up at a higher cost each (on 2026-12-02 `netty`'s three slowest of 30 windows at
 * 256 connections came with the driver's CPU 0.65–0.84 busy, against 0.47–0.58 in 25 of the other 27).
 */
final class WindowGate {
    /** Readings kept per CPU for its "best": the 5th percentile, so one lucky reading does not set the bar. */
    private static final double BEST_QUANTILE = 0.05;
    private static final Duration STEADY_POLL = Duration.ofMillis(250);

    private final CpuReader check;
    private final List<Integer> cpus;
    private final double threshold;
    private final Map<Integer, List<Double>> readings = new LinkedHashMap<>();
    /** Reads the CPUs while the server runs; null when there is none. */
    private final IdleTimeWatch watch;
    /** Whose CPUs these are, for a person: "server's" or "driver's". */
    private final String role;

    /**
     * @param check     reads the CPUs (null: a gate that reads nothing and passes every window)
     * @param cpus      the server's CPUs
     * @param threshold a reading above threshold × best is slow
     */
    WindowGate(CpuReader check, List<Integer> cpus, double threshold) {
        this(check, cpus, threshold, null);
    }

    /** The same, with a watch of those CPUs while each server runs. */
    WindowGate(CpuReader check, List<Integer> cpus, double threshold, IdleTimeWatch watch) {
        this("server's", check, cpus, threshold, watch);
    }

    /** The gate of the load driver's CPUs {@code cpus} on this machine, watched by {@code watch} (null: not watched). */
    static WindowGate forDriver(CpuReader check, List<Integer> cpus, double threshold, IdleTimeWatch watch) {
        return new WindowGate("driver's", check, cpus, threshold, watch);
    }

    private WindowGate(String role, CpuReader check, List<Integer> cpus, double threshold, IdleTimeWatch watch) {
        this.role = role;
        this.check = check;
        this.cpus = List.copyOf(cpus);
        this.threshold = threshold;
        this.watch = watch;
        cpus.forEach(c -> readings.put(c, new ArrayList<>()));
    }

    /** A gate that passes everything (servers on another host, or the gate turned off). */
    static WindowGate off() {
        return new WindowGate(null, List.of(), Double.POSITIVE_INFINITY);
    }

    /** Begins watching the server's CPUs (a server is about to start); nothing without a watch. */
    void beginWatch() {
        if (on() && watch != null) {
            watch.begin();
        }
    }

    /**
     * Ends the watch begun by {@link #beginWatch}: for the server CPU whose median reading since was slowest
     * against its best, {best, median, readings}; null without a watch or without readings.
     */
    double[] endWatch() {
        if (!on() || watch == null) {
            return null;
        }
        double[] worst = null;
        for (Map.Entry<Integer, List<Double>> e : watch.end().entrySet()) {
            if (e.getValue().isEmpty() || !readings.containsKey(e.getKey())) {
                continue;
            }
            double median = io.greetbench.bench.stats.Quantiles.median(e.getValue().stream().mapToDouble(Double::doubleValue)
                    .sorted().toArray());
            worst = slower(worst, new double[] {best(e.getKey()), median, e.getValue().size()});
        }
        return worst;
    }

    boolean on() {
        return check != null && !cpus.isEmpty();
    }

    String cpus() {
        return cpus.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
    }

    /** Feeds earlier readings of a CPU (the check before the run) into its best. */
    void remember(int cpu, double nanos) {
        List<Double> list = readings.get(cpu);
        if (list != null) {
            list.add(nanos);
        }
    }

    /**
     * Reads the server's CPUs now: the reading of the one slowest against its best, as {best, reading};
     * null when the gate is off.
     */
    double[] read() throws IOException {
        if (!on()) {
            return null;
        }
        double[] worst = null;
        for (int cpu : cpus) {
            double nanos = check.read(cpu);
            remember(cpu, nanos);
            worst = slower(worst, new double[] {best(cpu), nanos});
        }
        return worst;
    }

    /** Of two CPUs' {best, reading, ...}, the one whose reading is slower against its best ({@code b} when {@code a} is null). */
    private static double[] slower(double[] a, double[] b) {
        return a == null || b[1] / b[0] > a[1] / a[0] ? b : a;
    }

    /** The record of a window's readings before, while ({@link #endWatch}; null: none) and after; null when the gate is off. */
    CpuGateReading reading(double[] before, double[] during, double[] after) {
        if (before == null || after == null) {
            return null;
        }
        double best = Math.min(before[0], after[0]);
        if (during == null) {
            return new CpuGateReading(cpus(), before[1], after[1], best, threshold, null, null);
        }
        best = Math.min(best, during[0]);
        return new CpuGateReading(cpus(), before[1], after[1], best, threshold, (int) during[2], during[1]);
    }

    /** Why a window with these readings is discarded, for a person; null when it stands. */
    String judge(CpuGateReading r) {
        return judge(r, threshold, role);
    }

    static String judge(CpuGateReading r, double threshold) {
        return judge(r, threshold, "server's");
    }

    private static String judge(CpuGateReading r, double threshold, String role) {
        if (r == null || Double.isNaN(r.slowdown()) || r.slowdown() <= threshold) {
            return null;
        }
        boolean beforeSlow = r.before() / r.best() > threshold;
        boolean afterSlow = r.after() / r.best() > threshold;
        if (!beforeSlow && !afterSlow) { // slow only while the server ran
            return String.format(Locale.ROOT, "the %s CPU %s ran slow while the server ran: the median of %d readings "
                    + "in the time it left idle was %.2f× its best reading (%.2f× before, %.2f× after), over the gate's %.2f×",
                    role, r.cpus(), r.during(), r.duringMedian() / r.best(), r.before() / r.best(), r.after() / r.best(), threshold);
        }
        return String.format(Locale.ROOT, "the %s CPU %s ran slow %s the window: %.2f× its best reading (%s), "
                + "over the gate's %.2f×", role, r.cpus(), beforeSlow && afterSlow ? "before and after" : beforeSlow ? "before"
                : "after", r.slowdown(), beforeSlow && afterSlow ? String.format(Locale.ROOT, "%.2f× before, %.2f× after",
                r.before() / r.best(), r.after() / r.best()) : "the other reading " + String.format(Locale.ROOT, "%.2f×",
                (beforeSlow ? r.after() : r.before()) / r.best()), threshold);
    }

    /**
     * Waits until a reading of every server CPU is within the threshold again, at most {@code bound};
     * returns whether it got there. The slow spells seen here last seconds.
     */
    boolean awaitSteady(Duration bound) throws IOException, InterruptedException {
        if (!on()) {
            return true;
        }
        long end = System.nanoTime() + bound.toNanos();
        while (true) {
            double[] r = read();
            if (r[1] <= threshold * r[0]) {
                return true;
            }
            if (System.nanoTime() >= end) {
                return false;
            }
            Thread.sleep(STEADY_POLL.toMillis());
        }
    }

    /** The CPU's usual best: a low quantile of its readings so far. */
    double best(int cpu) {
        List<Double> sorted = new ArrayList<>(readings.get(cpu));
        Collections.sort(sorted);
        return sorted.get((int) Math.floor(BEST_QUANTILE * (sorted.size() - 1)));
    }
}
