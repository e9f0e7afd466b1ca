package io.greetbench.bench.cli;

import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.run.ScenarioPlan;
import io.greetbench.bench.run.SelfCommand;
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
        return new RunOptions(runtimes != null ? runtimes : defaultRuntimes, plans, warmup, warmupMax, duration, trials,
                serverCpus != null ? serverCpus : cpus[0], driverCpus != null ? driverCpus : cpus[1],
                (out != null ? out : defaultOut).toAbsolutePath(), java, serverJvmFlags(),
                System.getenv().getOrDefault(RunExecution.COMMAND, command));
    }
}
