package io.greetbench.bench.cli;

import io.greetbench.bench.run.RunExecution;
import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.run.Scenario;
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
@Command(name = "quick", description = {
    "A quick comparison (under 3 minutes on 2 cores): every runtime, plaintext at 256 connections and",
    "io-wait (20 ms per request) at 1,000, one short trial each; prints a summary and writes the report.",
    "Numbers from one short trial are a first look; use 'greetbench run' for ones to publish."})
final class QuickCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunSettings settings;

    @Override
    public Integer call() throws Exception {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        RunOptions options = settings.options(RunSettings.allRuntimes(), List.of(Scenario.PLAINTEXT, Scenario.IO_WAIT),
                List.of(256), List.of(1000), 64, List.of(), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(2), 1,
                RunSettings.root().resolve("results").resolve("quick-" + RunSettings.stamp()),
                "greetbench " + String.join(" ", args));
        return RunExecution.execute(options, "quick", args.subList(1, args.size()).toArray(String[]::new), System.out,
                System.err);
    }
}
