package io.greetbench.bench.cli;

import io.greetbench.bench.remote.Ssh;
import io.greetbench.bench.remote.SshHosts;
import io.greetbench.bench.run.Placement;
import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.run.ScenarioPlan;
import io.greetbench.bench.run.SelfCommand;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.bench.server.CpuLimitedServerHost;
import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerRuntime;
import io.greetbench.bench.load.CpuBusy;
import io.greetbench.bench.results.CpuReadings;
import io.greetbench.bench.results.CpuSurvey;
import io.greetbench.bench.run.CpuCheck;
import io.greetbench.bench.run.CpuChoice;
import io.greetbench.bench.run.Precision;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.Map;
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

    @Option(names = "--jvm-flags", paramLabel = "FLAGS",
            description = "Flags for every JVM server, after greetbench's own, so they win (a collector or heap settings, "
                    + "e.g. \"-XX:+UseG1GC -Xmx512m\"); recorded in environment.json. Default: none.")
    String jvmFlags;

    @Option(names = "--cpu-period", defaultValue = "100ms", converter = DurationConverter.class,
            description = "The CFS period of every CPU limit (default: ${DEFAULT-VALUE}, as Docker and Kubernetes set it: "
                    + "a server that spends its quota early in a period waits out the rest; 10ms makes those stalls shorter).")
    Duration cpuPeriod = Duration.ofMillis(100);

    @Option(names = "--server-host", paramLabel = "HOST",
            description = "Run every server on HOST, over ssh (default: this machine). greetbench copies itself there and "
                    + "finds a JDK there; --server-cpus are then that host's CPUs (default: all of them).")
    String serverHost;

    @Option(names = "--driver-hosts", split = ",", paramLabel = "HOST",
            description = "Load from one driver on each of these hosts, over ssh, all opening their windows at one "
                    + "wall-clock time, their figures merged (needs --server-host; default: this process). "
                    + "--driver-cpus are then each host's CPUs (default: all of them).")
    List<String> driverHosts;

    @Option(names = "--server-address", paramLabel = "ADDRESS",
            description = "The address the load goes to, and the only one the servers listen on: one of the server "
                    + "host's own (default: the server host's HostName, as ssh resolves it).")
    String serverAddress;

    @Option(names = "--ssh-config", paramLabel = "FILE",
            description = "ssh's configuration file, as ssh -F (default: $" + Ssh.CONFIG_VARIABLE + ", else ssh's own).")
    Path sshConfig;

    @Option(names = "--remote-java", paramLabel = "PATH",
            description = "java, or a JDK folder, on the other hosts (default: found on each as ./greetbench finds it: "
                    + "JAVA_HOME, else the newest JDK 21+ under /usr/lib/jvm, else java on PATH).")
    String remoteJava;

    @Option(names = "--no-window-gate", description = "Keep every window, even one taken while the server's CPU ran slow "
            + "(default: such a window is discarded and measured again, up to twice; see docs/methodology.md).")
    boolean noWindowGate;

    /** How long the CPU check before a run reads the CPUs. */
    static final Duration CPU_CHECK = Duration.ofSeconds(3);
    /** The CPU check and choice the pinned restart of a run inherits from the process that made it. */
    static final String CPU_CHOICE = "GREETBENCH_CPU_CHOICE";

    private CpuSurvey cpuChoice;
    private Duration cpuCheck = CPU_CHECK;

    /** A shorter CPU check before the run (quick's first look). */
    void cpuCheck(Duration duration) {
        this.cpuCheck = duration;
    }

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
        flags.addAll(io.greetbench.bench.server.ServerSite.HEAP);
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
            Duration duration, int trials, Path defaultOut, String command, Precision precision) {
        Placement placement = placement();
        precision = new Precision(precision.target(), precision.maxTime(), !noWindowGate, precision.twins());
        Path java = serverJava != null ? serverJava : SelfCommand.thisJava();
        String server;
        String driver;
        CpuLimit budget;
        if (placement.remoteServer()) {
            // Other hosts' CPUs: all of them unless given; this process, if it drives, as it runs.
            server = serverCpus;
            driver = driverCpus;
            budget = new CpuLimit(1); // a stand-in: worked out from the hosts' CPUs once they are reached (SshHosts)
        } else {
            String[] cpus = defaultCpus();
            CpuSurvey choice = inheritedChoice();
            if (choice == null && serverCpus == null && driverCpus == null) {
                choice = chooseCpus(cpus[0]);
            }
            server = choice != null ? choice.serverCpus() : serverCpus != null ? serverCpus : cpus[0];
            driver = choice != null ? choice.driverCpus() : driverCpus != null ? driverCpus : cpus[1];
            cpuChoice = choice;
            budget = defaultBudget(server, driver);
        }
        new CpuLimit(1, cpuPeriod.toNanos() / 1000); // its bounds checked now, with the other options
        return new RunOptions(runtimes != null ? runtimes : defaultRuntimes, plans, warmup, warmupMax, duration, trials,
                server, driver, (out != null ? out : defaultOut).toAbsolutePath(), java, serverJvmFlags(),
                serverCpuLimit == null ? null : CpuLimit.parse(serverCpuLimit), budget,
                System.getenv().getOrDefault(RunExecution.COMMAND, command), placement, precision,
                placement.remoteServer() ? null : cpuChoice, cpuPeriod, jvmFlags());
    }

    /** The flags of {@code --jvm-flags}, split at white space. */
    List<String> jvmFlags() {
        return jvmFlags == null || jvmFlags.isBlank() ? List.of() : Arrays.asList(jvmFlags.trim().split("\\s+"));
    }

    /**
     * The CPU check before a run: every CPU timed in turn for a few seconds, the server given the
     * steadiest (as many CPUs as the default would give it). Null when it cannot be made (one CPU).
     */
    private CpuSurvey chooseCpus(String defaultServer) {
        if (cpuChoice != null) {
            return cpuChoice;
        }
        try {
            BitSet online = CpuCheck.onlineCpus();
            if (online.cardinality() < 2) {
                return null;
            }
            try (CpuCheck check = new CpuCheck(online)) {
                Map<Integer, CpuReadings> survey = check.survey(cpuCheck);
                CpuChoice choice = CpuChoice.choose(survey, CpuBusy.parseList(defaultServer).cardinality());
                cpuChoice = new CpuSurvey(Instant.now().toString(), List.copyOf(survey.values()), choice.serverCpus(),
                        choice.driverCpus(), choice.explanation());
                System.err.println("greetbench: CPU check (" + cpuCheck.toSeconds() + " s, each CPU in turn):\n"
                        + CpuChoice.table(survey) + "\ngreetbench: " + choice.explanation()
                        + " (pin them yourself with --server-cpus and --driver-cpus)");
                return cpuChoice;
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("greetbench: the CPU check could not run (" + e.getMessage() + "); the server gets CPU "
                    + defaultServer + " as by default");
            return null;
        }
    }

    /** The choice the process that restarted this one (pinned) made, or null. */
    private CpuSurvey inheritedChoice() {
        String json = System.getenv(CPU_CHOICE);
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, CpuSurvey.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Where servers and load are, as given; an IllegalArgumentException says what is wrong. */
    Placement placement() {
        Placement placement = new Placement(serverHost, driverHosts, serverAddress, sshConfig, remoteJava);
        String problem = placement.problem(Ssh::problem);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return placement;
    }

    /** Why {@code limit} cannot be set where the servers run, or null; an IOException when the server host cannot be reached. */
    String cpuLimitProblem(CpuLimit limit) throws java.io.IOException {
        Placement placement = placement();
        return placement.remoteServer() ? SshHosts.cpuLimitProblem(placement, limit) : CpuLimitedServerHost.problem(limit);
    }

    /**
     * The capacity scenario's CPU limit when none is given: half the driver's CPUs (so the driver has
     * twice the server's CPU), at most the server's CPUs.
     */
    static CpuLimit defaultBudget(String serverCpus, String driverCpus) {
        try {
            int driver = io.greetbench.bench.load.CpuBusy.parseList(driverCpus).cardinality();
            int server = io.greetbench.bench.load.CpuBusy.parseList(serverCpus).cardinality();
            return CpuLimit.halfTheDriver(server, driver);
        } catch (RuntimeException e) {
            return new CpuLimit(0.5); // the CPU lists are wrong: RunExecution says so before anything starts
        }
    }
}
