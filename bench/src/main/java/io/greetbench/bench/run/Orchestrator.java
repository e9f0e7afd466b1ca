package io.greetbench.bench.run;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.Pace;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.bench.server.ServerHost;
import io.greetbench.bench.server.ServerInstance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.greetbench.bench.stats.Metric;
import io.greetbench.bench.stats.RankedMetric;
import io.greetbench.bench.stats.SettledPairs;
import java.util.function.Consumer;

/**
 * Runs a comparison: for every cell, a fresh server on the server host, the load from the load
 * source (this process, pinned to the driver CPUs, or driver hosts), resource sampling during the
 * measured window, and a stop. Each measurement is appended to {@code results.jsonl} as soon as it
 * exists. A server that fails is recorded with its reason and the run goes on.
 */
public final class Orchestrator {
    private static final Duration READY_BOUND = Duration.ofSeconds(30);
    /** How often a disturbed window is measured again before it is left out. */
    static final int REMEASURES = 2;
    /** How long to wait for a slow CPU to read steady again before measuring anyway. */
    private static final Duration STEADY_BOUND = Duration.ofSeconds(20);
    /** No cell gets more rounds than this: a real difference much smaller than the precision never settles. */
    static final int MAX_ROUNDS = 15;
    /** The short check of every CPU as each round begins. */
    private static final Duration ROUND_CHECK = Duration.ofMillis(300);

    private final RunOptions options;
    private final List<ServerLauncher> servers;
    private final RunHosts hosts;
    private final ServerHost host;
    private final ResultsFile results;
    private final PrintStream log;
    private final PeakBook peaks = new PeakBook();
    private Consumer<ServerInstance> onWindowOpen = p -> { };
    private Duration readyBound = READY_BOUND;
    private CpuReader testReader;
    private Duration steadyBound = STEADY_BOUND;
    private int failures;
    /** Everything measured so far (discarded windows and twins included), for the precision loop. */
    private final List<Measurement> measured = new ArrayList<>();
    private volatile MemoryLimitSearch memorySearch;
    /** The gate of the load driver's CPUs (off unless the driver runs here with known CPUs and the gate is on). */
    private WindowGate driverGate = WindowGate.off();

    /** Everything on this machine. */
    public Orchestrator(RunOptions options, Path root, PrintStream log) {
        this(options, RunHosts.local(options), root, log);
    }

    /** Servers and load where {@code hosts} say. */
    public Orchestrator(RunOptions options, RunHosts hosts, Path root, PrintStream log) {
        this.options = options;
        this.log = log;
        this.hosts = hosts;
        this.host = hosts.server();
        this.results = new ResultsFile(options.out());
        this.servers = Launchers.forRuntimes(options, host.site(), host.shell(), root, log);
    }

    /** For tests: called with the server of each cell when its measured window opens. */
    void onMeasuring(Consumer<ServerInstance> hook) {
        this.onWindowOpen = hook;
    }

    /** For tests: reads the server's CPUs instead of a {@link CpuCheck}, and waits at most {@code steady} for them. */
    void cpuReader(CpuReader reader, Duration steady) {
        this.testReader = reader;
        this.steadyBound = steady;
    }

    /** For tests: how long a server may take to answer correctly. */
    void readyBound(Duration bound) {
        this.readyBound = bound;
    }

    /** Stops every server and driver still running, on every host; safe to call from a shutdown hook. */
    public void stopChildren() {
        hosts.close();
        MemoryLimitSearch search = memorySearch;
        if (search != null) {
            search.stop(); // its window's memory group, now that the server in it is stopped
        }
    }

    /** Runs every cell; returns how many measurements failed. */
    public int run(Path root) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Files.createDirectories(options.out().resolve("logs"));
        Environment.describe(options, root, hosts.described()).write(options.out());
        List<ServerLauncher> usable = new ArrayList<>();
        for (ServerLauncher s : servers) {
            var reason = s.reference() && !host.site().local() ? java.util.Optional.of(LocalOnly.REASON) : s.unavailableReason();
            if (reason.isPresent()) {
                log.println("greetbench: skipping " + s.name() + ": " + reason.get());
                results.append(Measurement.skipped(s.name(), s.reference(), reason.get()));
            } else {
                usable.add(s);
            }
        }
        List<Cell> plan = plan(usable);
        MachineProbe.warmUp();
        // A first guess for the ETA (it follows the real pace once cells are done): an adaptive
        // warm-up takes some seconds past its least; see the report's warm-up summary for how many.
        double perCell = 2.5 + options.warmup().toMillis() / 1000.0 + (options.adaptiveWarmup() ? 6 : 0)
                + options.duration().toMillis() / 1000.0;
        Progress progress = new Progress(log, plan.size(), perCell);
        CellMeasurement measurement = new CellMeasurement(options, hosts.load(), readyBound, onWindowOpen, log);
        try (CpuCheck check = cpuCheck(); IdleTimeWatch watch = watch(check);
                IdleTimeWatch driverWatch = driverWatch(check)) {
            WindowGate gate = gate(check, watch);
            driverGate = driverGate(check, driverWatch);
            String lastRound = null;
            for (List<Cell> visit : visits(plan)) {
                if (host.closed()) {
                    return failures; // interrupted: the shutdown hook reports what is here
                }
                String round = visit.get(0).scenario().key() + "/" + visit.get(0).trial();
                if (!round.equals(lastRound)) {
                    checkBetweenRounds(check, gate);
                    lastRound = round;
                }
                measureGated(measurement, visit, gate, progress);
            }
            if (options.precision().addsRounds()) {
                addRounds(usable, measurement, progress, check, gate, started);
            }
        } finally {
            if (!cpuChecksBetweenRounds.isEmpty()) {
                Environment.withCpuChecks(options.out(), cpuChecksBetweenRounds);
            }
        }
        failures += notCells(usable, measurement);
        return failures;
    }

    /** The check of every CPU, when the servers run here and the gate is on; else null. */
    private CpuCheck cpuCheck() throws IOException {
        if (!host.site().local() || !options.precision().gate() || testReader != null) {
            return null;
        }
        return new CpuCheck(CpuCheck.onlineCpus());
    }

    /** The watch of the servers' CPUs while each server runs, where the gate reads them; else null. */
    private IdleTimeWatch watch(CpuCheck check) throws IOException {
        return check == null ? null : new IdleTimeWatch(serverCpus());
    }

    /** The gate on the servers' CPUs, its best readings seeded by the check before the run. */
    private WindowGate gate(CpuCheck check, IdleTimeWatch watch) throws IOException {
        if (testReader != null && options.precision().gate()) {
            WindowGate gate = new WindowGate(testReader, serverCpus(), io.greetbench.bench.results.CpuReadings.SLOW);
            for (int i = 0; i < 5; i++) { // as the check before the first round seeds a real gate
                gate.read();
            }
            return gate;
        }
        if (check == null) {
            log.println("greetbench: window gate off" + (host.site().local() ? " (--no-window-gate)"
                    : ": the servers run on " + host.name() + ", whose CPUs this machine cannot time"));
            return WindowGate.off();
        }
        WindowGate gate = new WindowGate(check, serverCpus(), io.greetbench.bench.results.CpuReadings.SLOW, watch);
        log.println("greetbench: window gate on: a window is measured again when CPU " + gate.cpus() + " reads over "
                + io.greetbench.bench.results.CpuReadings.SLOW + "× its best just before its server starts or just after it, "
                + "or in the median of its readings while the server runs (in the time the server leaves idle)");
        return gate;
    }

    /** The watch of the load driver's CPUs on this machine, where the gate reads the servers'; else null. */
    private IdleTimeWatch driverWatch(CpuCheck check) throws IOException {
        return check == null || driverCpus().isEmpty() ? null : new IdleTimeWatch(driverCpus());
    }

    /** The gate on the load driver's CPUs on this machine (off without its watch), seeded as the servers' is. */
    private WindowGate driverGate(CpuCheck check, IdleTimeWatch driverWatch) {
        if (driverWatch == null) {
            return WindowGate.off();
        }
        WindowGate gate = WindowGate.forDriver(check, driverCpus(), io.greetbench.bench.results.CpuReadings.SLOW, driverWatch);
        log.println("greetbench: the driver's CPU " + gate.cpus() + " is gated the same way");
        return gate;
    }

    /** The load driver's CPUs on this machine; empty when the load comes from other hosts or its CPUs are not pinned. */
    private List<Integer> driverCpus() {
        if (options.placement().remoteDrivers() || options.driverCpus() == null) {
            return List.of();
        }
        return io.greetbench.bench.load.CpuBusy.parseList(options.driverCpus()).stream().boxed().toList();
    }

    /** The servers' CPUs on this machine (only read when the servers run here). */
    private List<Integer> serverCpus() {
        return io.greetbench.bench.load.CpuBusy.parseList(options.serverCpus()).stream().boxed().toList();
    }

    private final List<io.greetbench.bench.results.CpuReadings> cpuChecksBetweenRounds = new ArrayList<>();

    /** A short check of every CPU as a round begins: recorded, and the gate's best kept current. */
    private void checkBetweenRounds(CpuCheck check, WindowGate gate) throws IOException {
        if (check == null) {
            return;
        }
        for (var r : check.survey(ROUND_CHECK).values()) {
            cpuChecksBetweenRounds.add(r);
            gate.remember(r.cpu(), r.median());
            driverGate.remember(r.cpu(), r.median());
        }
    }

    /**
     * After the planned rounds: one more round at a time of each cell with unsettled pairs (only
     * the runtimes in them, and an A/A twin), or whose A/A interval is not yet within the precision (one
     * runtime and its twin), while a whole round still fits in the run's time.
     */
    private void addRounds(List<ServerLauncher> usable, CellMeasurement measurement, Progress progress, CpuCheck check,
            WindowGate gate, long started) throws IOException, InterruptedException {
        Precision precision = options.precision();
        long deadline = started + precision.maxTime().toNanos();
        io.greetbench.bench.stats.Bootstrap bootstrap = new io.greetbench.bench.stats.Bootstrap();
        List<CellGroup> groups = plan(usable).stream().map(Cell::group).distinct().toList();
        while (!host.closed()) {
            List<List<Cell>> rounds = roundsToAdd(groups, usable, measured, precision, options.trials(), bootstrap);
            if (rounds.isEmpty()) {
                log.println("greetbench: every pair with trials on both sides settled to ±" + Math.round(precision.target() * 100)
                        + "%, and every cell's A/A within it (or the cell reached " + MAX_ROUNDS + " rounds)");
                return;
            }
            for (List<Cell> round : byScenario(rounds)) {
                double seconds = progress.secondsPerCell() * round.size();
                if (System.nanoTime() + (long) (seconds * 1e9) > deadline) {
                    log.println("greetbench: no time left (--max-minutes " + precision.maxTime().toMinutes()
                            + ") for another round of " + round.get(0).scenario().key() + "; pairs still unsettled, "
                            + "and A/A intervals wider than the precision, are reported as such");
                    return;
                }
                progress.add(round.size());
                log.println("greetbench: adding round " + round.get(0).trial() + " of " + round.get(0).scenario().key() + " ("
                        + round.stream().map(c -> c.group().label()).distinct().collect(java.util.stream.Collectors.joining(", "))
                        + ") for " + round.stream().filter(c -> !c.twin()).map(c -> c.server().name()).distinct().toList()
                        + ": pairs not yet settled to ±" + Math.round(precision.target() * 100) + "%, or the cell's A/A not yet "
                        + "within it");
                checkBetweenRounds(check, gate);
                for (List<Cell> visit : visits(round)) {
                    if (host.closed()) {
                        return;
                    }
                    measureGated(measurement, visit, gate, progress);
                }
            }
        }
    }

    /**
     * The added rounds of one scenario and round number as one round, each runtime's cells next to each
     * other (in the order of its cells), so that one server serves them in turn as in the planned rounds.
     */
    static List<List<Cell>> byScenario(List<List<Cell>> rounds) {
        Map<String, List<Cell>> merged = new LinkedHashMap<>();
        for (List<Cell> round : rounds) {
            for (Cell c : round) {
                merged.computeIfAbsent(c.scenario().key() + "/" + c.trial(), k -> new ArrayList<>()).add(c);
            }
        }
        List<List<Cell>> out = new ArrayList<>();
        for (List<Cell> cells : merged.values()) {
            Map<String, List<Cell>> byServer = new LinkedHashMap<>();
            for (Cell c : cells) {
                byServer.computeIfAbsent(c.server().name() + (c.twin() ? "/aa" : ""), k -> new ArrayList<>()).add(c);
            }
            List<Cell> round = new ArrayList<>();
            byServer.values().forEach(round::addAll);
            out.add(round);
        }
        return out;
    }

    /**
     * The plan cut into what one server serves: consecutive cells of one runtime, scenario and round (an
     * A/A twin's apart from its original's).
     */
    static List<List<Cell>> visits(List<Cell> plan) {
        List<List<Cell>> visits = new ArrayList<>();
        List<Cell> current = null;
        for (Cell c : plan) {
            Cell first = current == null ? null : current.get(0);
            if (first == null || first.server() != c.server() || first.scenario() != c.scenario() || first.trial() != c.trial()
                    || first.twin() != c.twin() || current.stream().anyMatch(d -> d.group().equals(c.group()))) {
                current = new ArrayList<>();
                visits.add(current);
            }
            current.add(c);
        }
        return visits;
    }

    /**
     * The precision loop's next step: for each cell with a pair not settled to the precision, an A/A
     * interval not yet within it, or a
     * runtime whose discarded windows left it short of its planned trials (and fewer than
     * {@link #MAX_ROUNDS} rounds), one more round of those runtimes; empty when there is none.
     */
    static List<List<Cell>> roundsToAdd(List<CellGroup> groups, List<ServerLauncher> usable, List<Measurement> measured,
            Precision precision, int plannedTrials, io.greetbench.bench.stats.Bootstrap bootstrap) {
        List<List<Cell>> rounds = new ArrayList<>();
        for (CellGroup g : groups) {
            List<Measurement> inCell = measured.stream().filter(g::contains).toList();
            Map<String, Map<Integer, Double>> values = rankedValues(g.scenario(), inCell);
            Set<String> unsettled = new java.util.LinkedHashSet<>(SettledPairs.unsettledRuntimes(SettledPairs.of(g.key(),
                    RankedMetric.of(g.scenario().section()), values, precision.target(), bootstrap)));
            // a runtime the gate left short of its planned trials (its windows discarded, not failed) is measured again too
            inCell.stream().filter(m -> m.status() == Status.DISCARDED && !m.reference()).map(Measurement::runtime)
                    .filter(r -> values.getOrDefault(r, Map.of()).size() < plannedTrials).forEach(unsettled::add);
            int nextTrial = inCell.stream().mapToInt(m -> m.trial() == null ? 0 : m.trial()).max().orElse(0) + 1;
            // A cell whose own A/A cannot yet resolve ±precision gets a round too, of one runtime (a different one
            // each round) and its twin: a run states its pairs no finer than its A/A says it can.
            if (unsettled.isEmpty() && precision.twins() && !values.isEmpty() && aaShort(inCell, g, precision, bootstrap)) {
                List<String> ranked = new ArrayList<>(values.keySet());
                unsettled.add(ranked.get((nextTrial - 1) % ranked.size()));
            }
            if (unsettled.isEmpty() || nextTrial > MAX_ROUNDS) {
                continue;
            }
            List<ServerLauncher> serving = usable.stream().filter(s -> unsettled.contains(s.name())).toList();
            rounds.add(round(g, nextTrial, serving, precision.twins()));
        }
        return rounds;
    }

    /**
     * Whether a cell has A/A ratios whose interval does not yet lie within ±precision (one ratio has no
     * interval: short too); false for a cell without any (no twin measured, or none kept).
     */
    static boolean aaShort(List<Measurement> inCell, CellGroup g, Precision precision,
            io.greetbench.bench.stats.Bootstrap bootstrap) {
        List<Double> ratios = io.greetbench.bench.results.AaRatios.of(inCell, RankedMetric.of(g.scenario().section()));
        return !ratios.isEmpty() && !io.greetbench.bench.stats.FindingRule.withinPrecision(bootstrap.median(ratios),
                precision.target());
    }

    /**
     * Each ranked runtime's values in a cell by round (twins, references and discarded windows left
     * out), on the cell's metric.
     */
    static Map<String, Map<Integer, Double>> rankedValues(Scenario scenario, List<Measurement> inCell) {
        Metric metric = RankedMetric.of(scenario.section());
        Map<String, Map<Integer, Double>> values = new LinkedHashMap<>();
        for (Measurement m : inCell) {
            double v = m.value(metric);
            if (!m.measuredAsTwin() && !m.reference() && m.trial() != null && Double.isFinite(v) && v > 0) {
                values.computeIfAbsent(m.runtime(), k -> new java.util.TreeMap<>()).put(m.trial(), v);
            }
        }
        return values;
    }

    /** The scenarios that are not cells (memory limits, start-up), each measured by a class of its own; how many failed. */
    private int notCells(List<ServerLauncher> usable, CellMeasurement measurement) throws IOException, InterruptedException {
        int failed = 0;
        for (ScenarioPlan p : options.plans()) {
            if (host.closed()) {
                break;
            }
            failed += switch (p.scenario().kind()) {
                case CELLS -> 0;
                case MEMORY_LIMIT -> (memorySearch = new MemoryLimitSearch(options, hosts, results, measurement, log)).run(p, usable);
                case STARTUP -> new StartupMeasurement(options, hosts, results, log).run(p, usable);
            };
        }
        return failed;
    }

    /**
     * The cells in order: scenario by scenario (one loaded at a share of another's peak comes after
     * it), and within a scenario, in rounds: each round (trial) measures every runtime once in each
     * of the scenario's cells, one server serving its connection counts and rates in turn, so slow
     * drift of the machine spreads over every runtime instead of landing on one; the order rotates by
     * one from round to round, so no runtime is always measured first or last.
     */
    List<Cell> plan(List<ServerLauncher> usable) {
        List<Cell> cells = new ArrayList<>();
        for (ScenarioPlan p : options.plans()) {
            if (!p.scenario().cells()) {
                continue; // measured by notCells
            }
            List<ServerLauncher> serving = usable.stream().filter(s -> s.supports(p.scenario())).toList();
            List<CellGroup> groups = new ArrayList<>();
            for (int c : p.connections()) {
                for (double rate : p.ratesOrClosed()) {
                    groups.add(new CellGroup(p.scenario(), c, rate));
                }
            }
            for (int trial = 1; trial <= options.trials(); trial++) {
                cells.addAll(round(groups, trial, serving, options.precision().twins()));
            }
        }
        return cells;
    }

    /**
     * One round of a cell: every runtime once, in an order rotated by the round, and with
     * {@code twins} one ranked runtime (rotating, round by round) a second time as its A/A twin, about
     * half a round away from its first window (before it and after it in turn when it is alone).
     */
    static List<Cell> round(CellGroup g, int trial, List<ServerLauncher> serving, boolean twins) {
        return round(List.of(g), trial, serving, twins);
    }

    /**
     * One round of a scenario's cells {@code groups}: each runtime's place (and the A/A twin's) as for one
     * cell, and at each place that runtime's cells in the order of {@code groups}, for one server to serve.
     */
    static List<Cell> round(List<CellGroup> groups, int trial, List<ServerLauncher> serving, boolean twins) {
        List<Cell> places = places(groups.get(0), trial, serving, twins);
        List<Cell> cells = new ArrayList<>();
        for (Cell place : places) {
            for (CellGroup g : groups) {
                cells.add(new Cell(place.server(), g.scenario(), g.connections(), g.rate(), trial, place.position(), place.twin()));
            }
        }
        return cells;
    }

    private static List<Cell> places(CellGroup g, int trial, List<ServerLauncher> serving, boolean twins) {
        List<Cell> cells = new ArrayList<>();
        int n = serving.size();
        for (int i = 0; i < n; i++) {
            ServerLauncher s = serving.get((i + trial - 1) % n);
            cells.add(new Cell(s, g.scenario(), g.connections(), g.rate(), trial, i + 1));
        }
        List<ServerLauncher> ranked = serving.stream().filter(s -> !s.reference()).toList();
        if (twins && !ranked.isEmpty()) {
            ServerLauncher doubled = ranked.get((trial - 1) % ranked.size());
            int first = 0;
            while (cells.get(first).server() != doubled) {
                first++;
            }
            int at = n == 1 ? (trial % 2 == 0 ? 0 : 1) : (first + n / 2 + 1) % (n + 1);
            cells.add(at, new Cell(doubled, g.scenario(), g.connections(), g.rate(), trial, 0, true));
            for (int i = 0; i < cells.size(); i++) {
                cells.set(i, cells.get(i).at(i + 1));
            }
        }
        return cells;
    }

    /**
     * Measures what one server serves (a runtime's cells of a scenario in a round), reading the server's
     * CPU just before its server starts and just after it stops; windows the gate finds disturbed (or in which
     * the server was still compiling: {@link CompilingWindow}) are
     * recorded as discarded and, once the CPU reads steady, measured again on a fresh server, at most
     * {@link #REMEASURES} times.
     */
    private void measureGated(CellMeasurement measurement, List<Cell> visit, WindowGate gate, Progress progress)
            throws IOException, InterruptedException {
        CellMeasurement.Watcher watcher = new CellMeasurement.Watcher() {
            @Override
            public void starting(Cell cell) {
                progress.starting(cell.label());
            }

            @Override
            public void finished(Cell cell, CellMeasurement.Outcome outcome) {
                progress.finished(outcome.summary());
            }
        };
        for (int attempt = 1; ; attempt++) {
            double[] before = gate.read();
            double[] driverBefore = driverGate.read();
            gate.beginWatch();
            driverGate.beginWatch();
            List<CellMeasurement.Outcome> outcomes = measure(measurement, visit, watcher);
            double[] during = gate.endWatch(); // before the reading after: the two would share the CPU
            double[] driverDuring = driverGate.endWatch();
            if (outcomes.isEmpty() || outcomes.get(outcomes.size() - 1).interrupted()) {
                return;
            }
            io.greetbench.bench.results.CpuGateReading reading = gate.reading(before, during, gate.read());
            io.greetbench.bench.results.CpuGateReading driverReading = driverGate.reading(driverBefore, driverDuring,
                    driverGate.read());
            List<Measurement> ms = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                ms.add(outcomes.get(i).measurement().withServerCpuCheck(reading).withDriverCpuCheck(driverReading)
                        .withPlace(visit.get(i).twin(), attempt, options.precision().target()));
            }
            boolean measuredAny = ms.stream().anyMatch(Measurement::ok); // a server that failed is judged by its failure
            String disturbed = measuredAny ? gate.judge(reading) : null;
            if (disturbed == null && measuredAny) {
                disturbed = driverGate.judge(driverReading);
            }
            // Only after a warm-up that could wait for the compiler (a fixed one, as quick's, measures whatever it
            // finds), and not with --no-window-gate, which keeps every window.
            if (disturbed == null && gate.on() && options.adaptiveWarmup()) {
                disturbed = CompilingWindow.judge(ms);
            }
            if (disturbed != null) {
                for (Measurement m : ms) {
                    Measurement d = m.withOutcome(Status.DISCARDED, m.ok() ? disturbed
                            : disturbed + " (this window had failed too: " + m.reason() + ")");
                    results.append(d);
                    measured.add(d);
                }
                log.println("      DISCARDED" + (ms.size() > 1 ? " (all " + ms.size() + " windows of this server)" : "")
                        + ": " + disturbed);
                if (attempt > REMEASURES) {
                    log.println("      kept out: " + REMEASURES + " windows measured again were disturbed too");
                    return;
                }
                progress.add(visit.size());
                boolean steady = gate.awaitSteady(steadyBound) & driverGate.awaitSteady(steadyBound);
                log.println("      " + (steady ? "the CPU reads steady again; " : "the CPU still reads slow after "
                        + steadyBound.toSeconds() + " s; ") + "measuring again");
                continue;
            }
            for (int i = 0; i < ms.size(); i++) {
                record(ms.get(i), visit.get(i));
            }
            return;
        }
    }

    private List<CellMeasurement.Outcome> measure(CellMeasurement measurement, List<Cell> visit, CellMeasurement.Watcher watcher)
            throws IOException, InterruptedException {
        Scenario scenario = visit.get(0).scenario();
        double[] offered = new double[visit.size()];
        for (int i = 0; i < visit.size(); i++) {
            Cell cell = visit.get(i);
            offered[i] = cell.rate();
            if (scenario.pace() == Pace.SHARE_OF_PEAK) {
                Double peak = peaks.peak(cell.server().name(), scenario.peakScenario());
                offered[i] = peak == null ? 0 : peak * cell.rate();
            }
        }
        if (scenario.pace() == Pace.SHARE_OF_PEAK && java.util.Arrays.stream(offered).anyMatch(o -> o <= 0)) {
            List<CellMeasurement.Outcome> none = new ArrayList<>(); // no peak for one: none for the others (the same runtime's)
            for (Cell cell : visit) {
                watcher.starting(cell);
                CellMeasurement.Outcome o = measurement.failed(host, CellMeasurement.draft(cell, 0, null)
                        .withHosts(host.site().host(), hosts.load().hosts()), "no " + scenario.peakScenario()
                        + " peak to take " + Math.round(cell.rate() * 100) + "% of: run the " + scenario.peakScenario()
                        + " scenario too");
                none.add(o);
                if (o.interrupted()) {
                    break;
                }
                watcher.finished(cell, o);
            }
            return none;
        }
        CpuLimit budget = options.budgetFor(scenario);
        return measurement.measure(visit, offered, hosts.serverFor(budget), budget, watcher);
    }

    /** Appends a measurement that stands, and keeps its peak for the scenarios loaded at a share of it. */
    private void record(Measurement m, Cell cell) throws IOException {
        results.append(m);
        measured.add(m);
        if (m.ok()) {
            if (m.load().errorCount() == 0 && !cell.scenario().openLoop() && !cell.twin()) {
                peaks.record(m.runtime(), cell.scenario().key(), cell.trial(), m.load().requestsPerSecond());
            }
        } else {
            failures++;
        }
    }
}
