package io.greetbench.bench.run;

import io.greetbench.bench.load.ErrorKind;
import io.greetbench.bench.results.LoadFigures;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.MemoryFigures;
import io.greetbench.bench.results.MemorySearch;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.ContainerFlags;
import io.greetbench.bench.server.ContainerJvmHost;
import io.greetbench.bench.server.HostFiles;
import io.greetbench.bench.server.MemoryCgroups;
import io.greetbench.bench.server.MemoryLimitedServerHost;
import io.greetbench.bench.server.ServerHost;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory scenario: per round, for every runtime (in an order that rotates from round to round), a
 * window without a memory limit at each connection count (where the memory goes: live heap, Native
 * Memory Tracking), then the search for the smallest memory limit at which the runtime serves the largest
 * count as it does unlimited ({@link LimitBisection}), each step a window of its own on a fresh server in
 * a memory cgroup with that limit. Every window and every search's result is a line of results.jsonl.
 *
 * <p>A step holds when the server was not OOM-killed, printed no OutOfMemoryError, stayed up, had no errors
 * but timeouts (a runtime with errors unlimited too: at most three times as many), served at least half
 * the requests/s it served in the same round without a limit, and at least 95% of either those requests/s
 * or its requests per CPU-second then. Per CPU-second too, because on a shared machine the CPU a server
 * gets varies from window to window while what a request costs it does not; a limit that hurts shows as
 * collections, reclaim and stalls, which cost CPU per request (or, if they stall it, collapse its
 * requests/s). A step that failed on both shares alone is measured once more; the second verdict
 * stands. A server gone during the warm-up ends its step at once.
 */
final class MemoryLimitSearch {
    /** Requests/s a step must reach, as a share of the unlimited window's. */
    static final double HOLDS_AT = 0.95;
    /** Below this share a failed step is clear; between it and {@link #HOLDS_AT}, measured once more. */
    static final double CLEARLY_BELOW = 0.50;
    /**
     * Errors a step may have, as a multiple of the unlimited window's, for a runtime that has errors
     * without a limit too (a pool of 200 threads times out most of 10,000 connections): identical windows of
     * such a runtime differ that much (tomcat's five io-wait trials of 2026-11-26: 272 to 784). A runtime
     * without errors unlimited may have none.
     */
    static final double ERRORS_ALLOWED = 3.0;
    /** The least limit tried: below it, the JVM's 16 MiB initial heap would not fit in 75% of it. */
    static final long FLOOR_BYTES = 32L << 20;
    /** The flags of every server of this scenario, after the container heap ({@link ContainerFlags#HEAP}). */
    static final List<String> FLAGS = List.of(ContainerFlags.EXIT_ON_OUT_OF_MEMORY);

    private final RunOptions options;
    private final RunHosts hosts;
    private final ResultsFile results;
    private final CellMeasurement measurement;
    private final PrintStream log;
    /** The host of the window under way (its group removed by {@link #stop}), or null. */
    private volatile MemoryLimitedServerHost current;

    MemoryLimitSearch(RunOptions options, RunHosts hosts, ResultsFile results, CellMeasurement measurement, PrintStream log) {
        this.options = options;
        this.hosts = hosts;
        this.results = results;
        this.measurement = measurement;
        this.log = log;
    }

    /**
     * A step's verdict: whether it held, and if not why (a {@link MemoryFigures} failure key) and in words;
     * its requests/s and its requests per CPU-second as shares of the unlimited window's.
     */
    record Verdict(boolean held, String failure, String detail, Double share, Double perCpu) {
        /** Failed on its throughput and cost alone (not collapsed): measured once more. */
        boolean unclear() {
            return !held && MemoryFigures.COSTLIER.equals(failure);
        }
    }

    /** Searches every runtime of {@code plan} in rounds; returns how many searches could not be made. */
    int run(ScenarioPlan plan, List<ServerLauncher> usable) throws IOException, InterruptedException {
        Scenario scenario = plan.scenario();
        List<ServerLauncher> serving = usable.stream().filter(s -> s.supports(scenario)).toList();
        ServerHost host = hosts.server();
        var cgroups = MemoryCgroups.find(HostFiles.through(host.shell()));
        String problem = cgroups.isEmpty() ? MemoryCgroups.problem(HostFiles.through(host.shell())) : null;
        if (problem != null) {
            log.println("greetbench: the memory scenario cannot run: " + problem);
            for (ServerLauncher s : serving) {
                results.append(Measurement.skipped(s.name(), s.reference(), problem));
            }
            return serving.size();
        }
        List<Integer> counts = plan.connections().stream().sorted().toList();
        int failures = 0;
        for (int round = 1; round <= options.trials(); round++) {
            for (int i = 0; i < serving.size(); i++) {
                ServerLauncher server = serving.get((i + round - 1) % serving.size());
                if (host.closed()) {
                    return failures;
                }
                log.printf(Locale.ROOT, "memory: %s round %d/%d%n", server.name(), round, options.trials());
                Integer failed = searchOne(server, scenario, counts, round, i + 1, cgroups.get());
                if (failed == null) {
                    return failures; // interrupted
                }
                failures += failed;
            }
        }
        return failures;
    }

    /** One runtime, one round: its unlimited windows, then its search. 1 when it could not be made, 0 when it was, null when interrupted. */
    private Integer searchOne(ServerLauncher server, Scenario scenario, List<Integer> counts, int round, int position,
            MemoryCgroups cgroups) throws IOException, InterruptedException {
        long started = System.nanoTime();
        int largest = counts.get(counts.size() - 1);
        Measurement base = null;
        MemoryLimitedServerHost.Readings baseReadings = null;
        List<String> baselineFlags = new ArrayList<>(FLAGS);
        baselineFlags.add(ContainerFlags.NATIVE_MEMORY_TRACKING);
        for (int c : counts) {
            Cell cell = new Cell(server, scenario, c, 0, round, position);
            try (MemoryLimitedServerHost unlimited = watched(new MemoryLimitedServerHost(new ContainerJvmHost(hosts.server(),
                    baselineFlags), cgroups, null, !server.reference(), false))) {
                CellMeasurement.Outcome outcome = measurement.measure(cell, 0, unlimited, null);
                if (outcome.interrupted()) {
                    return null;
                }
                MemoryLimitedServerHost.Readings r = unlimited.lastReadings();
                Measurement m = outcome.measurement().withMemory(figures(MemoryFigures.BASELINE, null, null, r, true));
                results.append(m);
                keepLogs(cell, "-unlimited");
                log.println("      unlimited c=" + c + ": " + outcome.summary() + readingsText(r));
                if (c == largest) {
                    base = m;
                    baseReadings = r;
                }
            }
        }
        Cell cell = new Cell(server, scenario, largest, 0, round, position);
        if (base == null || !base.ok() || baseReadings == null) {
            String why = "the window without a memory limit failed" + (base != null && base.reason() != null
                    ? ": " + base.reason() : "");
            results.append(result(cell, null, 0, null, started, null, null).withOutcome(Status.FAILED, why));
            return 1;
        }
        String nothing = nothingToHold(base);
        if (nothing != null) {
            results.append(result(cell, null, 0, null, started, null, null).withOutcome(Status.FAILED, nothing));
            log.println("      " + server.name() + ": no search: " + nothing);
            return 1;
        }
        double baseRps = base.load().requestsPerSecond();
        Double baseCpuUs = base.server() == null ? null : base.server().cpuMicrosPerRequest();
        long baseErrors = errors(base.load());
        long start = baseReadings.peakBytes() != null ? baseReadings.peakBytes()
                : (long) (base.server().rssPeakKb() * 1024 * 1.25);
        LimitBisection search = new LimitBisection(start, FLOOR_BYTES, start * 4);
        while (!search.done()) {
            long limit = search.next();
            Verdict verdict = null;
            for (int attempt = 1; attempt <= 2; attempt++) {
                int step = search.steps() + 1;
                try (MemoryLimitedServerHost limited = watched(new MemoryLimitedServerHost(new ContainerJvmHost(hosts.server(),
                        FLAGS), cgroups, limit, false, true))) {
                    CellMeasurement.Outcome outcome = measurement.measure(cell, 0, limited, null);
                    if (outcome.interrupted()) {
                        return null;
                    }
                    MemoryLimitedServerHost.Readings r = limited.lastReadings();
                    verdict = judge(outcome.measurement(), r, baseRps, baseCpuUs, baseErrors);
                    boolean again = attempt == 1 && verdict.unclear();
                    MemoryFigures f = figures(MemoryFigures.STEP, limit, step, r, false).judged(verdict.held(), verdict.failure(),
                            verdict.detail() + (again ? "; measured again" : ""), verdict.share(), verdict.perCpu());
                    results.append(outcome.measurement().withMemory(f));
                    keepLogs(cell, String.format(Locale.ROOT, "-step%d-%dMiB%s", step, limit >> 20, attempt > 1 ? "-again" : ""));
                    log.printf(Locale.ROOT, "      step %d: %d MiB %s%s%n", step, limit >> 20,
                            verdict.held() ? "held" : "failed: " + verdict.detail(), readingsText(r));
                    if (!again) {
                        break;
                    }
                }
            }
            search.record(limit, verdict.held());
        }
        Measurement found = result(cell, search, baseRps, baseCpuUs, started, baseErrors, start);
        if (search.found() < 0) {
            found = found.withOutcome(Status.FAILED, "no limit up to " + (start * 4 >> 20) + " MiB (4× what it used "
                    + "without one) held");
        }
        results.append(found);
        log.printf(Locale.ROOT, "      %s: %s in %d steps, %.0f s%n", server.name(), search.found() < 0 ? "no limit held"
                : (search.found() >> 20) + " MiB (last step from " + (search.failedBelow() < 0 ? "untested"
                        : (search.failedBelow() >> 20) + " MiB") + ")", search.steps(), found.memorySearch().seconds());
        return 0;
    }

    /** {@code host} is the one whose group {@link #stop} removes. */
    private MemoryLimitedServerHost watched(MemoryLimitedServerHost host) {
        current = host;
        return host;
    }

    /**
     * The run is being stopped (from a shutdown hook, once the servers were stopped): the group of the
     * window under way is removed, as the window itself will not finish.
     */
    void stop() {
        MemoryLimitedServerHost host = current;
        if (host != null) {
            host.close();
        }
    }

    /**
     * Why the unlimited window gives a search nothing to judge its steps against, or null when it does: it
     * answered no request in its window (every step would then "collapse" to 0% of nothing, and no limit
     * could hold).
     */
    static String nothingToHold(Measurement base) {
        if (base.load().requestsPerSecond() > 0) {
            return null;
        }
        long timeouts = timeouts(base.load());
        return String.format(Locale.ROOT, "the window without a memory limit answered no request (%,d timeouts, %,d other "
                + "errors): there is no throughput for a limit to hold", timeouts, base.load().errorCount() - timeouts);
    }

    /**
     * Whether a step held, and if not why: OOM kill, OutOfMemoryError, gone, errors, its requests/s collapsed
     * (below half of unlimited), or it reached neither 95% of its unlimited requests/s nor 95% of its
     * unlimited requests per CPU-second.
     *
     * @param baseCpuUs the unlimited window's server CPU per request (µs), or null when unknown: then
     *                  requests/s alone must reach 95%
     */
    static Verdict judge(Measurement m, MemoryLimitedServerHost.Readings r, double baseRps, Double baseCpuUs, long baseErrors) {
        Double share = m.load() == null || baseRps <= 0 ? null : m.load().requestsPerSecond() / baseRps;
        Double cpuUs = m.server() == null ? null : m.server().cpuMicrosPerRequest();
        Double perCpu = null;
        if (baseCpuUs != null && cpuUs != null && cpuUs > 0) {
            perCpu = baseCpuUs / cpuUs;
        }
        if (r != null && r.oomKilled()) {
            return new Verdict(false, MemoryFigures.OOM_KILL, "killed by the kernel's OOM killer", share, perCpu);
        }
        if (r != null && r.outOfMemoryError() != null) {
            return new Verdict(false, MemoryFigures.OUT_OF_MEMORY_ERROR, r.outOfMemoryError(), share, perCpu);
        }
        if (m.status() != Status.OK || m.load() == null) {
            boolean ready = m.serverReadyMillis() != null;
            return new Verdict(false, ready ? MemoryFigures.DIED : MemoryFigures.NOT_READY, String.valueOf(m.reason()), share,
                    perCpu);
        }
        long errors = errors(m.load());
        if (errors > baseErrors * ERRORS_ALLOWED) {
            return new Verdict(false, MemoryFigures.ERRORS, String.format(Locale.ROOT, "%,d errors (unlimited: %,d)", errors,
                    baseErrors), share, perCpu);
        }
        if (share == null || share < CLEARLY_BELOW) {
            return new Verdict(false, MemoryFigures.COLLAPSE, String.format(Locale.ROOT, "throughput collapsed to %.0f%% of "
                    + "unlimited", share == null ? 0 : share * 100), share, perCpu);
        }
        String shares = String.format(Locale.ROOT, "%.0f%% of its unlimited requests/s", share * 100)
                + (perCpu == null ? "" : String.format(Locale.ROOT, ", %.0f%% of its requests per CPU-second", perCpu * 100));
        if (share < HOLDS_AT && (perCpu == null || perCpu < HOLDS_AT)) {
            return new Verdict(false, MemoryFigures.COSTLIER, shares + String.format(Locale.ROOT, " (below %.0f%%)",
                    HOLDS_AT * 100), share, perCpu);
        }
        return new Verdict(true, null, shares, share, perCpu);
    }

    /**
     * The errors a step is judged by: every request and set-up error but timeouts. A timeout is a slow answer,
     * which the throughput tests judge; and the runtimes that time out without a limit too (a 200-thread pool,
     * Tomcat beyond its 8,192 connections) do so whatever the memory, while whether those timeouts fall
     * inside the window depends on how long set-up took. The connections never served (no first answer when
     * set-up ended) are not errors and not counted: the same runtimes leave them unserved without a limit too.
     */
    static long errors(LoadFigures load) {
        return load.errorCount() - timeouts(load) + (load.setupErrors() == null ? 0 : load.setupErrors());
    }

    private static long timeouts(LoadFigures load) {
        return load.errors() == null ? 0 : load.errors().getOrDefault(ErrorKind.TIMEOUT.key(), 0L);
    }

    private static MemoryFigures figures(String phase, Long limit, Integer step, MemoryLimitedServerHost.Readings r,
            boolean breakdown) {
        if (r == null) {
            return new MemoryFigures(phase, limit, step, null, null, null, null, null, null, null, null, null, null);
        }
        var jvm = breakdown ? r.jvm() : null;
        return new MemoryFigures(phase, limit, step, null, null, null, null, null, r.heapMaxBytes(), r.peakBytes(), r.oomKills(),
                jvm == null ? null : jvm.liveHeapBytes(), jvm == null || jvm.nmtCommittedKb().isEmpty() ? null : jvm.nmtCommittedKb());
    }

    private Measurement result(Cell cell, LimitBisection search, double baseRps, Double baseCpuUs, long started,
            Long baseErrors, Long start) {
        Long found = search == null || search.found() < 0 ? null : search.found();
        Long failed = search == null || search.failedBelow() < 0 ? null : search.failedBelow();
        MemorySearch s = new MemorySearch(found, failed, start, baseRps > 0 ? baseRps : null, baseErrors,
                search == null ? 0 : search.steps(), (System.nanoTime() - started) / 1e9,
                found == null ? null : LimitBisection.tolerance(found), baseCpuUs);
        return CellMeasurement.draft(cell, 0, null).withHosts(hosts.server().site().host(), hosts.load().hosts())
                .withMemorySearch(s);
    }

    private static String readingsText(MemoryLimitedServerHost.Readings r) {
        if (r == null) {
            return "";
        }
        return (r.peakBytes() == null ? "" : String.format(Locale.ROOT, "; group peak %d MiB", r.peakBytes() >> 20))
                + (r.heapMaxBytes() == null ? "" : String.format(Locale.ROOT, ", heap max %d MiB", r.heapMaxBytes() >> 20))
                + (r.jvm() == null || r.jvm().liveHeapBytes() == null ? ""
                        : String.format(Locale.ROOT, ", live heap %.1f MiB", r.jvm().liveHeapBytes() / 1048576.0))
                + (r.groupRemoved() ? "" : "; its cgroup could not be removed") + "; " + openFiles() + " files open here";
    }

    /** This process's open files: each window opens as many sockets as connections, and must close them all. */
    private static long openFiles() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The step's server log and GC log, kept under a name of their own (every step of a cell shares the cell's). */
    private void keepLogs(Cell cell, String suffix) {
        Path logs = options.out().resolve("logs");
        for (String ending : List.of(".log", ".gc.log")) {
            Path from = logs.resolve(cell.fileStem() + ending);
            if (Files.exists(from)) {
                try {
                    Files.move(from, logs.resolve(cell.fileStem() + suffix + ending), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    // the next step's log replaces it: nothing measured depends on it
                }
            }
        }
    }
}
