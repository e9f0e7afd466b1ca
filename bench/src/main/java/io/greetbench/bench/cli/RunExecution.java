package io.greetbench.bench.cli;

import io.greetbench.bench.load.CpuBusy;
import io.greetbench.bench.report.ReportWriter;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.remote.SshHosts;
import io.greetbench.bench.run.Orchestrator;
import io.greetbench.bench.run.RunHosts;
import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.run.SelfCommand;
import io.greetbench.bench.server.CpuLimitedServerHost;
import io.greetbench.bench.scenario.ScenarioKind;
import io.greetbench.bench.server.Executables;
import io.greetbench.bench.server.HostFiles;
import io.greetbench.bench.server.MemoryCgroups;
import io.greetbench.bench.server.Processes;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries out a run for the CLI: checks what a person may have got wrong (CPUs, JDK, output folder)
 * before anything starts, pins this process (when it is the driver) to the driver CPUs, reaches and
 * prepares the other hosts (if any), runs the orchestrator, and writes the report even when the run
 * is interrupted.
 */
final class RunExecution {
    /** Set in the process restarted pinned to the driver CPUs. */
    static final String PINNED = "GREETBENCH_PINNED";

    private RunExecution() {
    }

    /** Runs {@code options}; {@code args} are this command's arguments, to start again pinned if need be. */
    static int execute(RunOptions options, String subcommand, String[] args, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        String problem = problem(options);
        if (problem != null) {
            err.println("greetbench: " + problem);
            return ExitCode.USAGE;
        }
        // This process drives the load unless driver hosts do: pinned to the driver CPUs, when they are given.
        if (!options.placement().remoteDrivers() && options.driverCpus() != null
                && !CpuBusy.allowedCpus().equals(CpuBusy.parseList(options.driverCpus()))) {
            if (System.getenv(PINNED) != null) {
                err.println("greetbench: could not pin the driver to CPUs " + options.driverCpus());
                return ExitCode.USAGE;
            }
            // the same --out, so the restarted process writes where this one checked it could
            String[] withOut = java.util.Arrays.copyOf(args, args.length + 2);
            withOut[args.length] = "--out";
            withOut[args.length + 1] = options.out().toString();
            return restartPinned(options, subcommand, withOut);
        }
        Path root = Path.of(System.getenv().getOrDefault("GREETBENCH_ROOT", ".")).toAbsolutePath();
        ReportWriter.prepare();
        RunHosts hosts;
        if (options.placement().remoteServer()) {
            try {
                SshHosts.Opened opened = SshHosts.open(options, root, err);
                options = opened.options();
                hosts = opened.hosts();
            } catch (IOException e) {
                err.println("greetbench: " + e.getMessage());
                return ExitCode.USAGE;
            }
        } else {
            hosts = RunHosts.local(options);
        }
        Orchestrator orchestrator = new Orchestrator(options, hosts, root, err);
        RunOptions run = options;
        AtomicBoolean finished = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (!finished.get()) {
                err.println("\ngreetbench: interrupted; stopping the server"
                        + (run.placement().remoteDrivers() ? " and the drivers" : "") + " and keeping what was measured");
                orchestrator.stopChildren();
                writeReport(run.out(), err, out);
            }
        }, "greetbench-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        int failures;
        try {
            failures = orchestrator.run(root);
        } finally {
            orchestrator.stopChildren();
        }
        finished.set(true);
        writeReport(options.out(), err, out);
        if (failures > 0) {
            err.println("greetbench: " + failures + " measurement(s) failed; their reasons are in the report");
            return ExitCode.SOME_FAILED;
        }
        return ExitCode.OK;
    }

    private static void writeReport(Path dir, PrintStream err, PrintStream out) {
        try {
            Path readme = ReportWriter.write(dir);
            out.print(ReportWriter.summaryTable(dir));
            String warmup = ReportWriter.shortWarmupNote(dir);
            if (!warmup.isEmpty()) {
                out.println("A first look:" + warmup);
            }
            out.println("report: " + readme);
            out.flush();
        } catch (IOException | RuntimeException e) {
            err.println("greetbench: the report could not be written (" + e + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "") + "); the raw results are in "
                    + dir.resolve(ResultsFile.NAME) + ": try ./greetbench report " + dir);
        }
    }

    /** What is wrong with the options, for a person, or null (what is wrong on other hosts is found when they are reached). */
    static String problem(RunOptions o) {
        boolean serverHere = !o.placement().remoteServer();
        boolean driverHere = !o.placement().remoteDrivers();
        if (serverHere && !Files.isExecutable(o.serverJava())) {
            return "no Java at " + o.serverJava() + "; install a JDK or point --server-java at its bin/java";
        }
        BitSet server;
        BitSet driver;
        try {
            server = o.serverCpus() == null ? new BitSet() : CpuBusy.parseList(o.serverCpus());
            driver = o.driverCpus() == null ? new BitSet() : CpuBusy.parseList(o.driverCpus());
        } catch (RuntimeException e) {
            return "CPU lists are written like 0 or 0-1 or 0,2; got --server-cpus " + o.serverCpus()
                    + " --driver-cpus " + o.driverCpus();
        }
        if (serverHere && (server.isEmpty() || driver.isEmpty() || server.intersects(driver))) {
            return "--server-cpus and --driver-cpus must be two separate, non-empty sets of CPUs (got " + o.serverCpus()
                    + " and " + o.driverCpus() + "): a shared CPU would make the driver and the server fight for it";
        }
        int highest = Math.max(serverHere ? server.length() : 0, driverHere ? driver.length() : 0) - 1;
        int online = onlineCpus();
        if (highest >= online) {
            return "this machine has CPUs 0-" + (online - 1) + "; there is no CPU " + highest;
        }
        if ((serverHere || (driverHere && o.driverCpus() != null)) && !Executables.onPath("taskset")) {
            return "taskset is needed to pin servers and driver (apt-get install util-linux)";
        }
        if (serverHere && o.anyBudget() != null) {
            String cgroupProblem = CpuLimitedServerHost.problem(o.anyBudget());
            if (cgroupProblem != null) {
                return cgroupProblem;
            }
        }
        if (serverHere && o.plans().stream().anyMatch(p -> p.scenario().kind() == ScenarioKind.MEMORY_LIMIT)) {
            String memoryProblem = MemoryCgroups.problem(HostFiles.LOCAL);
            if (memoryProblem != null) {
                return memoryProblem;
            }
        }
        if (!serverHere && !Executables.onPath("ssh")) {
            return "ssh is needed to reach " + o.placement().serverHost() + " (apt-get install openssh-client)";
        }
        try {
            Files.createDirectories(o.out());
            Path probe = Files.createTempFile(o.out(), ".write-test", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            return "cannot write to " + o.out() + " (" + e.getMessage() + "); choose another folder with --out";
        }
        return null;
    }

    private static int onlineCpus() {
        try {
            String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
            return CpuBusy.parseList(online).length();
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** The command line as typed, handed to the pinned restart for the environment record. */
    static final String COMMAND = "GREETBENCH_COMMAND";

    /** Starts this same command again under {@code taskset -c cpus} and waits for it. */
    private static int restartPinned(RunOptions options, String subcommand, String[] args)
            throws IOException, InterruptedException {
        List<String> greetbench = new ArrayList<>(List.of(subcommand));
        greetbench.addAll(List.of(args));
        List<String> command = new ArrayList<>(List.of("taskset", "-c", options.driverCpus()));
        command.addAll(SelfCommand.of(SelfCommand.thisJava(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                greetbench));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put(PINNED, "1");
        pb.environment().put(COMMAND, options.command()); // as the user typed it, without the added --out
        if (options.cpuChoice() != null) { // the CPUs this process chose: the restart keeps them, and records the check
            pb.environment().put(RunSettings.CPU_CHOICE,
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(options.cpuChoice()));
        }
        // Ctrl-C reaches the child too (same process group); a SIGTERM to this process is passed on.
        // Either way, wait here while the child stops its servers and writes the report. The hook is
        // in place before the child exists, so no moment leaves a child running on its own.
        Object lock = new Object();
        Process[] started = {null};
        boolean[] stopping = {false};
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process child;
            synchronized (lock) {
                stopping[0] = true; // from now on no child starts
                child = started[0];
            }
            if (child == null) {
                return;
            }
            try {
                child.destroy();
                if (!child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    Processes.stop(child.toHandle(), java.time.Duration.ofSeconds(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "greetbench-pass-on-stop"));
        Process child;
        synchronized (lock) {
            if (stopping[0]) {
                return ExitCode.INTERRUPTED;
            }
            child = pb.start();
            started[0] = child;
        }
        return child.waitFor();
    }
}
