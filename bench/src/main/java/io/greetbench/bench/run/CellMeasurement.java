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
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Measures one cell: a fresh server on the host, a readiness check, the load (from wherever the load
 * source drives it) with the server sampled over the measured window, and a stop. The outcome is a {@link Measurement}, ok or failed with a
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
        Scenario scenario = cell.scenario();
        Measurement m = draft(cell, offeredRate, budget).withHosts(host.site().host(), load.hosts());
        double probeBefore = MachineProbe.nanosPerMillionUnits();
        Path logFile = options.out().resolve("logs").resolve(cell.fileStem() + ".log");
        ServerInstance server;
        try {
            server = host.start(cell.server().command(scenario.requestWait(), host.site(), logFile), logFile);
        } catch (IOException e) {
            return failed(host, m, "could not start: " + e.getMessage());
        }
        try {
            long t0 = System.nanoTime();
            log.println("      server pid " + server.pid() + " on " + host.name());
            m = m.withServer(server.pid(), null);
            try {
                server.awaitReady(PATH, GREETING, readyBound);
            } catch (ServerInstance.NotReadyException e) {
                return failed(host, m, e.getMessage());
            }
            m = m.withServer(server.pid(), (System.nanoTime() - t0) / 1_000_000);
            // Another machine may be loaded only when the user named it (--server-host): this is that one.
            boolean named = !host.site().local();
            LoadSpec spec = LoadSpec.builder(Target.parse("http://" + host.address() + ":" + server.port() + PATH, named))
                    .connections(cell.connections()).warmup(options.warmup(), options.warmupMax())
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
        } finally {
            server.close();
        }
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
