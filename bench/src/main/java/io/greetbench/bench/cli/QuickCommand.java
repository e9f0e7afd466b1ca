package io.greetbench.bench.cli;

import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.run.ScenarioPlan;
import io.greetbench.bench.scenario.Scenarios;
import java.nio.file.Path;
import io.greetbench.bench.run.Precision;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code greetbench quick}: the small preset of {@code run}, under three minutes on two cores:
 * capacity at a CPU budget at 256 connections (plaintext, where cgroups cannot be written) and
 * io-wait at 1,000, one trial, short windows.
 */
@Command(name = "quick", mixinStandardHelpOptions = true, description = {
    "A first look at every runtime in under 3 minutes on 2 cores; prints a summary and writes a report.",
    "Capacity at a CPU budget at 256 connections (plaintext where no CPU limit can be set) and io-wait at 1,000, "
        + "one short trial each. Numbers from one short trial "
        + "are a first look; use 'greetbench run' for ones to publish."})
final class QuickCommand implements Callable<Integer> {
    static final List<ScenarioPlan> PLANS = List.of(
            new ScenarioPlan(Scenarios.CAPACITY, List.of(256), List.of()),
            new ScenarioPlan(Scenarios.IO_WAIT, List.of(1000), List.of()));
    /** Where no CPU limit can be set (not root): plaintext on the server's whole CPU instead of capacity. */
    static final List<ScenarioPlan> UNLIMITED_PLANS = List.of(
            new ScenarioPlan(Scenarios.PLAINTEXT, List.of(256), List.of()),
            new ScenarioPlan(Scenarios.IO_WAIT, List.of(1000), List.of()));

    static final Duration QUICK_WARMUP = Duration.ofSeconds(1);
    static final Duration QUICK_WINDOW = Duration.ofMillis(1500);
    static final Duration QUICK_CPU_CHECK = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Mixin
    RunSettings settings;

    @Override
    public Integer call() throws Exception {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        RunOptions options;
        try {
            List<ScenarioPlan> plans = PLANS;
            String noLimit = settings.cpuLimitProblem(settings.options(List.of(), PLANS, Duration.ZERO, Duration.ZERO,
                    Duration.ofSeconds(1), 1, Path.of("."), "", Precision.PLANNED_ONLY).anyBudget());
            if (noLimit != null && System.getenv(RunExecution.COMMAND) == null) {
                System.err.println("greetbench: " + noLimit + "; quick measures plaintext on a whole CPU instead of capacity");
            }
            if (noLimit != null) {
                plans = UNLIMITED_PLANS;
            }
            // 1 s of warm-up and a 1.5 s window, a 1 s CPU check: 28 servers in under 3 minutes on 2 cores
            // (a capacity server alone takes 3-4 s to start under its half CPU); a first look, as it says
            settings.cpuCheck(QUICK_CPU_CHECK);
            options = settings.options(RunSettings.allRuntimes(), plans, QUICK_WARMUP, QUICK_WARMUP, QUICK_WINDOW, 1, RunSettings.root().resolve("results").resolve("quick-" + RunSettings.stamp()),
                    "greetbench " + String.join(" ", args), Precision.PLANNED_ONLY);
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("greetbench: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return RunExecution.execute(options, "quick", args.subList(1, args.size()).toArray(String[]::new), System.out,
                System.err);
    }
}
