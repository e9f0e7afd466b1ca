package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One line of {@code results.jsonl}: one runtime measured once in one cell, or a runtime skipped.
 * Written by the orchestrator, read by the report and by {@code compare}; the field names are those
 * of every earlier results file, which therefore still read.
 *
 * @param runtime          the runtime's name
 * @param reference        a reference row (ref-aiohttp, ref-nginx) rather than a greetbench runtime
 * @param scenario         the scenario's key
 * @param connections      connections of the cell
 * @param pipeline         requests in flight per connection
 * @param rateFraction     open loop at a share of the runtime's own peak: that share; else 0
 * @param offeredRate      open loop: the absolute rate asked for (req/s)
 * @param waitMillis       the per-request wait the server was asked for (absent in older results)
 * @param timeoutMillis    the driver's request timeout (absent in older results)
 * @param cpuLimit         the server's CPU limit (CPUs of cgroup quota); absent when it had its CPUs to itself
 * @param trial            which repetition (round) of the cell, from 1
 * @param position         its place in the round's order, from 1 (the order rotates from round to round)
 * @param startedAt        when the measurement began (ISO-8601)
 * @param status           ok, failed or skipped
 * @param reason           for failed and skipped: why, for a person
 * @param serverPid        the server process's PID
 * @param serverReadyMillis how long the server took from start to a correct answer
 * @param machineProbe     the machine's speed before and after
 * @param load             what the driver saw; loaded from several hosts, their windows merged (histograms
 *                         added, counts and rates summed, saturated if any driver was)
 * @param server           what the server used
 * @param serverHost       where the server ran: {@code local} (this machine) or the host named with
 *                         {@code --server-host}; absent in older results
 * @param driverHosts      where the load came from: {@code [local]} or the hosts of {@code --driver-hosts};
 *                         absent in older results
 * @param drivers          loaded from other hosts: each driver host's own figures and clock reading;
 *                         absent otherwise
 * @param serverCpuCheck   the server CPU's speed just before the server started and just after the window
 *                         (the window gate's readings); absent in older results and where it cannot be read
 * @param twin             an A/A twin: the runtime measured a second time in this round, as if it were another
 *                         runtime, to show the resolution the run achieved; kept out of the runtime's own trials
 * @param attempt          which attempt at this window, from 1: a window the gate discarded is measured again
 * @param precision        the precision the run was asked to rank to (0.05: ±5%); absent in older results
 * @param cpuPeriodMicros  under a CPU limit: the CFS period of its quota, µs (absent in older results: 10 ms)
 * @param memory           the memory scenario's windows: the limit, the verdict, where the memory went
 * @param memorySearch     the memory scenario's result of one round's search for one runtime
 * @param startup          the start-up scenario: one fresh start
 * @param serverWindow     which window of its server process this was: 1 (or absent, as in older results) for
 *                         a fresh server; 2 and on for the later cells of a scenario that one server serves in
 *                         turn within a round (its connection counts, its rates), with a shorter warm-up
 * @param driverCpuCheck   the load driver's CPUs read as {@code serverCpuCheck} reads the server's (the gate's
 *                         readings of the driver on this machine); absent in older results and for drivers elsewhere
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Measurement(String runtime, boolean reference, String scenario, Integer connections, Integer pipeline,
        Double rateFraction, Double offeredRate, Long waitMillis, Long timeoutMillis, Double cpuLimit, Integer trial, Integer position, String startedAt,
        Status status, String reason, Long serverPid, Long serverReadyMillis, ProbeReading machineProbe,
        LoadFigures load, ServerUse server, String serverHost, List<String> driverHosts, List<DriverFigures> drivers,
        CpuGateReading serverCpuCheck, Boolean twin, Integer attempt, Double precision,
        Long cpuPeriodMicros, MemoryFigures memory, MemorySearch memorySearch, StartupFigures startup, Integer serverWindow,
        CpuGateReading driverCpuCheck) {

    /** A measurement with where it ran, as every one was before the container figures. */
    public Measurement(String runtime, boolean reference, String scenario, Integer connections, Integer pipeline,
            Double rateFraction, Double offeredRate, Long waitMillis, Long timeoutMillis, Double cpuLimit, Integer trial,
            Integer position, String startedAt, Status status, String reason, Long serverPid, Long serverReadyMillis,
            ProbeReading machineProbe, LoadFigures load, ServerUse server, String serverHost, List<String> driverHosts,
            List<DriverFigures> drivers) {
        this(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis, timeoutMillis,
                cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe, load, server,
                serverHost, driverHosts, drivers, null, null, null, null, null, null, null, null, null, null);
    }

    /** A measurement that does not say where it ran, as every one did before hosts were recorded. */
    public Measurement(String runtime, boolean reference, String scenario, Integer connections, Integer pipeline,
            Double rateFraction, Double offeredRate, Long waitMillis, Long timeoutMillis, Double cpuLimit, Integer trial,
            Integer position, String startedAt, Status status, String reason, Long serverPid, Long serverReadyMillis,
            ProbeReading machineProbe, LoadFigures load, ServerUse server) {
        this(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis, timeoutMillis,
                cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe, load, server,
                null, null, null);
    }

    /** A runtime that could not run here. */
    public static Measurement skipped(String runtime, boolean reference, String reason) {
        return new Measurement(runtime, reference, null, null, null, null, null, null, null, null, null, null, null, Status.SKIPPED,
                reason, null, null, null, null, null);
    }

    public boolean ok() {
        return status == Status.OK && load != null;
    }

    /** This measurement's value on {@code metric}; NaN when it has none (failed, or not sampled). */
    public double value(io.greetbench.bench.stats.Metric metric) {
        if (!ok()) {
            return Double.NaN;
        }
        Double v = switch (metric) {
            // every runtime of a cell has the same budget: per CPU of it, the ratios are those of requests/s
            case REQUESTS_PER_CPU -> cpuLimit == null ? load.requestsPerSecond() : load.requestsPerSecond() / cpuLimit;
            case THROUGHPUT -> load.requestsPerSecond();
            case CPU_PER_REQUEST -> server == null ? null : server.cpuMicrosPerRequest();
            case P99_LATENCY -> load.latencyMicros() == null ? null : (double) load.latencyMicros().p99();
            case P999_LATENCY -> load.latencyMicros() == null ? null : (double) load.latencyMicros().p999();
            case PEAK_RSS -> server == null || server.rssPeakKb() == null ? null : server.rssPeakKb().doubleValue();
        };
        return v == null ? Double.NaN : v;
    }

    /** An A/A twin (see {@code twin}), which the runtime's own trials leave out. */
    public boolean measuredAsTwin() {
        return Boolean.TRUE.equals(twin);
    }

    /** Where this window sat in the run: an A/A twin or not, which attempt, the precision asked for. */
    public Measurement withPlace(boolean twin, int attempt, Double precision) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts, drivers, serverCpuCheck, twin ? Boolean.TRUE : null, attempt, precision,
                cpuPeriodMicros, memory, memorySearch, startup, serverWindow, driverCpuCheck);
    }

    /** Which window of its server process this was (1: a fresh server). */
    public Measurement withServerWindow(int window) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts, drivers, serverCpuCheck, twin, attempt, precision, cpuPeriodMicros, memory,
                memorySearch, startup, window > 1 ? Integer.valueOf(window) : null, driverCpuCheck);
    }

    /** The load driver's CPU readings around and during its server's life (this machine's driver only). */
    public Measurement withDriverCpuCheck(CpuGateReading check) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts, drivers, serverCpuCheck, twin, attempt, precision, cpuPeriodMicros, memory,
                memorySearch, startup, serverWindow, check);
    }

    /** The server CPU's readings around the window. */
    public Measurement withServerCpuCheck(CpuGateReading check) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts, drivers, check, twin, attempt, precision, cpuPeriodMicros, memory,
                memorySearch, startup, serverWindow, driverCpuCheck);
    }

    /** The share of its own peak this cell ran at; 0 when it was not that kind of cell. */
    public double rateFractionOrZero() {
        return rateFraction == null ? 0 : rateFraction;
    }

    public Measurement withOutcome(Status status, String reason) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe, load,
                server, serverHost, driverHosts, drivers, serverCpuCheck, twin, attempt, precision, cpuPeriodMicros, memory, memorySearch, startup, serverWindow, driverCpuCheck);
    }

    public Measurement withServer(Long pid, Long readyMillis) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, pid, readyMillis, machineProbe, load, server,
                serverHost, driverHosts, drivers, serverCpuCheck, twin, attempt, precision, cpuPeriodMicros, memory, memorySearch, startup, serverWindow, driverCpuCheck);
    }

    public Measurement withFigures(ProbeReading probe, LoadFigures load, ServerUse server) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, probe, load, server,
                serverHost, driverHosts, drivers, serverCpuCheck, twin, attempt, precision, cpuPeriodMicros, memory, memorySearch, startup, serverWindow, driverCpuCheck);
    }

    /** Where it ran: the server host and the hosts the load came from. */
    public Measurement withHosts(String serverHost, List<String> driverHosts) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts == null ? null : List.copyOf(driverHosts), drivers, serverCpuCheck, twin, attempt, precision, cpuPeriodMicros, memory,
                memorySearch, startup, serverWindow, driverCpuCheck);
    }

    /** Each driver host's own figures, when the load came from several hosts. */
    public Measurement withDrivers(List<DriverFigures> drivers) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts, drivers == null ? null : List.copyOf(drivers), serverCpuCheck, twin, attempt, precision,
                cpuPeriodMicros, memory,
                memorySearch, startup, serverWindow, driverCpuCheck);
    }

    /**
     * How far apart the driver hosts' clocks were (largest offset minus smallest, ms), so how far apart
     * their windows may have opened; null unless the load came from several hosts.
     */
    public Double driverClockSkewMillis() {
        if (drivers == null || drivers.isEmpty() || drivers.stream().anyMatch(d -> d.clockOffsetMillis() == null)) {
            return null;
        }
        var offsets = drivers.stream().mapToDouble(DriverFigures::clockOffsetMillis).summaryStatistics();
        return offsets.getMax() - offsets.getMin();
    }

    public Measurement withProbe(ProbeReading probe) {
        return withFigures(probe, load, server);
    }

    /** The CFS period of the server's CPU limit, µs (null: no limit). */
    public Measurement withCpuPeriod(Long micros) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts, drivers, serverCpuCheck, twin, attempt, precision, micros, memory, memorySearch, startup, serverWindow, driverCpuCheck);
    }

    /** A memory-scenario window's limit, verdict and breakdown. */
    public Measurement withMemory(MemoryFigures figures) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts, drivers, serverCpuCheck, twin, attempt, precision, cpuPeriodMicros, figures, memorySearch, startup, serverWindow, driverCpuCheck);
    }

    /** A memory search's result. */
    public Measurement withMemorySearch(MemorySearch search) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts, drivers, serverCpuCheck, twin, attempt, precision, cpuPeriodMicros, memory, search, startup, serverWindow, driverCpuCheck);
    }

    /** A fresh start's figures. */
    public Measurement withStartup(StartupFigures figures) {
        return new Measurement(runtime, reference, scenario, connections, pipeline, rateFraction, offeredRate, waitMillis,
                timeoutMillis, cpuLimit, trial, position, startedAt, status, reason, serverPid, serverReadyMillis, machineProbe,
                load, server, serverHost, driverHosts, drivers, serverCpuCheck, twin, attempt, precision, cpuPeriodMicros, memory, memorySearch, figures, serverWindow, driverCpuCheck);
    }

    /** Whether it is a line of the memory or start-up scenario (not a cell of windows). */
    public boolean container() {
        return memory != null || memorySearch != null || startup != null;
    }
}
