package io.greetbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.results.LatencyFigures;
import io.greetbench.bench.results.LoadFigures;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.stats.CellKey;
import io.greetbench.bench.stats.Finding;
import io.greetbench.bench.stats.Findings;
import io.greetbench.bench.stats.Metric;
import io.greetbench.bench.stats.Pairing;
import io.greetbench.bench.stats.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page says only what the intervals allow, and findings.json holds every pair, the same for the same results. */
class ReportFindingsTest {

    /** One ok measurement of a closed-loop cell with the given CPU per request (µs) and requests/s. */
    static Measurement closed(String runtime, String scenario, int connections, int trial, double cpuUs, double rps,
            Double cpuLimit) {
        LoadFigures load = new LoadFigures("http://127.0.0.1:1/world", "closed", connections, 1, 0, 3, true, 5,
                (long) (rps * 5), rps, 0, 0, 0, Map.of(), 0, 0, new LatencyFigures(500, 900, 2000, 4000, 5000, 6000, 600, 100),
                0.5, 0.5, 1, false, 1, null, 0.1, 0L, null, null, null);
        double used = cpuLimit == null ? 0.9 : cpuLimit;
        ServerUse server = new ServerUse(used * 5, used, cpuUs, 100_000L, 100_000.0, 15, 15.0, 0L, 0.0);
        return new Measurement(runtime, runtime.startsWith("ref-"), scenario, connections, 1, 0.0, null, 0L, 5000L, cpuLimit,
                trial, 1, "2026-11-26T00:00:00Z", Status.OK, null, 1L, 100L, null, load, server);
    }

    /** Five trials each: a and b within a few percent of each other, c twice their CPU, a reference cheaper still. */
    static void twoTiedOneApart(Path dir) throws IOException {
        ResultsFile results = new ResultsFile(dir);
        double[] a = {20.0, 21.0, 19.0, 20.5, 19.5};
        double[] b = {20.2, 21.3, 19.4, 20.8, 19.9};
        double[] c = {40.0, 41.0, 39.0, 42.0, 38.0};
        double[] nginx = {10.0, 10.5, 9.5, 10.2, 9.8};
        for (int t = 0; t < 5; t++) {
            results.append(closed("a", "plaintext", 64, t + 1, a[t], 40_000, null));
            results.append(closed("b", "plaintext", 64, t + 1, b[t], 40_000, null));
            results.append(closed("c", "plaintext", 64, t + 1, c[t], 20_000, null));
            results.append(closed("ref-nginx", "plaintext", 64, t + 1, nginx[t], 60_000, null));
        }
    }

    @Test
    void thePageSaysCannotBeToldApartWhereTheIntervalHoldsOneAndAPercentageWithItsIntervalWhereNot(@TempDir Path dir)
            throws Exception {
        twoTiedOneApart(dir);
        String page = Files.readString(ReportWriter.write(dir));
        String item = page.lines().filter(l -> l.startsWith("- **plaintext, 64 connections: server CPU per request**"))
                .findFirst().orElseThrow(() -> new AssertionError(page));
        assertTrue(item.contains("(n=5 each; paired by round): lowest median `a`, 20.0 µs (range 19.0–21.0 µs)."), item);
        // b is 1-2% dearer in every round: the paired interval excludes 1, but the run's pairs leave it no claim
        assertTrue(item.contains("The data cannot tell it apart from `b` (ratio a/b 95% CI 97.9–99.1%, q = 0.83 over the "
                + "run's pairs)."), item);
        assertTrue(page.contains("\n  - `a` costs 50% less CPU per request than `c` (95% CI "), page);
        assertTrue(page.contains("This run tested **6 pairs** and states **4 findings**: with a false discovery rate of 5%, "
                + "**at most about 0.2 of them are expected to be false**"), page);
        assertTrue(page.contains("**A finding means: its q-value over all pairs of the run is at most 5%, and its ratio's 95% "
                + "interval excludes 1 with the end nearer to 1 at least 5% away from it"), page);
        // the reference is cheaper still, but it is not ranked
        assertFalse(item.contains("`ref-nginx`"), item);
        // no sentence ranks b against a, nor names a difference between them
        assertFalse(page.contains("`a` costs") && page.contains("than `b`"), page);
        // tables: median with its interval; five trials everywhere, so no cell repeats n
        assertTrue(page.contains("| a | 20.0 <sub>19.0–21.0</sub> |"), page);
        assertFalse(page.contains("n=5</sub>"), page);
    }

    @Test
    void findingsJsonHoldsEveryPairAndIsTheSameForTheSameResults(@TempDir Path dir, @TempDir Path copy) throws Exception {
        twoTiedOneApart(dir);
        ReportWriter.write(dir);
        Path file = dir.resolve(Findings.FILE);
        byte[] first = Files.readAllBytes(file);
        ReportWriter.write(dir);
        assertArrayEquals(first, Files.readAllBytes(file), "written twice from the same results.jsonl");
        Files.copy(dir.resolve(ResultsFile.NAME), copy.resolve(ResultsFile.NAME));
        ReportWriter.write(copy);
        assertArrayEquals(first, Files.readAllBytes(copy.resolve(Findings.FILE)), "written from a copy elsewhere");
        assertEquals(ReportWriter.findings(dir), Findings.read(file), "computed afresh, as compare does without the file");

        Findings findings = Findings.read(file);
        assertEquals(13L, findings.seed());
        assertEquals(10_000, findings.resamples());
        CellKey cell = CellKey.closedLoop("plaintext", 64);
        List<Finding> cpu = findings.findings().stream().filter(f -> f.metric() == Metric.CPU_PER_REQUEST).toList();
        assertEquals(3, cpu.size(), "a/b, a/c, b/c; the reference is not paired: " + cpu);
        Finding ab = pair(cpu, "a", "b");
        assertEquals(Verdict.NOT_SIGNIFICANT, ab.verdict(), "paired, its interval excludes 1; its q does not allow a claim");
        assertTrue(ab.ratioHigh() < 1, ab.toString());
        assertEquals(5, ab.trialsA());
        assertEquals(Pairing.PAIRED_BY_ROUND, ab.pairing());
        assertEquals(6, findings.pairsTested());
        assertEquals(0.05, findings.fdr());
        Finding ac = pair(cpu, "a", "c");
        assertEquals(Verdict.SIGNIFICANT, ac.verdict());
        assertEquals(0.5, ac.ratio(), 0.02, "the median of the per-round ratios");
        assertEquals(2.0 / 252, ac.p(), 1e-12);
        assertEquals(2.0 / 252 * 6 / 4, ac.q(), 1e-12, "four pairs at the least p of six");
        assertEquals(cell, ac.cell());
        assertTrue(findings.intervals().stream().anyMatch(i -> i.runtime().equals("ref-nginx")
                && i.metric() == Metric.CPU_PER_REQUEST && i.interval().n() == 5), findings.intervals().toString());
    }

    private static Finding pair(List<Finding> findings, String a, String b) {
        return findings.stream().filter(f -> f.runtimeA().equals(a) && f.runtimeB().equals(b)
                || f.runtimeA().equals(b) && f.runtimeB().equals(a)).findFirst()
                .map(f -> f.runtimeA().equals(a) ? f : f.reversed()).orElseThrow();
    }

    @Test
    void oneTrialPerCellIsAFirstLookWithNoIntervals(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        results.append(closed("a", "plaintext", 64, 1, 20, 40_000, null));
        results.append(closed("c", "plaintext", 64, 1, 40, 20_000, null));
        String page = Files.readString(ReportWriter.write(dir));
        assertTrue(page.contains("**A first look:** one trial per cell"), page);
        assertTrue(page.contains("| a | 20.0 <sub>n=1, no interval</sub> |"), page);
        assertTrue(page.contains("one trial each, so no intervals: this run tells none of these runtimes apart"), page);
        assertFalse(page.contains("less CPU per request than"), page);
        assertTrue(Findings.read(dir.resolve(Findings.FILE)).findings().stream().noneMatch(Finding::significant));
    }

    @Test
    void capacityGivesTheRatioToNginxItsIntervalInTheTableAndTheHeadline(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        double[] a = {20_000, 21_000, 19_000};
        double[] nginx = {40_000, 41_000, 39_000};
        for (int t = 0; t < 3; t++) {
            results.append(closed("a", "capacity", 256, t + 1, 20, a[t], 0.5));
            results.append(closed("b", "capacity", 256, t + 1, 20, a[t] * 1.01, 0.5));
            results.append(closed("ref-nginx", "capacity", 256, t + 1, 10, nginx[t], 0.5));
        }
        String page = Files.readString(ReportWriter.write(dir));
        // a / nginx: 20k / 40k = 0.50, the interval from 19/41 to 21/39
        assertTrue(page.contains("| a | 40.0k <sub>38.0k–42.0k</sub> | 0.50 <sub>0.46–0.54</sub> |"), page);
        assertTrue(page.contains("- **capacity, 256 connections: requests/s per CPU of budget**, against `ref-nginx` (a reference: "
                + "held against, not ranked; the table's × ref-nginx; unpaired):\n  - `a` and `ref-nginx` cannot be told apart "
                + "(ratio a/ref-nginx 95% CI 46–54%; 3 and 3 trials: too few for a claim)"), page);
        assertTrue(page.contains("**capacity, 256 connections: requests/s per CPU of budget** (n=3 each; unpaired): highest median `b`"), page);
        Path readme = Files.writeString(dir.resolve("HEAD.md"), ReportWriter.HEADLINE_START + "\n" + ReportWriter.HEADLINE_END);
        ReportWriter.updateHeadline(dir, readme);
        assertTrue(Files.readString(readme).contains("| `a` | 40.0k | 0.50 <sub>0.46–0.54</sub> |"), Files.readString(readme));
        assertTrue(ReportWriter.summaryTable(dir).contains("0.50 (0.46–0.54)"), ReportWriter.summaryTable(dir));
    }
}
