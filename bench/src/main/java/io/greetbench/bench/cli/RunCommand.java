package io.greetbench.bench.cli;

import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.run.Precision;
import io.greetbench.bench.stats.FindingRule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greetbench run}: every runtime, the same load, side by side, with what each one costs. */
@Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Measure every runtime and the reference servers in every scenario, and write the results and a report.",
    "Each cell runs on a fresh server process pinned apart from the load driver; results.jsonl, "
        + "environment.json and README.md with charts go to docs/results/<time> (or --out)."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunSettings settings;

    @Mixin
    ScenarioOptions scenarios;

    @Option(names = "--warmup", defaultValue = "3s", converter = DurationConverter.class,
            description = "Least unrecorded warm-up per measurement (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--warmup-max", defaultValue = "20s", converter = DurationConverter.class,
            description = "Past --warmup, warm up until the server's CPU per request stops falling, at most this "
                + "long (default: ${DEFAULT-VALUE}); set it to --warmup for a fixed warm-up.")
    Duration warmupMax;

    @Option(names = "--duration", defaultValue = "4s", converter = DurationConverter.class,
            description = "Measured window per measurement (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--trials", defaultValue = "5", description = "Trials (rounds) per cell (default: ${DEFAULT-VALUE}; "
            + "with fewer the report states no finding: a pair needs 5 trials on each side).")
    int trials;

    @Option(names = "--precision", paramLabel = "PERCENT", defaultValue = "5",
            description = "Rank to this precision (default: ${DEFAULT-VALUE}%%): after the planned rounds, add rounds to "
                    + "the cells with a pair of runtimes whose interval spans both no difference and a difference of this "
                    + "size, or whose A/A interval is wider than it, until each settles or --max-minutes is spent.")
    double precisionPercent;

    @Option(names = "--max-minutes", paramLabel = "MINUTES", defaultValue = "60",
            description = "The whole run's time, added rounds included (default: ${DEFAULT-VALUE}); 0 adds no rounds. "
                    + "The planned rounds are always measured.")
    double maxMinutes;

    @Option(names = "--no-aa", description = "Measure no A/A twin (by default one runtime of every cell is measured a "
            + "second time in every round, so the report can state the resolution the run achieved).")
    boolean noTwins;

    /**
     * What --precision and --max-minutes ask for. One trial is a single look: no A/A twin (it has no
     * interval) and no added rounds (the user asked for one).
     */
    private Precision precision() {
        boolean rounds = trials >= 2;
        return new Precision(precisionPercent / 100, rounds ? Duration.ofSeconds(Math.round(maxMinutes * 60)) : Duration.ZERO,
                true, rounds && !noTwins);
    }

    @Override
    public Integer call() throws Exception {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        RunOptions options;
        try {
            options = settings.options(RunSettings.allRuntimes(), scenarios.plans(), warmup, warmupMax, duration, trials,
                    RunSettings.root().resolve("docs/results").resolve(RunSettings.stamp()),
                    "greetbench " + String.join(" ", args), precision());
        } catch (IllegalArgumentException e) {
            System.err.println("greetbench: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (trials < FindingRule.MIN_TRIALS && System.getenv(RunExecution.PINNED) == null) { // once, not again when restarted pinned
            System.err.printf("greetbench: warning: --trials %d is fewer than %d: this run will claim nothing (no pair of runtimes "
                    + "is a finding with fewer than %d trials on a side, and a measurement that fails leaves fewer still)%n",
                    trials, FindingRule.MIN_TRIALS, FindingRule.MIN_TRIALS);
        }
        return RunExecution.execute(options, "run", args.subList(1, args.size()).toArray(String[]::new), System.out,
                System.err);
    }
}
