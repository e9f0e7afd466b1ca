package io.greetbench.bench.report;

import io.greetbench.bench.results.AaRatios;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.RecordedOptions;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.stats.Bootstrap;
import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.stats.Metric;
import io.greetbench.bench.stats.RankedMetric;
import io.greetbench.bench.stats.SettledPairs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * "What this run can tell apart": per cell, the A/A twin's ratio to the same runtime's own window in
 * the same round (the resolution the run achieved), the windows the gate discarded, and every pair of
 * runtimes on the cell's metric, settled to the precision asked for or not, at what n. Runs made
 * before the precision loop (no precision recorded, no twins, nothing discarded) get no section.
 */
final class PrecisionSection implements ReportSection {

    /** One cell of the matrix: a scenario, connections and rate, across runtimes. */
    private record Group(String scenario, int connections, double rate) {
        /** The same cell as findings name it. */
        io.greetbench.bench.stats.CellKey key() {
            return io.greetbench.bench.stats.CellKey.of(Scenarios.find(scenario).map(Scenario::pace)
                    .orElse(io.greetbench.bench.scenario.Pace.CLOSED), scenario, connections, rate);
        }

        String label() {
            String label = scenario + " c=" + connections;
            var s = Scenarios.find(scenario);
            if (s.isEmpty() || rate == 0) {
                return label;
            }
            return switch (s.get().pace()) {
                case CLOSED -> label;
                case SHARE_OF_PEAK -> label + " at " + Math.round(rate * 100) + "% of peak";
                case FIXED_RATES -> String.format(Locale.ROOT, "%s at %,.0f req/s", label, rate);
            };
        }

        boolean contains(Measurement m) {
            return scenario.equals(m.scenario()) && Objects.equals(connections, m.connections())
                    && Math.abs(ResultsIndex.rateOf(m) - rate) < 1e-6;
        }
    }

    @Override
    public void render(ReportContext ctx, StringBuilder md) {
        ResultsIndex index = ctx.index();
        RecordedOptions options = index.env().optionsOrNone();
        if (options.precision() == null && index.twins().isEmpty() && index.discarded().isEmpty()) {
            return;
        }
        double precision = options.precision() == null ? 0.05 : options.precision();
        String pct = Math.round(precision * 100) + "%";
        Map<Group, Map<String, List<Measurement>>> groups = new LinkedHashMap<>();
        for (CellTrials c : index.cells()) {
            Group g = new Group(c.scenario(), c.connections(), c.rateFraction());
            if (!c.reference) {
                groups.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(c.runtime(), c.ok);
            }
        }
        for (Measurement m : index.discarded()) { // a cell whose every window was discarded still has its row
            groups.computeIfAbsent(new Group(m.scenario(), m.connections() == null ? 0 : m.connections(), ResultsIndex.rateOf(m)),
                    k -> new LinkedHashMap<>());
        }
        Bootstrap bootstrap = new Bootstrap();
        md.append("## What this run can tell apart\n\n");
        md.append(String.format(Locale.ROOT, "Asked for: rankings to ±%s (`--precision`)%s. A pair is *settled* when the "
                + "95%% interval of its ratio excludes no difference with the pair's own p-value at most 5%% (the report states "
                + "no difference without it), or lies within ±%s of it; pairs that were not had "
                + "rounds added%s. ", pct, options.maxMinutes() == null ? "" : String.format(Locale.ROOT,
                " within %.0f minutes (`--max-minutes`)", options.maxMinutes()), pct, options.maxMinutes() != null
                && options.maxMinutes() > 0 ? " while the time allowed" : " (none here: `--max-minutes 0`)"));
        md.append("**A/A** is one runtime measured a second time in the same round, as if it were another (a different "
                + "one each round): its ratio to the runtime's own window of that round is what the run cannot resolve. ");
        String watched = watched(index);
        String driverWatched = driverWatched(index);
        String compiled = compiled(index);
        md.append(Boolean.FALSE.equals(options.windowGate()) ? "The window gate was off: no window was discarded.\n\n"
                : "**Discarded**: windows taken while the server's CPU ran slow (read just before the server started and "
                        + "just after the window" + (watched.isEmpty() ? "" : ", and while the server ran") + ")"
                        + (driverWatched.isEmpty() ? "" : " or the driver's did")
                        + (compiled.isEmpty() || !options.adaptiveWarmup() ? "" : String.format(Locale.ROOT, ", or while the "
                        + "server's JIT compiler still took over %.0f%% of its CPU after a warm-up that settled",
                        io.greetbench.bench.results.ServerUse.JIT_SHARE_LIMIT * 100)) + ", measured again on a fresh server.\n\n");
        md.append(compiled);
        md.append(watched).append(driverWatched);
        var cpuCheck = index.env().cpuCheck();
        if (cpuCheck != null) {
            md.append("**The CPUs**, timed in turn before the run: ").append(cpuCheck.explanation()).append(".\n\n");
            md.append("| CPU | readings | fastest | median | slowest | CV | slow (>").append(
                    io.greetbench.bench.results.CpuReadings.SLOW).append("× fastest) |\n|---|---|---|---|---|---|---|\n");
            for (var r : cpuCheck.cpus()) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %.2f ms | %.2f ms | %.2f ms | %.1f%% | %.1f%% |%n", r.cpu(),
                        r.readings(), r.fastest() / 1e6, r.median() / 1e6, r.slowest() / 1e6, r.cv() * 100, r.slowShare() * 100));
            }
            md.append("\n(ms per million units of fixed integer work; lower is faster.)\n\n");
        }
        md.append("| cell | metric | rounds | A/A (median of rounds) | flag | pairs settled | discarded |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        List<String> unsettled = new ArrayList<>();
        StringBuilder every = new StringBuilder();
        for (var e : groups.entrySet()) {
            Group g = e.getKey();
            Scenario scenario = Scenarios.find(g.scenario()).orElse(null);
            if (scenario == null) {
                continue;
            }
            Metric metric = RankedMetric.of(scenario.section());
            Map<String, Map<Integer, Double>> values = new LinkedHashMap<>();
            int minRounds = Integer.MAX_VALUE;
            int maxRounds = 0;
            for (var r : e.getValue().entrySet()) {
                Map<Integer, Double> byRound = new java.util.TreeMap<>();
                for (Measurement m : r.getValue()) {
                    double v = m.value(metric);
                    if (m.trial() != null && Double.isFinite(v) && v > 0) {
                        byRound.put(m.trial(), v);
                    }
                }
                if (!byRound.isEmpty()) {
                    values.put(r.getKey(), byRound);
                    minRounds = Math.min(minRounds, byRound.size());
                    maxRounds = Math.max(maxRounds, byRound.size());
                }
            }
            List<SettledPairs.Pair> pairs = SettledPairs.of(g.key(), metric, values, precision, bootstrap);
            long settled = pairs.stream().filter(SettledPairs.Pair::settled).count();
            Interval aa = aaRatio(g, index, metric, bootstrap);
            long discarded = index.discarded().stream().filter(g::contains).count();
            md.append("| ").append(g.label()).append(" | ").append(metric.label()).append(" | ")
                    .append(values.isEmpty() ? "–" : minRounds == maxRounds ? String.valueOf(minRounds) : minRounds + "–" + maxRounds)
                    .append(" | ").append(aa == null ? "–" : ratio(aa) + (aa.resolved() && Bootstrap.medianIntervalIsRange(aa.n()) ? ", the range" : ""))
                    .append(" | ").append(aa != null && aa.resolved() && aa.excludes(1.0) ? "A/A misses 1" : "")
                    .append(" | ").append(settled).append(" of ").append(pairs.size())
                    .append(" | ").append(discarded).append(" |\n");
            for (SettledPairs.Pair p : pairs) {
                String line = "`" + p.a() + "` / `" + p.b() + "` " + ratio(p.ratio()) + ", n = " + p.n();
                if (!p.settled()) {
                    unsettled.add(g.label() + ": " + line);
                }
                every.append("| ").append(g.label()).append(" | `").append(p.a()).append("` | `").append(p.b()).append("` | ")
                        .append(ratio(p.ratio())).append(" | ").append(p.n()).append(" | ")
                        .append(p.settled() ? (p.ratio().excludes(1.0) ? "a difference" : "a tie within ±" + pct)
                                : "not settled").append(" |\n");
            }
        }
        md.append("\n");
        md.append(every.length() == 0 ? "No cell had two ranked runtimes with a trial to compare.\n\n"
                : unsettled.isEmpty() ? "Every pair settled to ±" + pct + ".\n\n"
                : "Not settled to ±" + pct + " (cannot be told apart at this precision):\n\n- "
                        + String.join("\n- ", unsettled) + "\n\n");
        if (every.length() > 0) {
            md.append("<details><summary>Every pair, settled or not, and at what n</summary>\n\n");
            md.append("| cell | A | B | A/B (95% interval) | n | settled |\n|---|---|---|---|---|---|\n");
            md.append(every).append("\n</details>\n\n");
        }
    }

    /**
     * What the watch read of the server's CPU while each server ran (one record per server: its windows share
     * it): how many readings, how their medians sat against the CPU's best, and the windows discarded on them
     * alone. Empty when no window has such readings (the gate off, or results older than the watch).
     */
    private static String watched(ResultsIndex index) {
        Map<Long, io.greetbench.bench.results.CpuGateReading> perServer = perServer(index, Measurement::serverCpuCheck);
        if (perServer.isEmpty()) {
            return "";
        }
        double[] ratios = perServer.values().stream().mapToDouble(r -> r.duringMedian() / r.best()).sorted().toArray();
        double[] counts = perServer.values().stream().mapToDouble(r -> r.during()).sorted().toArray();
        long within = java.util.Arrays.stream(ratios).filter(r -> r <= 1.10).count();
        long onItAlone = index.discarded().stream().filter(m -> m.reason() != null && m.reason().startsWith("the server's CPU")
                && m.reason().contains("while the server ran")).count();
        return String.format(Locale.ROOT, "**While each server ran**, its CPU was read in the time the server left idle (a thread "
                + "pinned there at the idle scheduling class, each reading timed in its own CPU time, so the server's load does "
                + "not count in it): %d servers, a median of %.0f readings each. The median reading of a server's life was within "
                + "1.10× the CPU's best for %d of them; the slowest was %.2f×, the median %.2f×. Windows discarded on these "
                + "readings alone: %d.%n%n", ratios.length, io.greetbench.bench.stats.Quantiles.median(counts), within,
                ratios[ratios.length - 1], io.greetbench.bench.stats.Quantiles.median(ratios), onItAlone);
    }

    /**
     * What the gate of the load driver's CPU read (the same readings, of the driver's CPU on this machine): how
     * its median readings sat against its best, and the windows discarded on it. Empty without such readings.
     */
    private static String driverWatched(ResultsIndex index) {
        Map<Long, io.greetbench.bench.results.CpuGateReading> perServer = perServer(index, Measurement::driverCpuCheck);
        if (perServer.isEmpty()) {
            return "";
        }
        double[] ratios = perServer.values().stream().mapToDouble(r -> r.duringMedian() / r.best()).sorted().toArray();
        long within = java.util.Arrays.stream(ratios).filter(r -> r <= 1.10).count();
        long onIt = index.discarded().stream().filter(m -> m.reason() != null && m.reason().startsWith("the driver's CPU"))
                .count();
        return String.format(Locale.ROOT, "**The driver's CPU** was read the same way, before, while and after each server "
                + "ran (a driver whose CPU the host slows sends late, and the server it feeds serves fewer requests per "
                + "wake-up, each at a higher cost): its median reading over a server's life was within 1.10× its best for %d "
                + "of %d servers; the slowest was %.2f×. Windows discarded on the driver's CPU: %d.%n%n", within,
                ratios.length, ratios[ratios.length - 1], onIt);
    }

    /**
     * One gate's readings per server (its windows share them), of the kept, twin and discarded windows that have
     * readings taken while the server ran.
     */
    private static Map<Long, io.greetbench.bench.results.CpuGateReading> perServer(ResultsIndex index,
            java.util.function.Function<Measurement, io.greetbench.bench.results.CpuGateReading> gate) {
        Map<Long, io.greetbench.bench.results.CpuGateReading> perServer = new LinkedHashMap<>();
        java.util.stream.Stream.of(index.cells().stream().flatMap(c -> c.ok.stream()), index.twins().stream(),
                        index.discarded().stream()).flatMap(x -> x)
                .filter(m -> m.serverPid() != null && gate.apply(m) != null && gate.apply(m).during() != null)
                .forEach(m -> perServer.putIfAbsent(m.serverPid(), gate.apply(m)));
        return perServer;
    }

    /**
     * How much of the kept windows' server CPU went to the JIT compiler, and how many windows were discarded for
     * it. Empty when no window records it (results older than the reading, or servers on another host).
     */
    private static String compiled(ResultsIndex index) {
        double[] shares = java.util.stream.Stream.concat(index.cells().stream().flatMap(c -> c.ok.stream()),
                        index.twins().stream().filter(Measurement::ok))
                .map(m -> m.server() == null ? null : m.server().jitShare()).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sorted().toArray();
        if (shares.length == 0) {
            return "";
        }
        long discarded = index.discarded().stream().filter(m -> m.reason() != null && m.reason().contains("JIT compiler"))
                .count();
        return String.format(Locale.ROOT, "**The JIT compiler** (its threads' CPU time, read over each window): in the %d "
                + "windows kept it took a median of %.2f%% of the server's CPU, at most %.2f%%. Windows discarded because "
                + "it took more than %.0f%%: %d.%n%n", shares.length, io.greetbench.bench.stats.Quantiles.median(shares) * 100,
                shares[shares.length - 1] * 100, io.greetbench.bench.results.ServerUse.JIT_SHARE_LIMIT * 100, discarded);
    }

    /** The twins' ratios to the same runtime's own window of the same round, bootstrapped (null: no twin). */
    private static Interval aaRatio(Group g, ResultsIndex index, Metric metric, Bootstrap bootstrap) {
        List<Measurement> windows = new ArrayList<>();
        index.twins().stream().filter(g::contains).forEach(twin -> {
            windows.add(twin);
            CellTrials own = index.cell(twin.runtime(), g.scenario(), g.connections(), g.rate());
            if (own != null) {
                windows.addAll(own.ok);
            }
        });
        List<Double> ratios = AaRatios.of(windows.stream().distinct().toList(), metric);
        return ratios.isEmpty() ? null : bootstrap.median(ratios);
    }

    private static String ratio(Interval i) {
        return i.resolved() ? String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", i.point(), i.low(), i.high())
                : String.format(Locale.ROOT, "%.3f (one trial)", i.point());
    }
}
