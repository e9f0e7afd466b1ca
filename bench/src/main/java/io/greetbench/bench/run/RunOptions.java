package io.greetbench.bench.run;

import io.greetbench.bench.results.CpuSurvey;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.CpuLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything one comparison run is told.
 *
 * @param runtimes       runtime names (greetbench's own and the references {@code ref-aiohttp}, {@code ref-nginx})
 * @param plans          the scenarios, in the order run (one that needs another's peak comes after it)
 * @param warmup         unrecorded warm-up per measurement: the least, when {@code warmupMax} is longer
 * @param warmupMax      the most warm-up: past {@code warmup} it goes on until the server's CPU per
 *                       request settles; not longer than {@code warmup}: a fixed warm-up
 * @param duration       measured window per measurement
 * @param trials         repetitions of every cell, each on a fresh server process
 * @param serverCpus     taskset list for servers, e.g. "0"; null on another host: all of its CPUs
 * @param driverCpus     taskset list for the driver (this process, or each driver host), e.g. "1"; null on
 *                       other hosts: all of each one's CPUs
 * @param out            folder for results.jsonl, environment.json and the report
 * @param serverJava     java executable for the servers
 * @param serverJvmFlags JVM flags, the same for every server
 * @param serverCpuLimit the CPU limit the user gave (every scenario that allows one runs under it), or null
 * @param defaultBudget  the CPU limit of a scenario that always runs under one, when the user gave none
 * @param command        the command line as typed, for the environment record
 * @param placement      where servers and load are: this machine, or other hosts
 * @param precision      the precision to rank to, the time it may take, the window gate and A/A twins
 * @param cpuChoice      the CPU check before the run and the CPUs it chose; null when the user pinned them
 *                       or the servers run elsewhere
 * @param cpuPeriod      the CFS period of every CPU limit ({@code --cpu-period}; null: 100 ms, as Docker and Kubernetes)
 * @param jvmFlags       flags for every JVM server, after its own ({@code --jvm-flags}: a collector, heap settings)
 */
public record RunOptions(List<String> runtimes, List<ScenarioPlan> plans, Duration warmup, Duration warmupMax,
        Duration duration, int trials, String serverCpus, String driverCpus, Path out, Path serverJava,
        List<String> serverJvmFlags, CpuLimit serverCpuLimit, CpuLimit defaultBudget, String command, Placement placement,
        Precision precision, CpuSurvey cpuChoice, Duration cpuPeriod, List<String> jvmFlags) {

    /** Placed, with the planned rounds only, no CPU check, no window gate, the default CPU period and no extra JVM flags. */
    public RunOptions(List<String> runtimes, List<ScenarioPlan> plans, Duration warmup, Duration warmupMax,
            Duration duration, int trials, String serverCpus, String driverCpus, Path out, Path serverJava,
            List<String> serverJvmFlags, CpuLimit serverCpuLimit, CpuLimit defaultBudget, String command, Placement placement) {
        this(runtimes, plans, warmup, warmupMax, duration, trials, serverCpus, driverCpus, out, serverJava, serverJvmFlags,
                serverCpuLimit, defaultBudget, command, placement, Precision.UNGATED, null, null, null);
    }

    /** Everything on this machine. */
    public RunOptions(List<String> runtimes, List<ScenarioPlan> plans, Duration warmup, Duration warmupMax,
            Duration duration, int trials, String serverCpus, String driverCpus, Path out, Path serverJava,
            List<String> serverJvmFlags, CpuLimit serverCpuLimit, CpuLimit defaultBudget, String command) {
        this(runtimes, plans, warmup, warmupMax, duration, trials, serverCpus, driverCpus, out, serverJava, serverJvmFlags,
                serverCpuLimit, defaultBudget, command, Placement.LOCAL);
    }

    public RunOptions {
        placement = placement == null ? Placement.LOCAL : placement;
        precision = precision == null ? Precision.UNGATED : precision;
        cpuPeriod = cpuPeriod == null ? Duration.ofNanos(CpuLimit.DEFAULT_PERIOD_MICROS * 1000) : cpuPeriod;
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        runtimes = List.copyOf(runtimes);
        plans = List.copyOf(plans);
        serverJvmFlags = List.copyOf(serverJvmFlags);
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be at least 1");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
    }

    /** The CPU limit of {@code scenario}'s servers, or null when they run with their CPUs to themselves. */
    public CpuLimit budgetFor(Scenario scenario) {
        CpuLimit limit = switch (scenario.budget()) {
            case NEVER -> null;
            case AS_GIVEN -> serverCpuLimit;
            case ALWAYS -> serverCpuLimit != null ? serverCpuLimit : defaultBudget;
        };
        return limit == null ? null : limit.withPeriod(cpuPeriodMicros());
    }

    /** The CFS period of every CPU limit, µs. */
    public long cpuPeriodMicros() {
        return cpuPeriod.toNanos() / 1000;
    }

    /** The CPU limit some scenario of this run needs, or null when none does. */
    public CpuLimit anyBudget() {
        return plans.stream().map(p -> budgetFor(p.scenario())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** These options with another default CPU limit (worked out once the other hosts' CPUs are known). */
    public RunOptions withDefaultBudget(CpuLimit budget) {
        return new RunOptions(runtimes, plans, warmup, warmupMax, duration, trials, serverCpus, driverCpus, out, serverJava,
                serverJvmFlags, serverCpuLimit, budget, command, placement, precision, cpuChoice, cpuPeriod, jvmFlags);
    }

    /** Whether the warm-up goes on past its least until the server's cost per request settles. */
    public boolean adaptiveWarmup() {
        return warmupMax.compareTo(warmup) > 0;
    }
}
