package io.greetbench.bench.cli;

import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.run.ScenarioPlan;
import io.greetbench.bench.scenario.Scenarios;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code greetbench quick}: the small preset of {@code run}, under three minutes on two cores:
 * plaintext at 256 connections and io-wait at 1,000, one trial, short windows.
 */
@Command(name = "quick", mixinStandardHelpOptions = true, description = {
    "A first look at every runtime in under 3 minutes on 2 cores; prints a summary and writes a report.",
    "Plaintext at 256 connections and io-wait at 1,000, one short trial each. Numbers from one short trial "
        + "are a first look; use 'greetbench run' for ones to publish."})
final class QuickCommand implements Callable<Integer> {
    static final List<ScenarioPlan> PLANS = List.of(
            new ScenarioPlan(Scenarios.PLAINTEXT, List.of(256), List.of()),
            new ScenarioPlan(Scenarios.IO_WAIT, List.of(1000), List.of()));

    @Spec
    CommandSpec spec;

    @Mixin
    RunSettings settings;

    @Override
    public Integer call() throws Exception {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        RunOptions options;
        try {
            options = settings.options(RunSettings.allRuntimes(), PLANS, Duration.ofSeconds(3), Duration.ofSeconds(3),
                    Duration.ofSeconds(2), 1, RunSettings.root().resolve("results").resolve("quick-" + RunSettings.stamp()),
                    "greetbench " + String.join(" ", args));
        } catch (IllegalArgumentException e) {
            System.err.println("greetbench: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return RunExecution.execute(options, "quick", args.subList(1, args.size()).toArray(String[]::new), System.out,
                System.err);
    }
}
