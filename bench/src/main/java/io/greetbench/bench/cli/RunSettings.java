package io.greetbench.bench.cli;

import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.run.ScenarioPlan;
import io.greetbench.bench.run.SelfCommand;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code quick} share; each command gives its own defaults. */
final class RunSettings {
    static final String REFERENCES = "ref-aiohttp,ref-nginx";

    @Option(names = "--runtimes", split = ",", description = "Runtimes to measure (default: all, and the references ref-aiohttp, ref-nginx).")
    List<String> runtimes;

    @Option(names = "--server-cpus", description = "CPUs for the servers (taskset list; default: the first half).")
    String serverCpus;

    @Option(names = "--driver-cpus", description = "CPUs for the load driver (default: the second half).")
    String driverCpus;

    @Option(names = "--out", description = "Folder for results and report.")
    Path out;

    @Option(names = "--server-cpu-limit", paramLabel = "CPUS",
            description = "Run each server in a cgroup with this CPU quota, as a container CPU limit (e.g. 0.5 or 2), in "
                    + "every scenario that allows one (equal-work never does). Default: none, except in capacity: half "
                    + "the driver's CPUs, so the driver has twice the server's. Needs root (cgroup v1 or v2).")
    String serverCpuLimit;

    @Option(names = "--server-java", description = "java executable for the servers (default: the one running this).")
    Path serverJava;

    static List<String> allRuntimes() {
        List<String> names = new ArrayList<>(Runtimes.all().stream().map(ServerRuntime::name).toList());
        names.addAll(Arrays.asList(REFERENCES.split(",")));
        return names;
    }

    /** The JVM flags the launcher chose (the same for every server), then the heap, stated. */
    static List<String> serverJvmFlags() {
        List<String> flags = new ArrayList<>();
        String fromLauncher = System.getenv().getOrDefault("GREETBENCH_JVM_FLAGS", "");
        if (!fromLauncher.isBlank()) {
            flags.addAll(Arrays.asList(fromLauncher.trim().split("\\s+")));
        }
        flags.addAll(List.of("-Xms64m", "-Xmx1g"));
        return flags;
    }

    static Path root() {
        return Path.of(System.getenv().getOrDefault("GREETBENCH_ROOT", ".")).toAbsolutePath();
    }

    static String stamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss"));
    }

    /** Half the CPUs for the server, half for the driver (on 2 CPUs: 0 and 1). */
    static String[] defaultCpus() {
        int n = Runtime.getRuntime().availableProcessors();
        try {
            n = Math.max(n, io.greetbench.bench.load.CpuBusy.allowedCpus().length());
        } catch (java.io.IOException e) {
            // keep the JVM's count
        }
        int half = Math.max(1, n / 2);
        String server = half == 1 ? "0" : "0-" + (half - 1);
        String driver = n - half == 1 ? String.valueOf(half) : half + "-" + (n - 1);
        return new String[] {server, driver};
    }

    RunOptions options(List<String> defaultRuntimes, List<ScenarioPlan> plans, Duration warmup, Duration warmupMax,
            Duration duration, int trials, Path defaultOut, String command) {
        String[] cpus = defaultCpus();
        Path java = serverJava != null ? serverJava : SelfCommand.thisJava();
        String server = serverCpus != null ? serverCpus : cpus[0];
        String driver = driverCpus != null ? driverCpus : cpus[1];
        return new RunOptions(runtimes != null ? runtimes : defaultRuntimes, plans, warmup, warmupMax, duration, trials,
                server, driver, (out != null ? out : defaultOut).toAbsolutePath(), java, serverJvmFlags(),
                serverCpuLimit == null ? null : CpuLimit.parse(serverCpuLimit), defaultBudget(server, driver),
                System.getenv().getOrDefault(RunExecution.COMMAND, command));
    }

    /**
     * The capacity scenario's CPU limit when none is given: half the driver's CPUs (so the driver has
     * twice the server's CPU), at most the server's CPUs.
     */
    static CpuLimit defaultBudget(String serverCpus, String driverCpus) {
        try {
            int driver = io.greetbench.bench.load.CpuBusy.parseList(driverCpus).cardinality();
            int server = io.greetbench.bench.load.CpuBusy.parseList(serverCpus).cardinality();
            return new CpuLimit(Math.max(0.1, Math.min(server, driver / 2.0)));
        } catch (RuntimeException e) {
            return new CpuLimit(0.5); // the CPU lists are wrong: RunExecution says so before anything starts
        }
    }
}
