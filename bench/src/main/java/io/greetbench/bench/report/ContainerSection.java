package io.greetbench.bench.report;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.MemoryFigures;
import io.greetbench.bench.results.RecordedOptions;
import io.greetbench.bench.results.RunEnvironment;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.text.Units;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * "What a container needs": per runtime, the two limits a container is sized by and what goes with
 * them. The CPU for a given rate (from capacity), the smallest memory limit that holds the memory
 * scenario's most waiting connections, the live heap there, memory per connection, and start-up; with
 * a chart. Then the details: each search's steps (a failed step with its reason), where the memory goes
 * (live heap and Native Memory Tracking at each connection count), and the start-ups.
 */
final class ContainerSection implements ReportSection {
    /** The rate the CPU column is given for. */
    static final double RATE = 10_000;

    @Override
    public void render(ReportContext ctx, StringBuilder md) throws IOException {
        ResultsIndex index = ctx.index();
        ContainerResults results = index.container();
        if (!results.anyMemory() && !results.anyStartup()) {
            return;
        }
        RecordedOptions opts = containerOptions(index.env());
        md.append("## What a container needs\n\n")
                .append("A container is sized by a CPU limit and a memory limit. Per runtime: the CPU it needs for ")
                .append(Units.rate(RATE)).append(" requests/s (from capacity, where the run has it), the smallest memory ")
                .append("limit at which it still serves its waiting connections as it does without one, what of that is ")
                .append("live heap, what each connection costs, and how long it takes to answer after it starts. ")
                .append("The JVMs of these scenarios size their heap as a container image does: `")
                .append(String.join(" ", opts.containerJvmFlags() == null ? io.greetbench.bench.server.ContainerFlags.HEAP
                        : opts.containerJvmFlags()))
                .append("` in place of the run's `-Xms`/`-Xmx`").append(opts.jvmFlags() == null ? "" : ", then `--jvm-flags` `"
                        + String.join(" ", opts.jvmFlags()) + "`").append(". Medians over rounds with their 95% interval.\n\n");
        summary(ctx, results, md);
        if (results.anySearch()) {
            searches(ctx, results, md);
        }
        if (!results.baselineCounts().isEmpty()) {
            whereItGoes(ctx, results, md);
        }
        if (results.anyStartup()) {
            startups(ctx, results, md);
        }
    }

    /**
     * The options of the run that measured the memory scenario: an added run's when one brought it (its servers
     * had its flags), else this run's.
     */
    private static RecordedOptions containerOptions(RunEnvironment env) {
        return env.addedOrNone().stream().filter(a -> a.scenarios().contains(Scenarios.MEMORY.key()))
                .map(a -> a.environment().optionsOrNone()).findFirst().orElse(env.optionsOrNone());
    }

    private static void summary(ReportContext ctx, ContainerResults results, StringBuilder md) throws IOException {
        ResultsIndex index = ctx.index();
        int at = results.searchedAt();
        List<Integer> counts = results.baselineCounts();
        int most = counts.isEmpty() ? at : counts.get(counts.size() - 1);
        int capacityAt = capacityCount(index);
        List<String> headers = new ArrayList<>();
        List<Function<String, String>> columns = new ArrayList<>();
        if (capacityAt > 0) {
            headers.add("CPU for " + Units.rate(RATE) + " req/s");
            columns.add(r -> {
                CellTrials c = index.cell(r, Scenarios.CAPACITY.key(), capacityAt, 0.0);
                return c == null || !c.measured() ? Units.NONE
                        : text(c.perCpu().values().stream().filter(v -> v > 0).map(v -> RATE / v).toList(), Units::twoDecimals)
                                + (c.atBudget(CapacitySection.AT_BUDGET) ? "" : " ‡");
            });
        }
        if (results.anySearch()) {
            headers.add("memory limit, " + Units.thousands(at) + " waiting connections");
            columns.add(r -> limitText(results, r));
        }
        if (most > 0) {
            headers.add("live heap at " + Units.thousands(most));
            columns.add(r -> text(results.baseline(r, most, ContainerResults::liveHeapMib), ContainerSection::mib));
            headers.add("memory per connection");
            columns.add(r -> {
                Spread footprint = results.perConnection(r, ContainerResults::footprintBytes);
                return footprint.present() ? SpreadText.withInterval(footprint, ContainerSection::bytes, footprint.n())
                        : perConnectionRss(results, r);
            });
        }
        if (results.anyStartup()) {
            headers.add("start-up to first answer");
            columns.add(r -> text(results.startupMillis(r), ms -> String.format(Locale.ROOT, "%.0f ms", ms)));
            headers.add("RSS after start");
            columns.add(r -> text(results.startupRssMib(r), ContainerSection::mib));
        }
        md.append("| runtime |");
        headers.forEach(h -> md.append(' ').append(h).append(" |"));
        md.append("\n|---|");
        headers.forEach(h -> md.append("---:|"));
        md.append('\n');
        for (String runtime : index.runtimes()) {
            List<String> cells = columns.stream().map(c -> c.apply(runtime)).toList();
            if (cells.stream().allMatch(Units.NONE::equals)) {
                continue;
            }
            md.append("| ").append(runtime).append(" |");
            cells.forEach(c -> md.append(' ').append(c).append(" |"));
            md.append('\n');
        }
        md.append('\n');
        List<String> notes = new ArrayList<>();
        if (capacityAt > 0) {
            notes.add(String.format(Locale.ROOT, "CPU: %s req/s divided by the requests/s per CPU of budget at %,d connections "
                    + "(‡: the server did not use its whole budget there)", Units.rate(RATE), capacityAt));
        }
        if (results.anySearch()) {
            notes.add("memory limit: the median over rounds of the smallest limit that held in each round's search, "
                    + "found to within 5% or 8 MiB; its interval reaches down to the last failed step of the searches, "
                    + "since the smallest limit that holds lies between the two ([below](#the-smallest-memory-limit))");
        }
        if (most > 0) {
            notes.add("memory per connection: the slope between " + Units.thousands(counts.get(0)) + " and "
                    + Units.thousands(most) + " connections of live heap plus the JVM's committed non-heap memory (NMT, "
                    + "without the JIT's passing arenas), or of peak RSS (marked `rss`) where the JVM cannot say");
        }
        if (!notes.isEmpty()) {
            md.append(String.join("; ", notes)).append(".\n\n");
        }
        List<Charts.Bar> bars = new ArrayList<>();
        int fewest = Integer.MAX_VALUE; // the fewest values behind a bar: what its whiskers are
        for (String runtime : index.runtimes()) {
            Interval found = results.limitFound(runtime);
            if (found != null) {
                bars.add(Charts.Bar.of(runtime, found));
                fewest = Math.min(fewest, found.n());
            }
        }
        if (Charts.bars(ctx.dir().resolve("container-memory-limit.png"), String.format(Locale.ROOT,
                "Smallest memory limit that holds %,d waiting connections", at), fewest < 2 ? "bars: one round, no interval"
                        : "bars: median over rounds of the limit found; whiskers: its 95% interval, down to the last failed steps",
                "memory limit (MiB)", ChartAxes::plain, bars)) {
            md.append("![memory limit](container-memory-limit.png)\n\n");
        }
    }

    private static String perConnectionRss(ContainerResults results, String runtime) {
        Spread rss = results.perConnection(runtime, ContainerResults::rssBytes);
        return rss.present() ? SpreadText.withInterval(rss, ContainerSection::bytes, rss.n()) + " rss" : Units.NONE;
    }

    /** The limit found over rounds, and how many rounds found none. */
    private static String limitText(ContainerResults results, String runtime) {
        List<Measurement> searches = results.searches(runtime);
        if (searches.isEmpty()) {
            return Units.NONE;
        }
        Interval found = results.limitFound(runtime);
        long none = searches.size() - (found == null ? 0 : found.n());
        String text = found != null ? SpreadText.interval(found, ContainerSection::mib, found.n()) : "none held";
        boolean errorsUnlimited = searches.stream().anyMatch(s -> s.memorySearch().baselineErrors() != null
                && s.memorySearch().baselineErrors() > 0);
        return text + (none > 0 && found != null ? " (" + none + " round(s) found none)" : "") + (errorsUnlimited ? " !" : "");
    }

    private static void searches(ReportContext ctx, ContainerResults results, StringBuilder md) {
        ResultsIndex index = ctx.index();
        md.append("### The smallest memory limit\n\n")
                .append("Each server runs in a memory cgroup of its own (as a container's memory limit: cgroup v1 ")
                .append("`memory.limit_in_bytes`, or v2 `memory.max`, swap included), with io-wait's load at ")
                .append(Units.thousands(results.searchedAt())).append(" connections. A step **holds** when the server was not ")
                .append("killed by the kernel's OOM killer, printed no `OutOfMemoryError`, stayed up, had no errors but ")
                .append("timeouts (`!`: a runtime with such errors without a limit too may have up to three times as many; ")
                .append("timeouts are slow answers, judged by the throughput), served at least half the requests/s it served ")
                .append("without a limit in the same round, and at least 95% of either those requests/s or its requests per ")
                .append("CPU-second then (on a shared machine the CPU a server gets varies from window to window; what a ")
                .append("request costs it does not, unless the limit makes it collect or reclaim more). The search starts at ")
                .append("what the unlimited window's group was charged at most, and bisects between the largest limit that ")
                .append("failed and the smallest that held until they are within 5% (or 8 MiB). A step that failed on ")
                .append("throughput and cost alone was measured once more. ")
                .append("`✓` held, `✗` failed, with its reason.\n\n")
                .append("| runtime | limit found | heap the JVM chose there | search time | round: steps (MiB) |\n")
                .append("|---|---:|---:|---:|---|\n");
        for (String runtime : index.runtimes()) {
            List<Measurement> searches = results.searches(runtime);
            if (searches.isEmpty()) {
                continue;
            }
            List<String> rounds = new ArrayList<>();
            for (int round : results.rounds(runtime)) {
                rounds.add(round + ": " + stepsText(results.steps(runtime, round), searches.stream()
                        .filter(s -> java.util.Objects.equals(s.trial(), round)).findFirst().orElse(null)));
            }
            md.append("| ").append(runtime).append(" | ").append(limitText(results, runtime)).append(" | ")
                    .append(text(results.heapAtLimitMib(runtime), ContainerSection::mib)).append(" | ")
                    .append(text(results.searchSeconds(runtime), ContainerSection::duration)).append(" | ")
                    .append(String.join("<br>", rounds)).append(" |\n");
        }
        md.append('\n');
    }

    /** "1m40s", "45 s". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + " s";
    }

    /** A round's steps: "512 ✓, 181 ✗ killed by the kernel's OOM killer, …; found 304 (from 256)". */
    static String stepsText(List<Measurement> steps, Measurement result) {
        List<String> parts = new ArrayList<>();
        for (Measurement m : steps) {
            MemoryFigures f = m.memory();
            String limit = f.limitBytes() == null ? "?" : String.valueOf(f.limitBytes() >> 20);
            parts.add(Boolean.TRUE.equals(f.held()) ? limit + " ✓" : limit + " ✗ " + escape(f.detail()));
        }
        String text = String.join(", ", parts);
        if (result == null) {
            return text;
        }
        var s = result.memorySearch();
        if (s.foundBytes() == null) {
            return text + (result.reason() == null ? "" : "; " + escape(result.reason()));
        }
        return text + "; **" + (s.foundBytes() >> 20) + "**" + (s.failedBytes() == null ? "" : " (from " + (s.failedBytes() >> 20) + ")");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static void whereItGoes(ReportContext ctx, ContainerResults results, StringBuilder md) {
        ResultsIndex index = ctx.index();
        md.append("### Where the memory goes\n\n")
                .append("At the end of each window without a memory limit (the JVM with Native Memory Tracking on, its heap ")
                .append("free to grow to 75% of the machine's memory): the heap in use right after a full collection ")
                .append("(`jcmd GC.run`, then `GC.heap_info`), and what the JVM committed per part (`jcmd VM.native_memory ")
                .append("summary`): the heap as the collector grew it, thread stacks, metaspace and class space, code cache, ")
                .append("the collector's own structures, and `Other` (NIO direct buffers: Netty's pooled direct memory). ")
                .append("MiB; RSS and the cgroup's peak for comparison.\n\n");
        for (int c : results.baselineCounts()) {
            md.append("**").append(Units.thousands(c)).append(" connections**\n\n")
                    .append("| runtime | live heap | heap committed | threads | metaspace + class | code | GC | other (direct) "
                            + "| NMT total | peak RSS | group peak | GC pauses |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (String runtime : index.runtimes()) {
                if (results.baselines(runtime, c).isEmpty()) {
                    continue;
                }
                md.append("| ").append(runtime)
                        .append(" | ").append(text(results.baseline(runtime, c, ContainerResults::liveHeapMib), ContainerSection::mib))
                        .append(" | ").append(text(results.baseline(runtime, c, ContainerResults.nmtMib("Java Heap")), ContainerSection::mib))
                        .append(" | ").append(text(results.baseline(runtime, c, ContainerResults.nmtMib("Thread")), ContainerSection::mib))
                        .append(" | ").append(text(results.baseline(runtime, c, ContainerResults.nmtMib("Metaspace", "Class")),
                                ContainerSection::mib))
                        .append(" | ").append(text(results.baseline(runtime, c, ContainerResults.nmtMib("Code")), ContainerSection::mib))
                        .append(" | ").append(text(results.baseline(runtime, c, ContainerResults.nmtMib("GC")), ContainerSection::mib))
                        .append(" | ").append(text(results.baseline(runtime, c, ContainerResults.nmtMib("Other")), ContainerSection::mib))
                        .append(" | ").append(text(results.baseline(runtime, c, ContainerResults.nmtMib("Total")), ContainerSection::mib))
                        .append(" | ").append(text(results.baseline(runtime, c, m -> m.server().rssPeakKb() == null ? null
                                : m.server().rssPeakKb() / 1024.0), ContainerSection::mib))
                        .append(" | ").append(text(results.baseline(runtime, c, m -> m.memory().cgroupPeakBytes() == null ? null
                                : m.memory().cgroupPeakBytes() / 1048576.0), ContainerSection::mib))
                        .append(" | ").append(gcText(results.baselines(runtime, c))).append(" |\n");
            }
            md.append('\n');
        }
        List<Integer> counts = results.baselineCounts();
        if (counts.size() >= 2) {
            md.append("**Memory per connection** (the slope between ").append(Units.thousands(counts.get(0))).append(" and ")
                    .append(Units.thousands(counts.get(counts.size() - 1))).append(" connections, per round; median and "
                            + "interval over rounds)\n\n")
                    .append("| runtime | live heap | live heap + committed non-heap | peak RSS |\n|---|---:|---:|---:|\n");
            for (String runtime : index.runtimes()) {
                Spread live = results.perConnection(runtime, ContainerResults::liveHeapBytes);
                Spread footprint = results.perConnection(runtime, ContainerResults::footprintBytes);
                Spread rss = results.perConnection(runtime, ContainerResults::rssBytes);
                if (!live.present() && !footprint.present() && !rss.present()) {
                    continue;
                }
                md.append("| ").append(runtime).append(" | ").append(text(live, ContainerSection::bytes)).append(" | ")
                        .append(text(footprint, ContainerSection::bytes)).append(" | ").append(text(rss, ContainerSection::bytes))
                        .append(" |\n");
            }
            md.append("\nPeak RSS grows with whatever garbage the collector let accumulate; live heap plus committed non-heap ")
                    .append("memory does not, which makes it the better estimate of what a connection costs.\n\n");
        }
    }

    /** GC pauses of the windows: "12 · 40 ms · max 6.1 ms (Serial)", medians over rounds. */
    private static String gcText(List<Measurement> windows) {
        Spread count = Spread.of(windows.stream().filter(m -> m.server().gcPauses() != null)
                .map(m -> m.server().gcPauses().doubleValue()).toList());
        if (!count.present()) {
            return Units.NONE;
        }
        Spread total = Spread.of(windows.stream().filter(m -> m.server().gcPauseMillis() != null)
                .map(m -> m.server().gcPauseMillis()).toList());
        Spread max = Spread.of(windows.stream().filter(m -> m.server().gcPauseMaxMillis() != null)
                .map(m -> m.server().gcPauseMaxMillis()).toList());
        String collector = windows.stream().map(m -> m.server().gcCollector()).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
        return MemorySection.pauses(count, total, max) + (collector == null ? "" : " (" + collector + ")");
    }

    private static void startups(ReportContext ctx, ContainerResults results, StringBuilder md) throws IOException {
        ResultsIndex index = ctx.index();
        md.append("### Start-up\n\n")
                .append("Fresh starts, each timed from just before its process was started to its first correct answer to ")
                .append("`GET /world` (its output polled for the port, then the request, every millisecond), on the server ")
                .append("CPUs, rounds in an order that rotates; resident memory and threads read right after that answer.\n\n")
                .append("| runtime | first answer | RSS right after | threads | starts |\n|---|---:|---:|---:|---:|\n");
        List<Charts.Bar> bars = new ArrayList<>();
        int fewest = Integer.MAX_VALUE; // the fewest values behind a bar: what its whiskers are
        List<String> failures = new ArrayList<>();
        for (String runtime : index.runtimes()) {
            List<Measurement> starts = results.starts(runtime);
            List<String> failed = results.failedStarts(runtime);
            failed.forEach(f -> failures.add(runtime + " " + f));
            if (starts.isEmpty() && failed.isEmpty()) {
                continue;
            }
            Spread ms = results.startupMillis(runtime);
            md.append("| ").append(runtime).append(" | ").append(text(ms, v -> String.format(Locale.ROOT, "%.0f ms", v)))
                    .append(" | ").append(text(results.startupRssMib(runtime), ContainerSection::mib)).append(" | ")
                    .append(text(Spread.of(starts.stream().map(m -> m.startup().threads()).filter(java.util.Objects::nonNull)
                            .map(Integer::doubleValue).toList()), Units::count))
                    .append(" | ").append(starts.size()).append(failed.isEmpty() ? "" : " (" + failed.size() + " failed)").append(" |\n");
            if (ms.present()) {
                bars.add(Charts.Bar.of(runtime, ms));
                fewest = Math.min(fewest, ms.n());
            }
        }
        md.append('\n');
        if (!failures.isEmpty()) {
            md.append("Failed starts:\n\n- ").append(String.join("\n- ", failures.stream().map(ContainerSection::escape).toList()))
                    .append("\n\n");
        }
        if (Charts.bars(ctx.dir().resolve("startup.png"), "Start-up: process start to first correct answer",
                Charts.whiskers(fewest).replace("trials", "starts"), "milliseconds", ChartAxes::plain, bars)) {
            md.append("![start-up](startup.png)\n\n");
        }
    }

    /** The capacity connection count the CPU column uses: the headline's, else the first; 0 without capacity. */
    private static int capacityCount(ResultsIndex index) {
        List<Integer> counts = index.connectionsOf(Scenarios.CAPACITY.key());
        if (counts.isEmpty()) {
            return 0;
        }
        return counts.contains(Headline.PREFERRED_CAPACITY) ? Headline.PREFERRED_CAPACITY : counts.get(0);
    }

    private static String text(List<Double> values, Function<Double, String> format) {
        return text(Spread.of(values), format);
    }

    /** Median and interval (n shown only for a single value). */
    private static String text(Spread s, Function<Double, String> format) {
        return SpreadText.withInterval(s, format, s.n());
    }

    static String mib(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f MiB", v) : String.format(Locale.ROOT, "%.1f MiB", v);
    }

    /** Bytes per connection: "850 B", "2.3 KiB". */
    static String bytes(double v) {
        return Math.abs(v) >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", v / 1024) : String.format(Locale.ROOT, "%.0f B", v);
    }
}
