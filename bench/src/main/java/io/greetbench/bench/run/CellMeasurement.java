package io.greetbench.bench.run;

import io.greetbench.bench.driver.LoadOutcome;
import io.greetbench.bench.driver.LoadSource;
import io.greetbench.bench.load.LoadSpec;
import io.greetbench.bench.load.Target;
import io.greetbench.bench.results.DriverFigures;
import io.greetbench.bench.results.LoadFigures;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ProbeReading;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.CpuBudget;
import io.greetbench.bench.scenario.Pace;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.bench.server.ServerHost;
import io.greetbench.bench.server.ServerInstance;
import io.greetbench.bench.text.Units;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Measures one cell, or a runtime's cells of one scenario in one round: a fresh server on the host, a
 * readiness check, the load of each cell in turn (from wherever the load source drives it) with the
 * server sampled over each measured window, and a stop. The outcome is a {@link Measurement}, ok or failed with a
 * reason; an interruption is neither (null).
 */
final class CellMeasurement {
    static final String PATH = "/world";
    static final byte[] GREETING = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);

    private final RunOptions options;
    private final LoadSource load;
    private final Duration readyBound;
    private final Consumer<ServerInstance> onWindowOpen;
    private final PrintStream log;
    /**
     * The least warm-up of a later cell on a server that already served its scenario's first cell this
     * round. Its JIT is warm for the first cell's load, not for the next one's: a server serving 10,000
     * connections right after 256 runs other paths (far more connections, buffers and garbage), and with
     * a fixed 2 s warm-up `netty`'s 10,000-connection windows came out bimodal (25k or 41k requests/s
     * under half a CPU, against 54–61k from a fresh server warmed until settled, 2026-12-02). So a
     * later cell's warm-up is as adaptive as the first's (it goes on until the cost per request stops
     * falling, up to the run's most); only its least is shorter.
     */
    static final Duration FOLLOW_ON_WARMUP = Duration.ofSeconds(1);

    CellMeasurement(RunOptions options, LoadSource load, Duration readyBound, Consumer<ServerInstance> onWindowOpen,
            PrintStream log) {
        this.options = options;
        this.load = load;
        this.readyBound = readyBound;
        this.onWindowOpen = onWindowOpen;
        this.log = log;
    }

    /** The outcome, and a line for the progress log. */
    record Outcome(Measurement measurement, String summary) {
        boolean interrupted() {
            return measurement == null;
        }
    }

    /**
     * Measures {@code cell} on {@code host}, open loop at {@code offeredRate} req/s (0: closed loop);
     * {@code budget} is the CPU limit the host puts on the server, or null.
     */
    Outcome measure(Cell cell, double offeredRate, ServerHost host, CpuLimit budget) throws InterruptedException {
        return measure(List.of(cell), new double[] {offeredRate}, host, budget, Watcher.NONE).get(0);
    }

    /** Told as each cell of a server's cells begins and ends (for the progress line). */
    interface Watcher {
        Watcher NONE = new Watcher() {
        };

        default void starting(Cell cell) {
        }

        default void finished(Cell cell, Outcome outcome) {
        }
    }

    /**
     * Measures {@code cells} (one runtime, one scenario, one round: its connection counts or rates, in
     * that order) on one fresh server: the first with the run's warm-up, each later one with a warm-up
     * from {@link #FOLLOW_ON_WARMUP}, adaptive as the first's (until its cost per request settles).
     * Outcomes in the cells' order; once the server is gone, the cells after it fail with the reason; an
     * interruption ends the list with an interrupted outcome.
     */
    List<Outcome> measure(List<Cell> cells, double[] offered, ServerHost host, CpuLimit budget, Watcher watcher)
            throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        watcher.starting(cells.get(0));
        Cell first = cells.get(0);
        Scenario scenario = first.scenario();
        Measurement m = draft(first, offered[0], budget).withHosts(host.site().host(), load.hosts());
        double probeBefore = MachineProbe.nanosPerMillionUnits();
        Path logFile = options.out().resolve("logs").resolve(first.fileStem() + ".log");
        ServerInstance server;
        try {
            server = host.start(first.server().command(scenario.requestWait(), host.site(), logFile), logFile);
        } catch (IOException e) {
            return failedAll(host, cells, offered, budget, watcher, "could not start: " + e.getMessage(), null);
        }
        try {
            long t0 = System.nanoTime();
            log.println("      server pid " + server.pid() + " on " + host.name());
            try {
                server.awaitReady(PATH, GREETING, readyBound);
            } catch (ServerInstance.NotReadyException e) {
                return failedAll(host, cells, offered, budget, watcher, e.getMessage(), server.pid());
            }
            Long readyMillis = (System.nanoTime() - t0) / 1_000_000;
            String gone = null;
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                if (i > 0) {
                    watcher.starting(cell);
                    m = draft(cell, offered[i], budget).withHosts(host.site().host(), load.hosts()).withServerWindow(i + 1);
                    probeBefore = MachineProbe.nanosPerMillionUnits();
                }
                m = m.withServer(server.pid(), i == 0 ? readyMillis : null);
                Outcome outcome = gone != null ? failed(host, m, gone)
                        : window(cell, offered[i], i == 0, server, host, budget, m, probeBefore);
                outcomes.add(outcome);
                if (outcome.interrupted()) {
                    return outcomes;
                }
                watcher.finished(cell, outcome);
                if (gone == null && !server.alive()) {
                    gone = "the server was gone before this cell (" + server.exitDescription() + ")";
                }
            }
            return outcomes;
        } finally {
            server.close();
        }
    }

    /** One measured window on a ready server. */
    private Outcome window(Cell cell, double offeredRate, boolean fresh, ServerInstance server, ServerHost host,
            CpuLimit budget, Measurement m, double probeBefore) throws InterruptedException {
        Scenario scenario = cell.scenario();
        // Another machine may be loaded only when the user named it (--server-host): this is that one.
        boolean named = !host.site().local();
        Duration least = fresh ? options.warmup() : min(options.warmup(), FOLLOW_ON_WARMUP);
        Duration most = fresh || options.adaptiveWarmup() ? options.warmupMax() : least;
        LoadSpec spec = LoadSpec.builder(Target.parse("http://" + host.address() + ":" + server.port() + PATH, named))
                .connections(cell.connections()).warmup(least, most)
                .duration(options.duration()).rate(offeredRate).pipeline(scenario.pipeline())
                .expectedBody(GREETING).timeout(scenario.timeout()).build();
        ServerWindow window = new ServerWindow(server, onWindowOpen);
        LoadOutcome outcome;
        try {
            outcome = load.run(spec, window);
        } catch (IOException | RuntimeException e) {
            return failed(host, m, "the load driver failed: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
        }
        LoadFigures figures = outcome.figures();
        ServerUse use = window.use(figures.requests(), figures.durationSeconds());
        m = m.withFigures(new ProbeReading(probeBefore, MachineProbe.nanosPerMillionUnits()), figures, use)
                .withDrivers(outcome.drivers());
        if (host.closed()) {
            return new Outcome(null, "interrupted");
        }
        if (scenario.budget() == CpuBudget.ALWAYS && figures.driverSaturated()) {
            return failed(host, m, String.format(Locale.ROOT, "the load driver saturated (busiest thread %.0f%% of a "
                    + "core, its CPUs %.0f%% busy) before the server used its %s: this measures the driver, not the "
                    + "server; give the driver more CPUs (--driver-cpus, or more --driver-hosts) or the server a "
                    + "smaller --server-cpu-limit", figures.driverCpuUtilization() * 100, figures.driverCpusBusy() * 100,
                    budget));
        }
        if (!server.alive()) {
            return failed(host, m, "the server died during the measurement (" + server.exitDescription() + "): " + server.tail());
        }
        return new Outcome(m, summary(m));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Every cell failed for one reason (the server did not start or never answered). */
    private List<Outcome> failedAll(ServerHost host, List<Cell> cells, double[] offered, CpuLimit budget, Watcher watcher,
            String reason, Long pid) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Measurement m = draft(cells.get(i), offered[i], budget).withHosts(host.site().host(), load.hosts());
            if (pid != null) {
                m = m.withServer(pid, null);
            }
            if (i > 0) {
                watcher.starting(cells.get(i));
            }
            Outcome o = failed(host, i == 0 ? m : m.withServerWindow(i + 1), reason);
            outcomes.add(o);
            if (o.interrupted()) {
                break;
            }
            watcher.finished(cells.get(i), o);
        }
        return outcomes;
    }

    /** The measurement of {@code cell} before it is made: what was asked, when. */
    static Measurement draft(Cell cell, double offeredRate, CpuLimit budget) {
        Scenario scenario = cell.scenario();
        return new Measurement(cell.server().name(), cell.server().reference(), scenario.key(), cell.connections(),
                scenario.pipeline(), scenario.pace() == Pace.SHARE_OF_PEAK ? cell.rate() : 0.0,
                scenario.openLoop() ? offeredRate : null, scenario.requestWait().toMillis(), scenario.timeout().toMillis(),
                budget == null ? null : budget.cpus(), cell.trial(), cell.position(), Instant.now().toString(), Status.OK, null, null, null, null, null, null)
                .withCpuPeriod(budget == null ? null : budget.periodMicros());
    }

    /** A failure to record; or, when the run is being stopped, the interruption's (not recorded). */
    Outcome failed(ServerHost host, Measurement m, String reason) {
        if (host.closed()) {
            return new Outcome(null, "interrupted");
        }
        return new Outcome(m.withOutcome(Status.FAILED, reason), "FAILED: " + reason);
    }

    private static String summary(Measurement m) {
        LoadFigures load = m.load();
        ServerUse use = m.server();
        return String.format(Locale.ROOT, "%s req/s  p99 %s  server %s CPU-µs/req, RSS %s, %s threads%s%s",
                Units.rate(load.requestsPerSecond()), Units.micros(load.latencyMicros().p99()),
                Units.oneDecimal(use.cpuMicrosPerRequest()), Units.mibFromKb(use.rssPeakKb()), Units.count(use.threadsPeak()),
                load.errorCount() > 0 ? "  ERRORS " + load.errorCount() : "", load.driverSaturated() ? "  [driver-bound]" : "")
                + drivers(m);
    }

    /** Loaded from several hosts: each host's rate, and how far apart their clocks were. */
    private static String drivers(Measurement m) {
        if (m.drivers() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n      drivers:");
        for (DriverFigures d : m.drivers()) {
            sb.append(' ').append(d.host()).append(' ').append(Units.rate(d.load().requestsPerSecond())).append(" req/s")
                    .append(d.load().driverSaturated() ? " [driver-bound]" : "").append(';');
        }
        Double skew = m.driverClockSkewMillis();
        return sb.append(skew == null ? "" : String.format(Locale.ROOT, " clocks %.2f ms apart", skew)).toString();
    }
}
