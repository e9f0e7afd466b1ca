package io.greetbench.bench.run;

import io.greetbench.bench.load.LoadDriver;
import io.greetbench.bench.load.LoadResult;
import io.greetbench.bench.load.LoadSpec;
import io.greetbench.bench.load.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a comparison: for every cell, a fresh server process pinned to the server CPUs, a readiness
 * check, the load (this process, pinned to the driver CPUs), resource sampling during the measured
 * window, and a stop. Each measurement is appended to {@code results.jsonl} as soon as it exists. A
 * server that fails is recorded with its reason and the run goes on.
 */
public final class Orchestrator {
    static final String PATH = "/world";
    static final byte[] GREETING = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);
    private static final Duration READY_BOUND = Duration.ofSeconds(30);
    static final int PIPELINE_DEPTH = 16;

    private final RunOptions options;
    private final List<ServerLauncher> servers;
    private final ChildProcesses children;
    private final ResultsFile results;
    private final PrintStream log;
    private final Map<String, List<Double>> plaintextPeaks = new HashMap<>();
    private Consumer<ServerProcess> measuringHook = p -> { };
    private Duration readyBound = READY_BOUND;
    private int failures;

    public Orchestrator(RunOptions options, Path root, PrintStream log) {
        this.options = options;
        this.log = log;
        this.children = new ChildProcesses();
        this.results = new ResultsFile(options.out());
        this.servers = new ArrayList<>();
        boolean anyJvm = options.runtimes().stream()
                .anyMatch(n -> !n.equals(AiohttpLauncher.NAME) && !n.equals(NginxLauncher.NAME));
        ServerJvmCatalog catalog = anyJvm ? ServerJvmCatalog.ask(options) : null;
        if (catalog != null && catalog.failure() != null) {
            log.println("greetbench: could not ask " + options.serverJava() + " which runtimes it can run ("
                    + catalog.failure() + "); going by this JVM");
        }
        for (String name : options.runtimes()) {
            servers.add(switch (name) {
                case AiohttpLauncher.NAME -> new AiohttpLauncher(root);
                case NginxLauncher.NAME -> new NginxLauncher();
                default -> new JvmRuntimeLauncher(name, options, catalog);
            });
        }
    }

    /** For tests: called with the server of each cell when its measured window opens. */
    void onMeasuring(Consumer<ServerProcess> hook) {
        this.measuringHook = hook;
    }

    /** For tests: how long a server may take to answer correctly. */
    void readyBound(Duration bound) {
        this.readyBound = bound;
    }

    ChildProcesses children() {
        return children;
    }

    /** Stops every child process still running; safe to call from a shutdown hook. */
    public void stopChildren() {
        children.stopAll();
    }

    /** Runs every cell; returns how many measurements failed. */
    public int run(Path root) throws IOException, InterruptedException {
        Files.createDirectories(options.out().resolve("logs"));
        Environment.write(options.out(), Environment.describe(options, root));
        List<ServerLauncher> usable = new ArrayList<>();
        for (ServerLauncher s : servers) {
            var reason = s.unavailableReason();
            if (reason.isPresent()) {
                log.println("greetbench: skipping " + s.name() + ": " + reason.get());
                results.append(skipped(s, reason.get()));
            } else {
                usable.add(s);
            }
        }
        List<Cell> plan = plan(usable);
        MachineProbe.warmUp();
        // A first guess for the ETA (it follows the real pace once cells are done): an adaptive
        // warm-up has taken 6 to 11 s past start-up for the JVM runtimes on one CPU here.
        boolean adaptive = options.warmupMax().compareTo(options.warmup()) > 0;
        double perCell = 2.5 + options.warmup().toMillis() / 1000.0 + (adaptive ? 6 : 0)
                + options.duration().toMillis() / 1000.0;
        Progress progress = new Progress(log, plan.size(), perCell);
        for (Cell cell : plan) {
            if (children.closed()) {
                break; // interrupted: the shutdown hook reports what is here
            }
            progress.starting(cell.label());
            progress.finished(measure(cell));
        }
        return failures;
    }

    /**
     * The cells in order: scenario by scenario (latency-at-rate needs the plaintext peaks), and
     * within a scenario, trial by trial over all servers, so slow drift of the machine spreads over
     * every runtime instead of landing on one.
     */
    List<Cell> plan(List<ServerLauncher> usable) {
        List<Cell> cells = new ArrayList<>();
        for (Scenario scenario : options.scenarios()) {
            List<Integer> counts = switch (scenario) {
                case PLAINTEXT -> options.connections();
                case IO_WAIT -> options.ioWaitConnections();
                default -> List.of(options.rateConnections());
            };
            List<Double> fractions = scenario == Scenario.LATENCY_AT_RATE ? options.rateFractions() : List.of(0.0);
            for (int c : counts) {
                for (double f : fractions) {
                    for (int trial = 1; trial <= options.trials(); trial++) {
                        for (ServerLauncher s : usable) {
                            if (s.supports(scenario)) {
                                cells.add(new Cell(s, scenario, c, f, trial));
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }

    private String measure(Cell cell) throws IOException, InterruptedException {
        Map<String, Object> m = base(cell);
        Duration wait = cell.scenario() == Scenario.IO_WAIT ? options.ioWait() : Duration.ZERO;
        Path logFile = options.out().resolve("logs").resolve(cell.fileStem() + ".log");
        double rate = 0;
        if (cell.scenario() == Scenario.LATENCY_AT_RATE) {
            Double peak = peakOf(cell.server().name());
            if (peak == null) {
                return fail(m, "no plaintext peak to take " + Math.round(cell.rateFraction() * 100)
                        + "% of: run the plaintext scenario too");
            }
            rate = peak * cell.rateFraction();
            m.put("offeredRate", rate);
        }
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("beforeNanos", MachineProbe.nanosPerMillionUnits());
        m.put("machineProbe", probe);
        ServerProcess server;
        try {
            server = cell.server().start(wait, options.serverCpus(), logFile, children);
        } catch (IOException e) {
            return fail(m, "could not start: " + e.getMessage());
        }
        try {
            m.put("serverPid", server.pid());
            log.println("      server pid " + server.pid());
            long t0 = System.nanoTime();
            try {
                server.awaitReady(cell.server().knownPort(), PATH, GREETING, readyBound);
            } catch (ServerProcess.NotReadyException e) {
                return fail(m, e.getMessage());
            }
            m.put("serverReadyMillis", (System.nanoTime() - t0) / 1_000_000);
            Target target = Target.parse("http://127.0.0.1:" + server.port() + PATH, false);
            int pipeline = cell.scenario() == Scenario.PIPELINED ? PIPELINE_DEPTH : 1;
            Duration timeout = cell.scenario() == Scenario.IO_WAIT ? Duration.ofSeconds(10) : Duration.ofSeconds(5);
            LoadSpec spec = new LoadSpec(target, cell.connections(), options.warmup(), options.warmupMax(), options.duration(), rate, false,
                    pipeline, GREETING, 1, timeout, 0, 0, null);
            Sampling sampling = new Sampling(server, logFile, measuringHook);
            LoadResult result;
            try {
                result = LoadDriver.runObserved(spec, sampling);
            } catch (IOException | RuntimeException e) {
                return fail(m, "the load driver failed: " + e.getMessage()
                        + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
            }
            probe.put("afterNanos", MachineProbe.nanosPerMillionUnits());
            Map<String, Object> load = result.toMap();
            m.put("load", load);
            m.put("server", sampling.serverUse(result));
            m.put("driverBound", result.driverSaturated());
            if (children.closed()) {
                return "interrupted";
            }
            if (!server.alive()) {
                return fail(m, "the server died during the measurement (" + server.exitDescription() + "): " + server.tail());
            }
            m.put("status", "ok");
            results.append(m);
            if (cell.scenario() == Scenario.PLAINTEXT && result.errorCount() == 0) {
                plaintextPeaks.computeIfAbsent(cell.server().name() + "#" + cell.trial(), k -> new ArrayList<>())
                        .add(result.requestsPerSecond());
            }
            return summary(result, sampling);
        } finally {
            server.close();
        }
    }

    /** The server's peak: the median over trials of each trial's best plaintext throughput. */
    private Double peakOf(String server) {
        List<Double> perTrial = new ArrayList<>();
        plaintextPeaks.forEach((key, values) -> {
            if (key.startsWith(server + "#")) {
                perTrial.add(values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            }
        });
        if (perTrial.isEmpty()) {
            return null;
        }
        perTrial.sort(null);
        return perTrial.get(perTrial.size() / 2);
    }

    private String fail(Map<String, Object> m, String reason) throws IOException {
        if (children.closed()) {
            return "interrupted"; // the failure is the interruption's, not the server's: not recorded
        }
        failures++;
        m.put("status", "failed");
        m.put("reason", reason);
        results.append(m);
        return "FAILED: " + reason;
    }

    private Map<String, Object> base(Cell cell) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runtime", cell.server().name());
        m.put("reference", cell.server().reference());
        m.put("scenario", cell.scenario().key());
        m.put("connections", cell.connections());
        m.put("pipeline", cell.scenario() == Scenario.PIPELINED ? PIPELINE_DEPTH : 1);
        m.put("rateFraction", cell.rateFraction());
        m.put("trial", cell.trial());
        m.put("startedAt", Instant.now().toString());
        return m;
    }

    private Map<String, Object> skipped(ServerLauncher s, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runtime", s.name());
        m.put("reference", s.reference());
        m.put("status", "skipped");
        m.put("reason", reason);
        return m;
    }

    private static String summary(LoadResult r, Sampling s) {
        Map<String, Object> use = s.lastUse;
        return String.format(Locale.ROOT, "%,.0f req/s  p99 %s  server %.1f CPU-us/req, RSS %,d KiB, %s threads%s%s",
                r.requestsPerSecond(), micros(r.latencyMicros(99)), (double) use.getOrDefault("cpuMicrosPerRequest", Double.NaN),
                ((Number) use.getOrDefault("rssPeakKb", 0L)).longValue(), use.getOrDefault("threadsPeak", "?"),
                r.errorCount() > 0 ? "  ERRORS " + r.errorCount() : "", r.driverSaturated() ? "  [driver-bound]" : "");
    }

    private static String micros(long us) {
        return us < 1000 ? us + "us" : String.format(Locale.ROOT, "%.2fms", us / 1000.0);
    }

    /** Samples the server exactly over the driver's measured window. */
    private static final class Sampling implements LoadDriver.WindowObserver {
        private final ServerProcess server;
        private final Path gcLog;
        private ProcessSampler sampler;
        private long windowStartMillis;
        private long windowEndMillis;
        private ProcessSampler.ResourceUse use;
        Map<String, Object> lastUse = Map.of();

        private final Consumer<ServerProcess> hook;

        Sampling(ServerProcess server, Path logFile, Consumer<ServerProcess> hook) {
            this.server = server;
            this.gcLog = JvmRuntimeLauncher.gcLog(logFile);
            this.hook = hook;
        }

        @Override
        public void windowStarted() {
            windowStartMillis = System.currentTimeMillis();
            hook.accept(server);
            try {
                sampler = new ProcessSampler(server.pid());
            } catch (IOException e) {
                sampler = null; // the server is gone; the load result will show it
            }
        }

        @Override
        public double serverCpuSeconds() {
            try {
                return ProcessSampler.cpuSeconds(server.pid());
            } catch (IOException | RuntimeException e) {
                return Double.NaN; // gone: the load result and the liveness check will say so
            }
        }

        @Override
        public void windowEnded() {
            windowEndMillis = System.currentTimeMillis();
            if (sampler != null) {
                use = sampler.finish();
            }
        }

        Map<String, Object> serverUse(LoadResult r) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (use != null) {
                m.put("cpuSeconds", use.cpuSeconds());
                m.put("cpuUtilization", use.cpuSeconds() / r.durationSeconds());
                m.put("cpuMicrosPerRequest", r.requests() > 0 ? use.cpuSeconds() * 1e6 / r.requests() : Double.NaN);
                m.put("rssPeakKb", use.rssPeakKb());
                m.put("rssMeanKb", use.rssMeanKb());
                m.put("threadsPeak", use.threadsPeak());
                m.put("threadsMean", use.threadsMean());
            }
            if (Files.exists(gcLog)) {
                double[] gc = GcLog.pausesBetween(gcLog, windowStartMillis, windowEndMillis);
                m.put("gcPauses", (long) gc[0]);
                m.put("gcPauseMillis", gc[1]);
            }
            lastUse = m;
            return m;
        }
    }
}
