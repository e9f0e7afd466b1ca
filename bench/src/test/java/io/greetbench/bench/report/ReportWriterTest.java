package io.greetbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.run.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report says what the raw results say: rankings, driver-bound marks, noise, failures, skips. */
class ReportWriterTest {

    private static Map<String, Object> ok(String runtime, int connections, int trial, double rps, double cpuUs,
            boolean driverBound) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runtime", runtime);
        m.put("reference", false);
        m.put("scenario", "plaintext");
        m.put("connections", connections);
        m.put("rateFraction", 0.0);
        m.put("trial", trial);
        m.put("status", "ok");
        m.put("load", Map.of("requestsPerSecond", rps, "errorCount", 0,
                "latencyMicros", Map.of("p50", 500, "p99", 2000, "p999", 4000)));
        m.put("server", Map.of("cpuMicrosPerRequest", cpuUs, "rssPeakKb", 100_000, "threadsPeak", 15));
        m.put("driverBound", driverBound);
        return m;
    }

    @Test
    void rendersRankingsMarksNoiseAndFailures(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        results.append(ok("fast", 64, 1, 50_000, 20.0, true));
        results.append(ok("fast", 64, 2, 52_000, 19.0, true));
        results.append(ok("slow", 64, 1, 20_000, 50.0, false));
        results.append(ok("slow", 64, 2, 30_000, 48.0, false)); // 40% apart: noisy
        Map<String, Object> failed = new LinkedHashMap<>(ok("slow", 1024, 1, 0, 0, false));
        failed.put("status", "failed");
        failed.put("reason", "the server died during the measurement (killed by signal 9)");
        failed.remove("load");
        results.append(failed);
        results.append(Map.of("runtime", "virtual", "status", "skipped", "reason", "needs JDK 21+"));

        String report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("`fast` spent the least server CPU per request (19.5 µs)"), report);
        assertTrue(report.contains("| fast | 51.0k <sub>50.0k–52.0k</sub> † |"), report);
        assertTrue(report.contains("slow plaintext c=64 (40%)"), report);
        assertTrue(report.contains("killed by signal 9"), report);
        assertTrue(report.contains("virtual: needs JDK 21+"), report);
        assertTrue(report.contains("1 of 2 cells were driver-bound") || report.contains("1 of 3 cells were driver-bound"), report);
        assertTrue(Files.exists(dir.resolve("plaintext-cpu.png")));
        // The terminal summary shows the largest connection count: there `slow` failed, `fast` has no cell.
        String summary = ReportWriter.summaryTable(dir);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("slow") && l.contains("failed")), summary);
        assertTrue(summary.contains("plaintext at 1,024 connections"), summary);
    }
}
