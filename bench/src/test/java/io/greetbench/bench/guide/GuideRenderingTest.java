package io.greetbench.bench.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template renders what the run's findings.json and results.jsonl say, and nothing they do not: a
 * claimed difference the findings call a tie, a claim the wrong way round, a figure typed by hand and a
 * reference to a cell or runtime the run does not have each fail rendering, naming the line.
 */
class GuideRenderingTest {
    /** In capacity at 256 connections: fast serves 50% more than slow (a finding); fast and twin cannot be told apart. */
    private static final String FINDINGS = """
            {
              "seed" : 13, "resamples" : 1000, "confidence" : 0.95, "threshold" : 0.05,
              "findings" : [
                { "cell" : { "scenario" : "capacity", "connections" : 256 }, "metric" : "REQUESTS_PER_CPU",
                  "runtimeA" : "fast", "runtimeB" : "slow", "ratio" : 1.5, "ratioLow" : 1.3, "ratioHigh" : 1.7,
                  "trialsA" : 5, "trialsB" : 5, "verdict" : "SIGNIFICANT" },
                { "cell" : { "scenario" : "capacity", "connections" : 256 }, "metric" : "REQUESTS_PER_CPU",
                  "runtimeA" : "fast", "runtimeB" : "twin", "ratio" : 1.02, "ratioLow" : 0.9, "ratioHigh" : 1.1,
                  "trialsA" : 5, "trialsB" : 5, "verdict" : "CANNOT_TELL_APART" }
              ],
              "intervals" : [
                { "cell" : { "scenario" : "capacity", "connections" : 256 }, "runtime" : "fast", "metric" : "REQUESTS_PER_CPU",
                  "interval" : { "low" : 140000.0, "point" : 150000.0, "high" : 160000.0, "n" : 5 } },
                { "cell" : { "scenario" : "capacity", "connections" : 256 }, "runtime" : "slow", "metric" : "REQUESTS_PER_CPU",
                  "interval" : { "low" : 90000.0, "point" : 100000.0, "high" : 110000.0, "n" : 5 } },
                { "cell" : { "scenario" : "capacity", "connections" : 256 }, "runtime" : "twin", "metric" : "REQUESTS_PER_CPU",
                  "interval" : { "low" : 130000.0, "point" : 147000.0, "high" : 165000.0, "n" : 5 } }
              ]
            }
            """;

    @TempDir
    Path root;
    Path run;
    Path page;

    @BeforeEach
    void aRun() throws IOException {
        run = Files.createDirectories(root.resolve("docs/results/2026-01-02-030405"));
        Files.writeString(run.resolve("findings.json"), FINDINGS);
        StringBuilder results = new StringBuilder();
        for (int trial = 1; trial <= 3; trial++) {
            // slow: 2,000 connections of its 10,000 never answered in each trial; 300 MiB at its peak
            results.append(window("slow", trial, 50_000, 2_000, 300 * 1024)).append('\n');
            results.append(window("fast", trial, 75_000, 0, 100 * 1024)).append('\n');
        }
        Files.writeString(run.resolve("results.jsonl"), results);
        page = root.resolve("docs/choosing-a-runtime.md");
    }

    private static String window(String runtime, int trial, double rps, long setupErrors, long rssKb) {
        return "{\"runtime\":\"" + runtime + "\",\"scenario\":\"capacity\",\"connections\":256,\"cpuLimit\":0.5,\"trial\":" + trial
                + ",\"status\":\"ok\",\"load\":{\"mode\":\"closed\",\"connections\":256,\"requestsPerSecond\":" + rps
                + ",\"durationSeconds\":4.0,\"errorCount\":0,\"errors\":{\"timeout\":0},\"setupErrors\":" + setupErrors
                + ",\"driverSaturated\":" + runtime.equals("fast") + "},\"server\":{\"cpuUtilization\":0.5,\"rssPeakKb\":" + rssKb
                + ",\"threadsPeak\":15}}";
    }

    private String render(String template) throws Exception {
        Path file = root.resolve("docs/guide/t.template.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, template, StandardCharsets.UTF_8);
        return Guide.render(file, run, page);
    }

    private GuideException failure(String template) {
        return assertThrows(GuideException.class, () -> render(template));
    }

    @Test
    void aComparisonRendersTheRunsOwnSentenceEitherWayRound() throws Exception {
        String page = render("A: {{capacity/256: fast vs slow}}.\nB: {{capacity/256: slow vs fast}}.\nC: {{capacity/256: fast vs twin}}.\n");
        assertTrue(page.contains("A: `fast` serves 50% more requests/s per CPU of budget than `slow` (95% CI 30–70%)."), page);
        assertTrue(page.contains("B: `slow` serves 33% fewer requests/s per CPU of budget than `fast` (95% CI 23–41%)."), page);
        assertTrue(page.contains("C: `fast` and `twin` cannot be told apart on requests/s per CPU of budget in this run "
                + "(ratio fast/twin 95% CI 90–110%)."), page);
    }

    @Test
    void aClaimedDifferenceThatTheFindingsCallATieFailsRendering() {
        GuideException e = failure("# Guide\n\nThe faster one: {{capacity/256: fast > twin}}.\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("t.template.md:3: {{capacity/256: fast > twin}}"), problem);
        assertTrue(problem.contains("claims a finding, but findings.json states none for this pair: `fast` and `twin` cannot be told apart"),
                problem);
    }

    @Test
    void aClaimTheWrongWayRoundOrATieThatIsADifferenceFails() throws Exception {
        assertTrue(failure("{{capacity/256: fast < slow}}").getMessage().contains("finds the opposite"));
        assertTrue(failure("{{capacity/256: fast ~ slow}}").getMessage().contains("claims no finding, but findings.json states one"));
        String page = render("{{capacity/256: fast > slow}}; {{capacity/256: slow < fast}}; {{capacity/256: twin ~ fast}}\n");
        assertTrue(page.contains("`fast` serves 50% more"), page);
        assertTrue(page.contains("`twin` and `fast` cannot be told apart"), page);
    }

    @Test
    void valuesComeFromTheFindingsIntervalsAndTheRawResults() throws Exception {
        String page = render("""
                {{value capacity/256 fast}} | {{median capacity/256 slow}} | {{range capacity/256 fast,slow}}
                {{total capacity/256 setup-errors slow}} over {{run trials}} trials | {{value capacity/256 rss slow}}
                {{ranking capacity/256}} | {{runtimes capacity/256 ~ fast}} | {{runtimes capacity/256 < fast}}
                {{runtimes capacity/256 driver-bound}} | {{runtimes capacity/256 setup-errors}} | {{runtimes capacity/256 errors}}
                {{scenario capacity connections}} at {{scenario capacity budget}} | [the run]({{run path}}/README.md) {{run id}}
                at {{cell capacity/256}}: {{median capacity/256 fast}}
                """);
        assertTrue(page.contains("150.0k req/s per CPU (range 140.0k–160.0k req/s per CPU) † | 100.0k req/s per CPU | "
                + "100.0k–150.0k req/s per CPU"), page);
        assertTrue(page.contains("6,000 over 3 trials | 300 MiB (range 300–300 MiB)"), page);
        assertTrue(page.contains("`fast` 150.0k †, `twin` 147.0k, `slow` 100.0k req/s per CPU | `twin` | `slow`"), page);
        assertTrue(page.contains("`fast` | `slow` | none"), page);
        assertTrue(page.contains("256 connections at 0.5 CPU | [the run](results/2026-01-02-030405/README.md) 2026-01-02-030405"), page);
        assertTrue(page.contains("at 256 connections: 150.0k req/s per CPU †"), page);
        assertTrue(page.startsWith("<!-- Generated by ./greetbench guide from guide/t.template.md and the run in results/2026-01-02-030405"),
                page);
    }

    @Test
    void startUpFiguresComeFromTheStartupScenariosStarts() throws Exception {
        StringBuilder starts = new StringBuilder(Files.readString(run.resolve("results.jsonl")));
        for (int start = 1; start <= 5; start++) {
            starts.append(start("fast", start, 400 + start * 10, 60 * 1024)).append('\n');
            starts.append(start("slow", start, 2_000 + start * 100, 150 * 1024)).append('\n');
        }
        Files.writeString(run.resolve("results.jsonl"), starts);
        String page = render("""
                {{ranking startup/1 startup}} | {{value startup/1 startup slow}} | {{median startup/1 startup-rss fast}}
                """);
        assertTrue(page.contains("`fast` 430 ms, `slow` 2.30 s | 2.30 s (range 2.10–2.50 s) | 60 MiB"), page);
    }

    private static String start(String runtime, int start, double millis, long rssKb) {
        return "{\"runtime\":\"" + runtime + "\",\"scenario\":\"startup\",\"connections\":1,\"trial\":" + start
                + ",\"status\":\"ok\",\"startup\":{\"firstAnswerMillis\":" + millis + ",\"rssKb\":" + rssKb + ",\"threads\":15}}";
    }

    @Test
    void theMemoryLimitIsTheReportsRuleOverTheSearchesAndAStepIsNotATrialOfItsCell() throws Exception {
        StringBuilder lines = new StringBuilder(Files.readString(run.resolve("results.jsonl")));
        long[][] rounds = {{200, 190}, {210, 200}, {205, 195}};
        for (int round = 1; round <= 3; round++) {
            long found = rounds[round - 1][0];
            long failed = rounds[round - 1][1];
            lines.append(memoryWindow("lean", round, 1000, null, 30_000 + round, 20L << 20)).append('\n');
            lines.append(memoryWindow("lean", round, 10000, null, 40_000 + round * 1000, 60L << 20)).append('\n');
            // the steps: under a limit, slower; not a trial of memory/10000
            lines.append(memoryWindow("lean", round, 10000, found << 20, 900, null)).append('\n');
            lines.append(memoryWindow("lean", round, 10000, failed << 20, 800, null)).append('\n');
            lines.append(search("lean", round, found << 20, failed << 20)).append('\n');
            lines.append(search("big", round, (found * 2) << 20, (failed * 2) << 20)).append('\n');
        }
        Files.writeString(run.resolve("results.jsonl"), lines);
        String page = render("""
                {{ranking memory/10000 memory-limit}} | {{value memory/10000 memory-limit lean}} | {{median memory/10000 live-heap lean}}
                {{median memory/1000 live-heap lean}} | {{spread memory/10000 rps lean}}
                """);
        // found 200-210 MiB, last steps from 190-200: the interval runs from the lowest last step to the highest found
        assertTrue(page.contains("`lean` 205, `big` 410 MiB | 205 MiB (range 190–210 MiB) | 60 MiB"), page);
        assertTrue(page.contains("20 MiB | 41.0k–43.0k req/s"), page);
    }

    private static String memoryWindow(String runtime, int round, int connections, Long limitBytes, double rps, Long liveHeapBytes) {
        String memory = limitBytes == null
                ? "{\"phase\":\"baseline\",\"liveHeapBytes\":" + liveHeapBytes + "}"
                : "{\"phase\":\"step\",\"limitBytes\":" + limitBytes + ",\"held\":true}";
        return "{\"runtime\":\"" + runtime + "\",\"scenario\":\"memory\",\"connections\":" + connections + ",\"trial\":" + round
                + ",\"status\":\"ok\",\"load\":{\"mode\":\"closed\",\"connections\":" + connections + ",\"requestsPerSecond\":" + rps
                + ",\"durationSeconds\":4.0,\"errorCount\":0},\"memory\":" + memory + "}";
    }

    private static String search(String runtime, int round, long foundBytes, long failedBytes) {
        return "{\"runtime\":\"" + runtime + "\",\"scenario\":\"memory\",\"connections\":10000,\"trial\":" + round
                + ",\"status\":\"ok\",\"memorySearch\":{\"foundBytes\":" + foundBytes + ",\"failedBytes\":" + failedBytes
                + ",\"steps\":5,\"seconds\":100.0}}";
    }

    @Test
    void aFigureTypedByHandFailsRenderingButNamesWithNumbersAndCodeDoNot() throws Exception {
        GuideException e = failure("Netty is about twice as fast, 1.5 times at most, on {{scenario capacity connections}}.\n");
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains(":1: 'twice'"), e.getMessage());
        assertTrue(e.problems().get(1).contains(":1: '1.5'"), e.getMessage());
        render("""
                <!-- the template's own notes may say 12 or {{anything}} -->
                Virtual threads need JDK 21+; HTTP/1.1 keep-alive; p99 and p99.9; Netty 4.2 on cgroup v2; run of 2026-11-26.
                1. Tomcat serves `maxConnections=8192` at a time, see [the run](results/2026-11-26-150501/README.md).

                ```sh
                ./greetbench run --connections capacity=256,10000
                ```
                """);
    }

    @Test
    void aReferenceToWhatTheRunDoesNotHaveSaysWhatItHas() {
        String cell = failure("{{capacity/512: fast vs slow}}").getMessage();
        assertTrue(cell.contains("the run has no cell capacity c=512; it has: capacity c=256"), cell);
        String runtime = failure("{{value capacity/256 nobody}}").getMessage();
        assertTrue(runtime.contains("no runtime nobody in capacity c=256; there are: fast, slow, twin"), runtime);
        String metric = failure("{{capacity/256 rss: fast vs slow}}").getMessage();
        assertTrue(metric.contains("findings.json compares no rss in capacity c=256"), metric);
        String syntax = failure("{{capacity/256: fast beats slow}}").getMessage();
        assertTrue(syntax.contains("operator is vs, >, < or ~"), syntax);
    }

    @Test
    void commentsOnLinesOfTheirOwnLeaveNoBlankLine() throws Exception {
        String page = render("<!--\n  syntax notes\n-->\n# Title\nText <!-- inline --> more.\n");
        assertTrue(page.endsWith("-->\n# Title\nText  more.\n"), page);
    }
}
