package io.greetbench.bench.run;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
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
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a comparison: for every cell, a fresh server on the server host, the load from the load
 * source (this process, pinned to the driver CPUs, or driver hosts), resource sampling during the
 * measured window, and a stop. Each measurement is appended to {@code results.jsonl} as soon as it
 * exists. A server that fails is recorded with its reason and the run goes on.
 */
public final class Orchestrator {
    private static final Duration READY_BOUND = Duration.ofSeconds(30);

    private final RunOptions options;
    private final List<ServerLauncher> servers;
    private final RunHosts hosts;
    private final ServerHost host;
    private final ResultsFile results;
    private final PrintStream log;
    private final PeakBook peaks = new PeakBook();
    private Consumer<ServerInstance> onWindowOpen = p -> { };
    private Duration readyBound = READY_BOUND;
    private int failures;
    private volatile MemoryLimitSearch memorySearch;

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
        for (Cell cell : plan) {
            if (host.closed()) {
                break; // interrupted: the shutdown hook reports what is here
            }
            progress.starting(cell.label());
            progress.finished(measure(measurement, cell));
        }
        failures += notCells(usable, measurement);
        return failures;
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
     * it), and within a scenario, in rounds: each round (trial) measures every runtime of a cell
     * once, so slow drift of the machine spreads over every runtime instead of landing on one; the
     * order rotates by one from round to round, so no runtime is always measured first or last.
     */
    List<Cell> plan(List<ServerLauncher> usable) {
        List<Cell> cells = new ArrayList<>();
        for (ScenarioPlan p : options.plans()) {
            if (!p.scenario().cells()) {
                continue; // measured by notCells
            }
            List<ServerLauncher> serving = usable.stream().filter(s -> s.supports(p.scenario())).toList();
            for (int c : p.connections()) {
                for (double rate : p.ratesOrClosed()) {
                    for (int trial = 1; trial <= options.trials(); trial++) {
                        for (int i = 0; i < serving.size(); i++) {
                            ServerLauncher s = serving.get((i + trial - 1) % serving.size());
                            cells.add(new Cell(s, p.scenario(), c, rate, trial, i + 1));
                        }
                    }
                }
            }
        }
        return cells;
    }

    private String measure(CellMeasurement measurement, Cell cell) throws IOException, InterruptedException {
        Scenario scenario = cell.scenario();
        double offered = cell.rate();
        CellMeasurement.Outcome outcome;
        if (scenario.pace() == Pace.SHARE_OF_PEAK) {
            Double peak = peaks.peak(cell.server().name(), scenario.peakScenario());
            offered = peak == null ? 0 : peak * cell.rate();
        }
        if (scenario.pace() == Pace.SHARE_OF_PEAK && offered <= 0) {
            outcome = measurement.failed(host, CellMeasurement.draft(cell, 0, null).withHosts(host.site().host(),
                    hosts.load().hosts()), "no " + scenario.peakScenario() + " peak to take " + Math.round(cell.rate() * 100)
                    + "% of: run the " + scenario.peakScenario() + " scenario too");
        } else {
            CpuLimit budget = options.budgetFor(scenario);
            outcome = measurement.measure(cell, offered, hosts.serverFor(budget), budget);
        }
        if (outcome.interrupted()) {
            return outcome.summary();
        }
        Measurement m = outcome.measurement();
        results.append(m);
        if (m.ok()) {
            if (m.load().errorCount() == 0 && !scenario.openLoop()) {
                peaks.record(m.runtime(), scenario.key(), cell.trial(), m.load().requestsPerSecond());
            }
        } else {
            failures++;
        }
        return outcome.summary();
    }
}
