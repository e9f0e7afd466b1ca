package io.greetbench.bench.cli;

import io.greetbench.bench.run.RunExecution;
import io.greetbench.bench.run.RunOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code greetbench run}: every runtime, the same load, side by side, with what each one costs. */
@Command(name = "run", description = {
    "Measure every runtime (and the reference servers) in every scenario, each cell on a fresh pinned server",
    "process, and write results.jsonl, environment.json and a report with charts."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunSettings settings;

    @Option(names = "--scenarios", split = ",", defaultValue = "plaintext,io-wait,latency-at-rate,pipelined",
            description = "Scenarios (default: ${DEFAULT-VALUE}).")
    List<String> scenarios;

    @Option(names = "--connections", split = ",", defaultValue = "1,64,1024,10000",
            description = "Connection sweep of plaintext (default: ${DEFAULT-VALUE}).")
    List<Integer> connections;

    @Option(names = "--io-wait-connections", split = ",", defaultValue = "64,1024,10000",
            description = "Connection sweep of io-wait (default: ${DEFAULT-VALUE}).")
    List<Integer> ioWaitConnections;

    @Option(names = "--rate-connections", defaultValue = "64",
            description = "Connections of latency-at-rate and pipelined (default: ${DEFAULT-VALUE}).")
    int rateConnections;

    @Option(names = "--rates", split = ",", defaultValue = "0.25,0.5,0.75",
            description = "latency-at-rate: fractions of each runtime's plaintext peak (default: ${DEFAULT-VALUE}).")
    List<Double> rates;

    @Option(names = "--warmup", defaultValue = "3s", converter = DurationConverter.class,
            description = "Least unrecorded warm-up per measurement (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--warmup-max", defaultValue = "30s", converter = DurationConverter.class,
            description = {"Past --warmup, warm up until the server's CPU per request stops falling, at most this",
                "long (default: ${DEFAULT-VALUE}); set it to --warmup for a fixed warm-up."})
    Duration warmupMax;

    @Option(names = "--duration", defaultValue = "5s", converter = DurationConverter.class,
            description = "Measured window per measurement (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--trials", defaultValue = "3", description = "Trials per cell (default: ${DEFAULT-VALUE}).")
    int trials;

    @Override
    public Integer call() throws Exception {
        RunOptions options;
        try {
            if (trials < 1) {
                throw new IllegalArgumentException("--trials must be at least 1");
            }
            options = settings.options(RunSettings.allRuntimes(), RunSettings.scenarios(scenarios), connections,
                    ioWaitConnections, rateConnections, rates, warmup, warmupMax, duration, trials,
                    RunSettings.root().resolve("docs/results").resolve(RunSettings.stamp()),
                    "greetbench " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        } catch (IllegalArgumentException e) {
            System.err.println("greetbench: " + e.getMessage());
            return RunExecution.USAGE;
        }
        return RunExecution.execute(options, "run", spec.commandLine().getParseResult().originalArgs().subList(1,
                spec.commandLine().getParseResult().originalArgs().size()).toArray(String[]::new), System.out, System.err);
    }
}
