package io.greetbench.bench.report;

import io.greetbench.bench.results.AddedRun;
import io.greetbench.bench.results.RecordedOptions;
import io.greetbench.bench.results.RunEnvironment;
import io.greetbench.bench.text.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The page's title, the machine and JVM it was measured on, how to read it, and the maintainers' note. */
final class IntroSection implements ReportSection {
    @Override
    public void render(ReportContext ctx, StringBuilder md) throws IOException {
        Path dir = ctx.dir();
        md.append("# greetbench results: ").append(dir.getFileName()).append("\n\n");
        md.append(environment(ctx.index().env())).append("\n\n");
        for (AddedRun added : ctx.index().env().addedOrNone()) {
            md.append(added(added)).append("\n\n");
        }
        md.append("Every cell is a fresh server process, pinned apart from the load driver. ").append(trials(ctx.index()))
                .append(" `†` marks a cell where the ")
                .append("driver's CPU, not the server, was saturated: there the server may be faster than shown. ")
                .append("Raw data: [`results.jsonl`](results.jsonl), [`environment.json`](environment.json). ")
                .append("Regenerate this page with `./greetbench report ").append(relative(dir)).append("`.\n\n");
        Path notes = dir.resolve("NOTES.md");
        if (Files.isRegularFile(notes)) {
            md.append("> **Maintainers' note** (from [`NOTES.md`](NOTES.md), written by hand, not computed):\n>\n");
            Files.readString(notes, StandardCharsets.UTF_8).strip().lines()
                    .forEach(l -> md.append("> ").append(l).append('\n'));
            md.append('\n');
        }
    }

    /** How to read a figure: the median, its interval, and the trials behind it. */
    private static String trials(ResultsIndex index) {
        int usual = index.usualTrials();
        if (index.maxTrials() <= 1) {
            return "One trial per cell: each value is what that trial measured, with no interval (n=1); a first look, "
                    + "not a ranking.";
        }
        if (io.greetbench.bench.stats.Bootstrap.medianIntervalIsRange(usual)) {
            return "Values are the median over trials with, in small print, the range of the trials: with " + usual
                    + " trials the bootstrap's interval of a median (" + ReportStatistics.described() + ") is exactly the range, "
                    + "which covers the true median only "
                    + Units.pctExact(1 - Math.pow(2, 1 - usual)) + " of the time, not 95%. "
                    + usual + " trials per cell; a cell with another count says its n, and a single trial has no interval.";
        }
        return "Values are the median over trials with its 95% confidence interval in small print (" + ReportStatistics.described()
                + "). " + usual + " trials per cell; a cell with another count says its n, and a single trial has no interval.";
    }

    private static String relative(Path dir) {
        Path root = Path.of(System.getenv().getOrDefault("GREETBENCH_ROOT", ".")).toAbsolutePath().normalize();
        Path abs = dir.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    private static String environment(RunEnvironment env) {
        if (!env.known()) {
            return "_No environment.json: machine and JVM unknown._";
        }
        RecordedOptions opts = env.optionsOrNone();
        String version = String.valueOf(env.serverJavaVersion());
        String javaVersion = version.lines().skip(1).findFirst().orElse(version);
        return String.format(Locale.ROOT,
                "Measured %s on **%s** (%s CPUs online, %s of memory), %s, %s. Servers: %s, flags `%s`, pinned to CPU %s; "
                        + "load driver pinned to CPU %s. Commit `%s`%s. Each measurement: %s, %s s window, "
                        + "%s trial(s). Command: `%s`.",
                env.startedAt(), env.cpuModel(), env.onlineCpus(), env.memTotal(), env.kernel(), env.os(), javaVersion,
                String.join(" ", env.serverJvmFlags() == null ? java.util.List.of() : env.serverJvmFlags()),
                env.serverCpus(), env.driverCpus(), env.gitCommit(),
                Boolean.TRUE.equals(env.gitDirty()) ? " (with uncommitted changes)" : "", warmup(opts),
                opts.durationSeconds(), opts.trials(), env.command());
    }

    /** A run of other scenarios added to this one: when and how it was measured, which cells are its. */
    private static String added(AddedRun added) {
        RunEnvironment env = added.environment();
        String scenarios = added.scenarios().stream().map(s -> "`" + s + "`").collect(java.util.stream.Collectors.joining(", "));
        return String.format(Locale.ROOT,
                "Added to this run (`greetbench add`, %s): the %s %s %d lines, measured from %s on the same machine "
                        + "in a run of their own: servers pinned to CPU %s, load driver to CPU %s, commit `%s`%s, %s trial(s); "
                        + "command `%s`. Those cells are that run's alone (its environment is in environment.json under `added`).",
                added.addedAt(), scenarios, added.scenarios().size() == 1 ? "scenario's" : "scenarios'", added.lines(), env.startedAt(), env.serverCpus(), env.driverCpus(), env.gitCommit(),
                Boolean.TRUE.equals(env.gitDirty()) ? " (with uncommitted changes)" : "", env.optionsOrNone().trials(),
                env.command());
    }

    private static String warmup(RecordedOptions opts) {
        if (opts.adaptiveWarmup()) {
            return "at least " + opts.warmupSeconds() + " s and at most " + opts.warmupMaxSeconds()
                    + " s of warm-up (until the server's CPU per request stopped falling)";
        }
        return opts.warmupSeconds() + " s warm-up";
    }
}
