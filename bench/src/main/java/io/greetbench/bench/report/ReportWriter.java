package io.greetbench.bench.report;

import io.greetbench.bench.run.Environment;
import io.greetbench.bench.run.ResultsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes {@code README.md} and its charts into a results folder, from the raw {@code results.jsonl}
 * and {@code environment.json} only: the report can always be made again from what was measured.
 * Every sentence of "What this run shows" is computed from the data; none is written by hand.
 */
public final class ReportWriter {
    /** Between-trial spread of throughput above which a cell is listed as noisy. */
    static final double NOISY = 0.05;

    private final Path dir;
    private final Map<String, Object> env;
    private final List<Map<String, Object>> measurements;
    private final Map<String, CellStats> cells = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private ReportWriter(Path dir, Map<String, Object> env, List<Map<String, Object>> measurements) {
        this.dir = dir;
        this.env = env;
        this.measurements = measurements;
        for (Map<String, Object> m : measurements) {
            String status = String.valueOf(m.get("status"));
            if (status.equals("skipped")) {
                skipped.add(m.get("runtime") + ": " + m.get("reason"));
                continue;
            }
            String scenario = String.valueOf(m.get("scenario"));
            int c = ((Number) m.get("connections")).intValue();
            double f = ((Number) m.getOrDefault("rateFraction", 0.0)).doubleValue();
            String key = m.get("runtime") + "|" + scenario + "|" + c + "|" + f;
            CellStats cell = cells.computeIfAbsent(key, k -> new CellStats(String.valueOf(m.get("runtime")),
                    Boolean.TRUE.equals(m.get("reference")), scenario, c, f));
            if (status.equals("ok")) {
                cell.ok.add(m);
            } else {
                cell.failures.add("trial " + m.get("trial") + ": " + m.get("reason"));
            }
        }
    }

    /** Reads {@code dir}'s raw results and writes its report; returns the README path. */
    @SuppressWarnings("unchecked")
    public static Path write(Path dir) throws IOException {
        Path envFile = dir.resolve("environment.json");
        Map<String, Object> env = Files.exists(envFile)
                ? new com.fasterxml.jackson.databind.ObjectMapper().readValue(envFile.toFile(), Map.class) : Map.of();
        ReportWriter w = new ReportWriter(dir, env, ResultsFile.read(dir));
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, w.render(), StandardCharsets.UTF_8);
        return readme;
    }

    /** Sets up what drawing charts needs, before a run, so a report can be drawn even while the JVM shuts down. */
    public static void prepare() {
        Charts.prepare();
    }

    static final String HEADLINE_START = "<!-- greetbench:headline:start -->";
    static final String HEADLINE_END = "<!-- greetbench:headline:end -->";

    /**
     * Replaces the block between the headline markers in {@code markdownFile} (a README) with this
     * run's headline table and throughput chart, linked relative to that file.
     */
    public static void updateHeadline(Path dir, Path markdownFile) throws IOException {
        String text = Files.readString(markdownFile, StandardCharsets.UTF_8);
        int start = text.indexOf(HEADLINE_START);
        int end = text.indexOf(HEADLINE_END);
        if (start < 0 || end < start) {
            throw new IOException(markdownFile + " has no " + HEADLINE_START + " ... " + HEADLINE_END + " block");
        }
        ReportWriter w = new ReportWriter(dir, Environment.read(dir), ResultsFile.read(dir));
        Path link = markdownFile.toAbsolutePath().getParent().relativize(dir.toAbsolutePath());
        String block = HEADLINE_START + "\n" + w.headlineMarkdown(link) + HEADLINE_END;
        Files.writeString(markdownFile, text.substring(0, start) + block + text.substring(end + HEADLINE_END.length()),
                StandardCharsets.UTF_8);
    }

    private static String marks(CellStats c) {
        return (c.driverBound() ? " †" : "") + (c.errors() > 0 ? " !" : "");
    }

    private String headlineMarkdown(Path link) {
        List<Integer> plain = connectionsOf("plaintext");
        List<Integer> wait = connectionsOf("io-wait");
        int pc = plain.contains(1024) ? 1024 : plain.isEmpty() ? -1 : plain.get(plain.size() - 1);
        int wc = wait.isEmpty() ? -1 : wait.get(wait.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "From [%s](%s/README.md) (%s, %s trial(s) per cell; median). "
                + "Plaintext at %,d connections, io-wait (20 ms per request) at %,d; memory and threads in io-wait; "
                + "† driver-bound, ! with errors (timeouts, resets).%n%n",
                link.getFileName(), link, env.getOrDefault("cpuModel", "?") + ", " + env.getOrDefault("onlineCpus", "?") + " CPUs",
                ((Map<?, ?>) env.getOrDefault("options", Map.of())).get("trials"), pc, wc));
        md.append("| runtime | plaintext req/s | server CPU µs/req | plaintext p99 | io-wait req/s | io-wait p99 | io-wait peak RSS | io-wait threads |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String runtime : runtimes()) {
            CellStats p = pc < 0 ? null : cell(runtime, "plaintext", pc, 0.0);
            CellStats w = wc < 0 ? null : cell(runtime, "io-wait", wc, 0.0);
            md.append("| `").append(runtime).append("` | ")
                    .append(p == null || p.ok.isEmpty() ? "–" : Fmt.rate(p.rps().median()) + marks(p)).append(" | ")
                    .append(p == null ? "–" : Fmt.cpu(p.cpuPerRequest().median())).append(" | ")
                    .append(p == null ? "–" : Fmt.micros(p.p99().median())).append(" | ")
                    .append(w == null || w.ok.isEmpty() ? "–" : Fmt.rate(w.rps().median()) + marks(w)).append(" | ")
                    .append(w == null ? "–" : Fmt.micros(w.p99().median())).append(" | ")
                    .append(w == null || w.ok.isEmpty() ? "–" : Fmt.mib(w.rssPeakKb().median())).append(" | ")
                    .append(w == null || w.ok.isEmpty() ? "–" : Fmt.count(w.threadsPeak().median())).append(" |\n");
        }
        md.append("\n![plaintext throughput](").append(link).append("/plaintext-throughput.png)\n");
        return md.toString();
    }

    /** The headline table for a terminal: one line per runtime. */
    public static String summaryTable(Path dir) throws IOException {
        ReportWriter w = new ReportWriter(dir, Map.of(), ResultsFile.read(dir));
        return w.terminalSummary();
    }

    // ---- rendering ---------------------------------------------------------------------------------

    private String render() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# greetbench results: ").append(dir.getFileName()).append("\n\n");
        md.append(environmentParagraph()).append("\n\n");
        md.append("Every cell is a fresh server process, pinned apart from the load driver; values are the ")
                .append("median over trials, with the lowest and highest in small print. `†` marks a cell where the ")
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
        md.append("## What this run shows\n\n");
        for (String finding : findings()) {
            md.append("- ").append(finding).append('\n');
        }
        md.append('\n');
        scenarioSection(md, "plaintext", "Plaintext: the greeting, closed loop",
                "Each connection sends its next request when the answer arrives. On two cores the fast runtimes can "
                        + "out-run one driver core: rank them by server CPU per request rather than by requests/s.");
        scenarioSection(md, "io-wait", "I/O wait: the greeting after a 20 ms wait",
                "The seed's point: while a request waits (its `await`), an event loop or a virtual thread serves "
                        + "others, whereas a pool of 200 blocked threads can finish at most 200 / 20 ms = 10,000 requests/s.");
        rateSection(md);
        pipelinedSection(md);
        memorySection(md);
        if (JmhSection.present(dir)) {
            JmhSection.render(dir, md);
        }
        problemsSection(md);
        librariesSection(md);
        return md.toString();
    }

    private static String relative(Path dir) {
        Path root = Path.of(System.getenv().getOrDefault("GREETBENCH_ROOT", ".")).toAbsolutePath().normalize();
        Path abs = dir.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    private String environmentParagraph() {
        if (env.isEmpty()) {
            return "_No environment.json: machine and JVM unknown._";
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> opts = (Map<String, Object>) env.getOrDefault("options", Map.of());
        String javaVersion = String.valueOf(env.get("serverJavaVersion")).lines().skip(1).findFirst()
                .orElse(String.valueOf(env.get("serverJavaVersion")));
        return String.format(Locale.ROOT,
                "Measured %s on **%s** (%s CPUs online, %s of memory), %s, %s. Servers: %s, flags `%s`, pinned to CPU %s; "
                        + "load driver pinned to CPU %s. Commit `%s`%s. Each measurement: %s, %s s window, "
                        + "%s trial(s). Command: `%s`.",
                env.get("startedAt"), env.get("cpuModel"), env.get("onlineCpus"), env.get("memTotal"), env.get("kernel"),
                env.get("os"), javaVersion, String.join(" ", listOf(env.get("serverJvmFlags"))), env.get("serverCpus"),
                env.get("driverCpus"), env.get("gitCommit"), Boolean.TRUE.equals(env.get("gitDirty")) ? " (with uncommitted changes)" : "",
                warmupText(opts), opts.get("durationSeconds"), opts.get("trials"), env.get("command"));
    }

    private static String warmupText(Map<String, Object> opts) {
        Object min = opts.get("warmupSeconds");
        Object max = opts.get("warmupMaxSeconds");
        if (max instanceof Number mx && min instanceof Number mn && mx.doubleValue() > mn.doubleValue()) {
            return "at least " + min + " s and at most " + max + " s of warm-up (until the server's CPU per request "
                    + "stopped falling)";
        }
        return min + " s warm-up";
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOf(Object o) {
        return o instanceof List ? ((List<Object>) o).stream().map(String::valueOf).toList() : List.of();
    }

    private List<String> runtimes() {
        return cells.values().stream().map(c -> c.runtime).distinct().collect(Collectors.toList());
    }

    private List<Integer> connectionsOf(String scenario) {
        return cells.values().stream().filter(c -> c.scenario.equals(scenario)).map(c -> c.connections)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    private CellStats cell(String runtime, String scenario, int connections, double fraction) {
        return cells.get(runtime + "|" + scenario + "|" + connections + "|" + fraction);
    }

    private void scenarioSection(StringBuilder md, String scenario, String title, String intro) throws IOException {
        List<Integer> counts = connectionsOf(scenario);
        if (counts.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n").append(intro).append("\n\n");
        chart(md, scenario + "-throughput.png", title + ": throughput", "connections", "requests/s", scenario,
                CellStats::rps, true, false);
        table(md, "Requests per second", scenario, counts, c -> Fmt.withRange(c.rps(), Fmt::rate) + (c.driverBound() ? " †" : ""));
        chart(md, scenario + "-cpu.png", title + ": server CPU per request", "connections", "CPU µs per request",
                scenario, CellStats::cpuPerRequest, true, true);
        table(md, "Server CPU time per request (µs, user + system)", scenario, counts,
                c -> Fmt.withRange(c.cpuPerRequest(), Fmt::cpu));
        chart(md, scenario + "-p99.png", title + ": p99 latency", "connections", "p99 latency (µs)", scenario,
                CellStats::p99, true, true);
        table(md, "p99 latency", scenario, counts, c -> Fmt.withRange(c.p99(), Fmt::micros));
        table(md, "Errors (all trials)", scenario, counts, c -> c.errors() == 0 ? "0" : "**" + c.errors() + "**");
    }

    private void rateSection(StringBuilder md) throws IOException {
        List<CellStats> rate = cells.values().stream().filter(c -> c.scenario.equals("latency-at-rate")).toList();
        if (rate.isEmpty()) {
            return;
        }
        md.append("## Latency at the same share of load (open loop)\n\n")
                .append("Requests arrive at a constant rate, a fixed fraction of each runtime's own plaintext peak, and ")
                .append("latency counts from when each request was due, so a stall shows up in full (no coordinated omission).\n\n");
        Map<String, List<double[]>> p99 = new LinkedHashMap<>();
        for (CellStats c : rate) {
            if (c.p99().present()) {
                p99.computeIfAbsent(c.runtime, k -> new ArrayList<>()).add(new double[] {c.offeredRate().median(), c.p99().median()});
            }
        }
        if (Charts.line(dir.resolve("latency-at-rate-p99.png"), "p99 latency vs offered rate", "offered requests/s",
                "p99 latency (µs)", p99, true, true)) {
            md.append("![p99 latency vs offered rate](latency-at-rate-p99.png)\n\n");
        }
        md.append("| runtime | share of its peak | offered req/s | p50 | p99 | p99.9 | errors |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (CellStats c : rate) {
            md.append("| ").append(c.runtime).append(" | ").append(Fmt.pct(c.rateFraction)).append(" | ")
                    .append(Fmt.rate(c.offeredRate().median())).append(" | ")
                    .append(Fmt.withRange(c.spread("load", "latencyMicros", "p50"), Fmt::micros)).append(" | ")
                    .append(Fmt.withRange(c.p99(), Fmt::micros)).append(" | ")
                    .append(Fmt.withRange(c.p999(), Fmt::micros)).append(" | ").append(c.errors()).append(" |\n");
        }
        md.append('\n');
    }

    private void pipelinedSection(StringBuilder md) {
        List<CellStats> p = cells.values().stream().filter(c -> c.scenario.equals("pipelined")).toList();
        if (p.isEmpty()) {
            return;
        }
        md.append("## Pipelined (16 requests in flight per connection)\n\n")
                .append("TechEmpower's plaintext depth. Browsers do not pipeline: read this as each runtime's ")
                .append("parsing and batching headroom, not as traffic you will see.\n\n")
                .append("| runtime | connections | req/s | server CPU µs/req | p99 | errors |\n|---|---:|---:|---:|---:|---:|\n");
        for (CellStats c : p) {
            md.append("| ").append(c.runtime).append(" | ").append(c.connections).append(" | ")
                    .append(Fmt.withRange(c.rps(), Fmt::rate)).append(c.driverBound() ? " †" : "").append(" | ")
                    .append(Fmt.withRange(c.cpuPerRequest(), Fmt::cpu)).append(" | ")
                    .append(Fmt.withRange(c.p99(), Fmt::micros)).append(" | ").append(c.errors()).append(" |\n");
        }
        md.append('\n');
    }

    private void memorySection(StringBuilder md) throws IOException {
        List<String> scenarios = List.of("plaintext", "io-wait");
        boolean any = false;
        for (String scenario : scenarios) {
            List<Integer> counts = connectionsOf(scenario);
            if (counts.isEmpty()) {
                continue;
            }
            if (!any) {
                md.append("## Memory and threads\n\n")
                        .append("Resident memory and thread count of the server process, sampled every 100 ms during the window.\n\n");
                any = true;
            }
            chart(md, scenario + "-rss.png", scenario + ": peak resident memory", "connections", "RSS (MiB)", scenario,
                    c -> scaled(c.rssPeakKb(), 1 / 1024.0), true, false);
            table(md, scenario + ": peak RSS", scenario, counts, c -> Fmt.withRange(c.rssPeakKb(), Fmt::mib));
            chart(md, scenario + "-threads.png", scenario + ": threads", "connections", "threads", scenario,
                    CellStats::threadsPeak, true, true);
            table(md, scenario + ": peak threads", scenario, counts, c -> Fmt.withRange(c.threadsPeak(), Fmt::count));
        }
    }

    private static Spread scaled(Spread s, double factor) {
        return s.present() ? new Spread(s.n(), s.min() * factor, s.median() * factor, s.max() * factor) : s;
    }

    private void problemsSection(StringBuilder md) {
        List<String> failed = new ArrayList<>();
        for (CellStats c : cells.values()) {
            for (String f : c.failures) {
                failed.add("`" + c.runtime + "` " + c.scenario + " c=" + c.connections
                        + (c.rateFraction > 0 ? " at " + Fmt.pct(c.rateFraction) : "") + ", " + f);
            }
        }
        List<String> noisy = new ArrayList<>();
        long multiTrial = 0;
        long machineToo = 0;
        long probed = 0;
        for (CellStats c : cells.values()) {
            Spread s = c.rps();
            if (s.n() >= 2 && !c.scenario.equals("latency-at-rate")) {
                multiTrial++;
                if (s.relativeRange() > NOISY) {
                    Spread machine = c.machineProbe();
                    String probe = "";
                    if (machine.n() >= 2) {
                        probed++;
                        machineToo += machine.relativeRange() > NOISY ? 1 : 0;
                        probe = "; machine " + Fmt.pct(machine.relativeRange());
                    }
                    noisy.add(c.runtime + " " + c.scenario + " c=" + c.connections + " (" + Fmt.pct(s.relativeRange())
                            + probe + (c.driverBound() ? "; driver-bound" : "") + ")");
                }
            }
        }
        md.append("## Failures, skipped runtimes and noise\n\n");
        md.append(failed.isEmpty() ? "No measurement failed.\n\n" : "Failed measurements:\n\n- " + String.join("\n- ", failed) + "\n\n");
        if (!skipped.isEmpty()) {
            md.append("Not measured here:\n\n- ").append(String.join("\n- ", skipped)).append("\n\n");
        }
        if (multiTrial > 0) {
            md.append(String.format(Locale.ROOT, "Between-trial spread of throughput ((max − min) / median): %d of %d cells "
                    + "within %s.", multiTrial - noisy.size(), multiTrial, Fmt.pct(NOISY)));
            md.append(noisy.isEmpty() ? "\n\n" : " Above it: " + String.join(", ", noisy) + ".\n\n");
            if (probed > 0) {
                md.append(String.format(Locale.ROOT, "\"machine\" is the spread of the machine's own speed over the same trials "
                        + "(a fixed loop timed on the driver CPU before and after each measurement): in %d of these %d "
                        + "cells the machine itself ran more than %s faster in one trial than in another, so the "
                        + "spread there is at least partly the host's, not the runtime's.\n\n", machineToo, probed,
                        Fmt.pct(NOISY)));
            }
        }
        warmupSummary(md);
    }

    /** How long the adaptive warm-ups took per runtime, and which never settled. */
    private void warmupSummary(StringBuilder md) {
        Map<String, List<Double>> byRuntime = new java.util.TreeMap<>();
        List<String> unsettled = new ArrayList<>();
        for (CellStats c : cells.values()) {
            for (Map<String, Object> m : c.ok) {
                Number w = CellStats.num(m, "load", "warmupSeconds");
                if (w != null && m.get("load") instanceof Map<?, ?> load && load.containsKey("warmupSettled")) {
                    byRuntime.computeIfAbsent(c.runtime, k -> new ArrayList<>()).add(w.doubleValue());
                }
            }
            if (c.unsettledWarmups() > 0) {
                unsettled.add(c.runtime + " " + c.scenario + " c=" + c.connections
                        + (c.rateFraction > 0 ? " at " + Fmt.pct(c.rateFraction) : "") + " (" + c.unsettledWarmups() + ")");
            }
        }
        if (byRuntime.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        byRuntime.forEach((runtime, values) -> {
            Spread s = Spread.of(values);
            parts.add(String.format(Locale.ROOT, "%s %.0f s (%.0f–%.0f)", runtime, s.median(), s.min(), s.max()));
        });
        md.append("Adaptive warm-up, until the server's CPU per request stopped falling (median, min–max over all its "
                + "measurements): ").append(String.join(", ", parts)).append(". ");
        md.append(unsettled.isEmpty() ? "Every warm-up settled before the maximum.\n\n"
                : "Reached the maximum without settling (measured anyway): " + String.join(", ", unsettled) + ".\n\n");
    }

    @SuppressWarnings("unchecked")
    private void librariesSection(StringBuilder md) {
        Object libs = env.get("libraries");
        if (!(libs instanceof Map)) {
            return;
        }
        md.append("## Versions\n\n| library | version |\n|---|---|\n");
        ((Map<String, Object>) libs).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("| nginx | ").append(oneLine(env.get("nginx"))).append(" |\n");
        md.append("| python3, aiohttp | ").append(oneLine(env.get("python3Aiohttp"))).append(" |\n\n");
    }

    private static String oneLine(Object o) {
        String s = String.valueOf(o).replace('\n', ' ').replace("|", "/");
        return s.isBlank() ? "not installed" : s;
    }

    private void table(StringBuilder md, String title, String scenario, List<Integer> counts, Function<CellStats, String> value) {
        md.append("**").append(title).append("**\n\n| runtime |");
        counts.forEach(c -> md.append(' ').append(String.format(Locale.ROOT, "%,d", c)).append(" |"));
        md.append("\n|---|");
        counts.forEach(c -> md.append("---:|"));
        md.append('\n');
        for (String runtime : runtimes()) {
            StringBuilder row = new StringBuilder("| ").append(runtime).append(" |");
            boolean any = false;
            for (int c : counts) {
                CellStats cell = cell(runtime, scenario, c, 0.0);
                String v = "";
                if (cell != null) {
                    any = true;
                    v = cell.ok.isEmpty() ? "failed" : value.apply(cell);
                }
                row.append(' ').append(v).append(" |");
            }
            if (any) {
                md.append(row).append('\n');
            }
        }
        md.append('\n');
    }

    private void chart(StringBuilder md, String file, String title, String x, String y, String scenario,
            Function<CellStats, Spread> metric, boolean logX, boolean logY) throws IOException {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (CellStats c : cells.values()) {
            if (c.scenario.equals(scenario)) {
                Spread s = metric.apply(c);
                if (s.present()) {
                    series.computeIfAbsent(c.runtime, k -> new ArrayList<>()).add(new double[] {c.connections, s.median()});
                }
            }
        }
        series.values().forEach(points -> points.sort(Comparator.comparingDouble(p -> p[0])));
        if (Charts.line(dir.resolve(file), title, x, y, series, logX, logY)) {
            md.append("![").append(title).append("](").append(file).append(")\n\n");
        }
    }

    // ---- findings, computed ------------------------------------------------------------------------

    List<String> findings() {
        List<String> out = new ArrayList<>();
        for (String scenario : List.of("plaintext", "io-wait")) {
            List<Integer> counts = connectionsOf(scenario);
            if (counts.isEmpty()) {
                continue;
            }
            // Cheapest server CPU per request, at each connection count, among greetbench's runtimes.
            for (int c : counts) {
                List<CellStats> ranked = cells.values().stream()
                        .filter(x -> x.scenario.equals(scenario) && x.connections == c && !x.reference
                                && x.cpuPerRequest().present() && x.errors() == 0)
                        .sorted(Comparator.comparingDouble(x -> x.cpuPerRequest().median())).toList();
                if (ranked.size() >= 2) {
                    CellStats a = ranked.get(0);
                    CellStats b = ranked.get(1);
                    out.add(String.format(Locale.ROOT, "%s, %,d connections: `%s` spent the least server CPU per request "
                            + "(%s µs), %.0f%% less than the next, `%s` (%s µs); the most: `%s` (%s µs).", scenario, c,
                            a.runtime, Fmt.cpu(a.cpuPerRequest().median()),
                            100 * (1 - a.cpuPerRequest().median() / b.cpuPerRequest().median()), b.runtime,
                            Fmt.cpu(b.cpuPerRequest().median()), ranked.get(ranked.size() - 1).runtime,
                            Fmt.cpu(ranked.get(ranked.size() - 1).cpuPerRequest().median())));
                }
            }
            // Highest throughput at the largest connection count, and errors there.
            int top = counts.get(counts.size() - 1);
            List<CellStats> atTop = cells.values().stream()
                    .filter(x -> x.scenario.equals(scenario) && x.connections == top && x.rps().present())
                    .sorted(Comparator.comparingDouble((CellStats x) -> -x.rps().median())).toList();
            if (!atTop.isEmpty()) {
                CellStats best = atTop.get(0);
                out.add(String.format(Locale.ROOT, "%s at %,d connections: the most requests/s came from `%s` (%s%s); "
                        + "the fewest from `%s` (%s).", scenario, top, best.runtime, Fmt.rate(best.rps().median()),
                        best.driverBound() ? ", driver-bound" : "", atTop.get(atTop.size() - 1).runtime,
                        Fmt.rate(atTop.get(atTop.size() - 1).rps().median())));
                List<String> withErrors = atTop.stream().filter(x -> x.errors() > 0)
                        .map(x -> "`" + x.runtime + "` (" + x.errors() + ")").toList();
                if (!withErrors.isEmpty()) {
                    out.add(scenario + " at " + String.format(Locale.ROOT, "%,d", top) + " connections, errors (timeouts, "
                            + "resets) from: " + String.join(", ", withErrors) + ".");
                }
            }
            // Where each runtime stops scaling: the first connection count at which it reached 90% of its best.
            if (counts.size() >= 3) {
                List<String> knees = new ArrayList<>();
                for (String runtime : runtimes()) {
                    double best = 0;
                    for (int c : counts) {
                        CellStats x = cell(runtime, scenario, c, 0.0);
                        if (x != null && x.rps().present()) {
                            best = Math.max(best, x.rps().median());
                        }
                    }
                    for (int c : counts) {
                        CellStats x = cell(runtime, scenario, c, 0.0);
                        if (best > 0 && x != null && x.rps().present() && x.rps().median() >= 0.9 * best) {
                            knees.add("`" + runtime + "` " + String.format(Locale.ROOT, "%,d", c));
                            break;
                        }
                    }
                }
                if (!knees.isEmpty()) {
                    out.add(scenario + ": connections at which each runtime first reached 90% of its best throughput "
                            + "(more connections bought little after that): " + String.join(", ", knees) + ".");
                }
            }
            long bound = cells.values().stream().filter(x -> x.scenario.equals(scenario) && x.driverBound()).count();
            long total = cells.values().stream().filter(x -> x.scenario.equals(scenario) && !x.ok.isEmpty()).count();
            if (bound > 0) {
                out.add(String.format(Locale.ROOT, "%s: %d of %d cells were driver-bound (†): their requests/s is the "
                        + "driver's limit, so compare those runtimes by CPU per request instead.", scenario, bound, total));
            }
        }
        // Tail latency at the same share of load.
        TreeSet<Double> fractions = cells.values().stream().filter(c -> c.scenario.equals("latency-at-rate"))
                .map(c -> c.rateFraction).collect(Collectors.toCollection(TreeSet::new));
        for (double f : fractions) {
            List<CellStats> ranked = cells.values().stream()
                    .filter(c -> c.scenario.equals("latency-at-rate") && c.rateFraction == f && c.p99().present())
                    .sorted(Comparator.comparingDouble(c -> c.p99().median())).toList();
            if (ranked.size() >= 2) {
                out.add(String.format(Locale.ROOT, "At %s of its own peak, the lowest p99 was `%s` (%s), the highest `%s` (%s).",
                        Fmt.pct(f), ranked.get(0).runtime, Fmt.micros(ranked.get(0).p99().median()),
                        ranked.get(ranked.size() - 1).runtime, Fmt.micros(ranked.get(ranked.size() - 1).p99().median())));
            }
        }
        long failed = cells.values().stream().mapToLong(c -> c.failures.size()).sum();
        if (failed > 0) {
            out.add(failed + " measurement(s) failed; see the end of this page.");
        }
        if (out.isEmpty()) {
            out.add("Nothing yet: no measurement finished.");
        }
        return out;
    }

    private String terminalSummary() {
        StringBuilder sb = new StringBuilder();
        List<Integer> plain = connectionsOf("plaintext");
        List<Integer> wait = connectionsOf("io-wait");
        int pc = plain.isEmpty() ? -1 : plain.get(plain.size() - 1);
        int wc = wait.isEmpty() ? -1 : wait.get(wait.size() - 1);
        sb.append(String.format(Locale.ROOT, "%-19s %12s %9s %10s %12s %10s %9s %8s%n", "runtime",
                "plain req/s", "CPU µs/rq", "plain p99", "io-wait rq/s", "wait p99", "RSS MiB", "threads"));
        for (String runtime : runtimes()) {
            CellStats p = pc < 0 ? null : cell(runtime, "plaintext", pc, 0.0);
            CellStats w = wc < 0 ? null : cell(runtime, "io-wait", wc, 0.0);
            sb.append(String.format(Locale.ROOT, "%-19s %12s %9s %10s %12s %10s %9s %8s%n", runtime,
                    p == null ? "–" : p.ok.isEmpty() ? "failed" : Fmt.rate(p.rps().median()) + (p.driverBound() ? "†" : ""),
                    p == null ? "–" : Fmt.cpu(p.cpuPerRequest().median()),
                    p == null ? "–" : Fmt.micros(p.p99().median()),
                    w == null ? "–" : w.ok.isEmpty() ? "failed" : Fmt.rate(w.rps().median()) + (w.errors() > 0 ? "!" : ""),
                    w == null ? "–" : Fmt.micros(w.p99().median()),
                    p == null ? "–" : Fmt.count(p.rssPeakKb().median() / 1024),
                    p == null ? "–" : Fmt.count(p.threadsPeak().median())));
        }
        sb.append(String.format(Locale.ROOT, "(plaintext at %,d connections, io-wait at %,d; † driver-bound, ! with errors)%n", pc, wc));
        return sb.toString();
    }
}
