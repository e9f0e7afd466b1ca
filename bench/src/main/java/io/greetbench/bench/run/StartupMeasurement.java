package io.greetbench.bench.run;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.results.StartupFigures;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.ContainerJvmHost;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.bench.server.GreetingCheck;
import io.greetbench.bench.server.ServerCommand;
import io.greetbench.bench.server.ServerHost;
import io.greetbench.bench.server.ServerInstance;
import io.greetbench.bench.server.ServerLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The start-up scenario: fresh starts of every runtime, in rounds whose order rotates, each timed from
 * just before its process is started to its first correct answer (its output polled for its port, then
 * {@code GET /world}, every millisecond), with its resident memory and threads read right after. The
 * JVMs are sized as in a container ({@link ContainerJvmHost}: no fixed heap), on the server CPUs, under
 * the CPU limit when one is given. At least {@value #LEAST_STARTS} starts per runtime, or {@code --trials}.
 */
final class StartupMeasurement {
    static final int LEAST_STARTS = 5;
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final RunOptions options;
    private final RunHosts hosts;
    private final ResultsFile results;
    private final PrintStream log;

    StartupMeasurement(RunOptions options, RunHosts hosts, ResultsFile results, PrintStream log) {
        this.options = options;
        this.hosts = hosts;
        this.results = results;
        this.log = log;
    }

    /** Starts every runtime of {@code plan}; returns how many starts failed. */
    int run(ScenarioPlan plan, List<ServerLauncher> usable) throws IOException, InterruptedException {
        Scenario scenario = plan.scenario();
        List<ServerLauncher> serving = usable.stream().filter(s -> s.supports(scenario)).toList();
        CpuLimit budget = options.budgetFor(scenario);
        ServerHost host = new ContainerJvmHost(hosts.serverFor(budget), List.of());
        int starts = Math.max(LEAST_STARTS, options.trials());
        int failures = 0;
        for (int round = 1; round <= starts; round++) {
            for (int i = 0; i < serving.size(); i++) {
                if (host.closed()) {
                    return failures;
                }
                ServerLauncher server = serving.get((i + round - 1) % serving.size());
                Cell cell = new Cell(server, scenario, plan.connections().get(0), 0, round, i + 1);
                Measurement m = start(cell, host, budget);
                if (m == null) {
                    return failures;
                }
                results.append(m);
                if (m.status() != Status.OK) {
                    failures++;
                }
                log.printf(Locale.ROOT, "startup: %s start %d/%d: %s%n", server.name(), round, starts,
                        m.status() == Status.OK ? String.format(Locale.ROOT, "first answer after %.0f ms, RSS %d MiB",
                                m.startup().firstAnswerMillis(), m.startup().rssKb() == null ? 0 : m.startup().rssKb() / 1024)
                                : "FAILED: " + m.reason());
            }
        }
        return failures;
    }

    /** One fresh start; null when the run is being stopped. */
    private Measurement start(Cell cell, ServerHost host, CpuLimit budget) throws InterruptedException {
        Measurement m = CellMeasurement.draft(cell, 0, budget).withHosts(host.site().host(), hosts.load().hosts())
                .withCpuPeriod(budget == null ? null : budget.periodMicros());
        Path logFile = options.out().resolve("logs").resolve(cell.fileStem() + ".log");
        ServerCommand command;
        try {
            command = cell.server().command(Duration.ZERO, host.site(), logFile);
        } catch (IOException e) {
            return m.withOutcome(Status.FAILED, "could not start: " + e.getMessage());
        }
        long t0 = System.nanoTime();
        ServerInstance server;
        try {
            server = host.start(command, logFile);
        } catch (IOException e) {
            return host.closed() ? null : m.withOutcome(Status.FAILED, "could not start: " + e.getMessage());
        }
        try {
            m = m.withServer(server.pid(), null);
            String problem = awaitFirstAnswer(server, command, logFile, host.address(), t0);
            long nanos = System.nanoTime() - t0;
            if (problem != null) {
                return host.closed() ? null : m.withOutcome(Status.FAILED, problem);
            }
            server.startSampling();
            ServerUse use = server.stopSampling();
            return m.withServer(server.pid(), nanos / 1_000_000).withFigures(null, null, use)
                    .withStartup(new StartupFigures(nanos / 1e6, use.rssPeakKb(), use.threadsPeak()));
        } finally {
            server.close();
        }
    }

    /** Polls for the port, then for a correct greeting, every millisecond; null when it came, else why not. */
    private static String awaitFirstAnswer(ServerInstance server, ServerCommand command, Path logFile, String address, long t0)
            throws InterruptedException {
        long deadline = t0 + BOUND.toNanos();
        int port = command.knownPort();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!server.alive()) {
                return "the server exited (" + server.exitDescription() + ") before answering: " + server.tail();
            }
            if (port <= 0) {
                port = ServerLog.port(ServerLog.read(logFile));
            }
            if (port > 0) {
                try {
                    byte[] body = GreetingCheck.get(address, port, CellMeasurement.PATH);
                    if (Arrays.equals(body, CellMeasurement.GREETING)) {
                        return null;
                    }
                    return "the server answered wrongly: " + new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    last = "no answer (" + e.getMessage() + ")";
                }
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        return "the server did not answer correctly within " + BOUND.toSeconds() + " s: " + last;
    }
}
