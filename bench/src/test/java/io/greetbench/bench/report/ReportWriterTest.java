package io.greetbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.results.LatencyFigures;
import io.greetbench.bench.results.LoadFigures;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.results.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report says what the raw results say: rankings, driver-bound marks, noise, failures, skips. */
class ReportWriterTest {

    static Measurement ok(String runtime, String scenario, int connections, int trial, double rps, double cpuUs,
            boolean driverBound, long rssKb) {
        LoadFigures load = new LoadFigures("http://127.0.0.1:1/world", "closed", connections, 1, 0, 3, true, 5, (long) (rps * 5),
                rps, 0, 0, 0, Map.of(), 0, 0, new LatencyFigures(500, 900, 2000, 4000, 5000, 6000, 600, 100), 0.5, 0.5, 1,
                driverBound, 1, null, 0.1, 0L, null, null, null);
        ServerUse server = new ServerUse(1.0, 0.9, cpuUs, rssKb, (double) rssKb, 15, 15.0, 0L, 0.0);
        return new Measurement(runtime, false, scenario, connections, 1, 0.0, null, scenario.equals("io-wait") ? 20L : 0L,
                5000L, null, trial, 1, "2026-11-26T00:00:00Z", Status.OK, null, 1L, 100L, null, load, server);
    }

    @Test
    void rendersRankingsMarksNoiseAndFailures(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        results.append(ok("fast", "plaintext", 64, 1, 50_000, 20.0, true, 100_000));
        results.append(ok("fast", "plaintext", 64, 2, 52_000, 19.0, true, 100_000));
        results.append(ok("slow", "plaintext", 64, 1, 20_000, 50.0, false, 100_000));
        results.append(ok("slow", "plaintext", 64, 2, 30_000, 48.0, false, 100_000)); // 40% apart: noisy
        results.append(ok("slow", "plaintext", 1024, 1, 0, 0, false, 0).withOutcome(Status.FAILED,
                "the server died during the measurement (killed by signal 9)"));
        results.append(Measurement.skipped("virtual", false, "needs JDK 21+"));

        String report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("lowest median `fast`, 19.5 µs (range 19.0–20.0 µs)"), report);
        // two trials a side: no claim, however far apart
        assertTrue(report.contains("The data cannot tell it apart from any of the others: `slow` (ratio fast/slow 95% CI "),
                report);
        assertTrue(report.contains("; 2 and 2 trials: too few for a claim)"), report);
        assertTrue(report.contains("This run tested **0 pairs** (and left 1 untested: fewer than 5 trials on a side) and "
                + "states **0 findings**"), report);
        assertTrue(report.contains("| fast | 51.0k <sub>50.0k–52.0k</sub> † |"), report);
        assertTrue(report.contains("slow plaintext c=64 (40%)"), report);
        assertTrue(report.contains("killed by signal 9"), report);
        assertTrue(report.contains("virtual: needs JDK 21+"), report);
        assertTrue(report.contains("1 of 2 cells were driver-bound"), report);
        assertTrue(Files.exists(dir.resolve("plaintext-cpu.png")));
        // The terminal summary shows plaintext at 1,024 connections: there `slow` failed, `fast` has no cell.
        String summary = ReportWriter.summaryTable(dir);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("slow") && l.contains("failed")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("fast") && l.contains("–")), summary);
        assertTrue(summary.contains("plaintext at 1,024 connections"), summary);
    }

    /** {@code m} with these set-up figures. */
    static Measurement withSetup(Measurement m, Long setupErrors, Long neverServed, String ended) {
        LoadFigures f = m.load();
        LoadFigures load = new LoadFigures(f.target(), f.mode(), f.connections(), f.pipeline(), f.offeredRate(),
                f.warmupSeconds(), f.warmupSettled(), f.durationSeconds(), f.requests(), f.requestsPerSecond(), f.sentTotal(),
                f.answeredTotal(), f.unansweredAtEnd(), f.errors(), f.errorCount(), f.reconnects(), f.latencyMicros(),
                f.driverCpuUtilization(), f.driverCpusBusy(), f.driverCpus(), f.driverSaturated(), f.eventLoops(),
                f.latencyHistogram(), 2.1, setupErrors, neverServed, ended, ended == null ? null : 30.0);
        return new Measurement(m.runtime(), false, m.scenario(), m.connections(), 1, 0.0, null, m.waitMillis(), 5000L, null,
                m.trial(), 1, m.startedAt(), Status.OK, null, 1L, 100L, null, load, m.server());
    }

    @Test
    void connectionsNeverServedAreShownApartFromErrorsWithSetUpsRule(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        results.append(withSetup(ok("pool", "plaintext", 10_000, 1, 20_000, 50.0, false, 100_000), 0L, 9_800L, "stalled"));
        results.append(withSetup(ok("refuses", "plaintext", 10_000, 1, 30_000, 40.0, false, 100_000), 3L, 0L, "all"));
        String report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("| pool | 0 (never served: 9,800) |"), report);
        assertTrue(report.contains("| refuses | 0 (set-up: **3**) |"), report);
        assertTrue(report.contains("`never served` counts connections with no first answer when set-up ended"), report);
        assertTrue(report.contains("after 2.0 s in which none was (a stall), or at its deadline, 10 s + connections / 500"),
                report);
        assertFalse(report.contains("Trials recorded before"), report);

        // Older results counted the connections never served among the set-up errors: said so.
        Path older = dir.resolve("older");
        Files.createDirectories(older);
        new ResultsFile(older).append(withSetup(ok("pool", "plaintext", 10_000, 1, 20_000, 50.0, false, 100_000), 7_700L,
                null, null));
        String olderReport = Files.readString(ReportWriter.write(older));
        assertTrue(olderReport.contains("| pool | 0 (set-up: **7700**) |"), olderReport);
        assertTrue(olderReport.contains("Trials recorded before the two were counted apart include the connections never "
                + "served in `set-up`."), olderReport);
    }

    @Test
    void theWaitInProseAndTheHeadlineComesFromTheResults(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        Measurement m = ok("a", "io-wait", 100, 1, 4_000, 40.0, false, 300_000);
        results.append(new Measurement(m.runtime(), false, m.scenario(), m.connections(), 1, 0.0, null, 50L, 10_000L, null, 1, 1,
                m.startedAt(), Status.OK, null, 1L, 1L, null, m.load(), m.server()));
        String report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("## I/O wait: the greeting after a 50 ms wait"), report);
        assertTrue(report.contains("200 / 50 ms = 4,000 requests/s"), report);
        Path readme = Files.writeString(dir.resolve("HEAD.md"), "x\n" + ReportWriter.HEADLINE_START + "\n"
                + ReportWriter.HEADLINE_END + "\ny\n");
        ReportWriter.updateHeadline(dir, readme);
        String headline = Files.readString(readme);
        assertTrue(headline.contains("Io-wait (50 ms per request) at 100 connections"), headline);
        assertTrue(headline.contains("| `a` | 4.00k | 2.00 ms | 293 MiB | 15 |"), headline);
        // The terminal shows the same memory as the README: io-wait's.
        assertTrue(ReportWriter.summaryTable(dir).lines().anyMatch(l -> l.startsWith("a ") && l.contains("293 MiB")),
                ReportWriter.summaryTable(dir));
    }

    private static String jmhResult(String runtime, String mode, double score, String error, String unit) {
        return """
                {"jmhVersion": "1.37", "benchmark": "io.greetbench.bench.jmh.RoundTripBenchmark.greeting", "mode": "%s",
                 "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "25", "params": {"runtime": "%s"},
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "%s"},
                 "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 1200.0, "scoreError": %s, "scoreUnit": "B/op"}}}
                """.formatted(mode, runtime, score, error, unit, runtime.equals("netty") ? "50.0" : "600.0");
    }

    @Test
    void aJmhScoreWhoseErrorIsOverTenPercentIsUnresolvedAndLeftOutOfTheCharts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(JmhSection.FILE), "[" + String.join(",",
                jmhResult("netty", "thrpt", 0.020, "0.027", "ops/us"),
                jmhResult("vertx-core", "thrpt", 0.021, "0.0015", "ops/us"),
                jmhResult("undertow", "thrpt", 0.022, "\"NaN\"", "ops/us"),
                jmhResult("netty", "sample", 55.087, "1.836", "us/op")) + "]");
        String report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("| RoundTripBenchmark.greeting | runtime=netty | thrpt | unresolved (± 135%) | 1200 B |"), report);
        assertTrue(report.contains("| RoundTripBenchmark.greeting | runtime=vertx-core | thrpt | 0.021 ± 0.002 ops/us | unresolved (± 50%) |"), report);
        assertTrue(report.contains("| RoundTripBenchmark.greeting | runtime=undertow | thrpt | unresolved (no error estimate) |"), report);
        assertTrue(report.contains("| RoundTripBenchmark.greeting | runtime=netty | sample | 55.087 ± 1.836 us/op |"), report);
        assertTrue(report.contains("Left out of the chart, unresolved: `netty`, `undertow`."), report);
        assertTrue(Files.exists(dir.resolve("jmh-roundtrip.png")));
        assertTrue(Files.exists(dir.resolve("jmh-roundtrip-time.png")));
        assertTrue(report.contains("Left out of the chart, unresolved: `vertx-core`, `undertow`."), "their allocation is unresolved: " + report);

        // nothing resolved: no chart, and the earlier report's chart of those scores goes
        Files.writeString(dir.resolve(JmhSection.FILE), "[" + jmhResult("netty", "thrpt", 0.020, "0.027", "ops/us") + "]");
        report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("No chart of round-trip throughput: every score is unresolved."), report);
        assertFalse(Files.exists(dir.resolve("jmh-roundtrip.png")));
        assertFalse(report.contains("jmh-roundtrip.png"), report);
    }
}
