package io.greetbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.MemoryFigures;
import io.greetbench.bench.results.MemorySearch;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.results.StartupFigures;
import io.greetbench.bench.results.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "What a container needs" from the memory and start-up scenarios' lines: the limit found with its
 * interval over rounds, every step with its verdict (a failed step with its reason), where the memory
 * goes, memory per connection, start-up; and the README headline's memory column.
 */
class ContainerSectionTest {
    private static final long MIB = 1L << 20;

    private static Measurement line(String runtime, int connections, int round, Status status, String reason) {
        return new Measurement(runtime, false, "memory", connections, 1, 0.0, null, 20L, 10_000L, null, round, 1,
                "2026-12-01T00:00:00Z", status, reason, 1L, 900L, null, null, null);
    }

    private static Measurement baseline(String runtime, int connections, int round, long liveMib, long totalKb, long rssKb) {
        Map<String, Long> nmt = new LinkedHashMap<>();
        nmt.put("Total", totalKb);
        nmt.put("Java Heap", 300_000L);
        nmt.put("Thread", 1_200L);
        nmt.put("Other", 4_096L);
        Measurement m = ReportWriterTest.ok(runtime, "memory", connections, round, 50_000, 10, false, rssKb);
        return m.withFigures(null, m.load(), new ServerUse(1.0, 0.9, 10.0, rssKb, (double) rssKb, 15, 15.0, 12L, 40.0)
                        .withGc(6.5, "Serial"))
                .withMemory(new MemoryFigures(MemoryFigures.BASELINE, null, null, null, null, null, null, null, 18_000 * MIB,
                        rssKb * 1024, 0L, liveMib * MIB, nmt));
    }

    private static Measurement step(String runtime, int round, int step, long limitMib, boolean held, String failure,
            String detail) {
        Measurement m = held ? ReportWriterTest.ok(runtime, "memory", 10_000, round, 49_000, 10, false, 100_000)
                : line(runtime, 10_000, round, Status.FAILED, "the load driver failed: the server is gone (killed by signal 9)");
        return m.withMemory(new MemoryFigures(MemoryFigures.STEP, limitMib * MIB, step, held, failure, detail, held ? 0.98 : null, held ? 0.99 : null,
                limitMib * MIB * 3 / 4, limitMib * MIB, held ? 0L : 1L, null, null));
    }

    private static Measurement found(String runtime, int round, Long foundMib, Long failedMib) {
        return line(runtime, 10_000, round, foundMib == null ? Status.FAILED : Status.OK,
                foundMib == null ? "no limit up to 800 MiB (4× what it used without one) held" : null)
                .withMemorySearch(new MemorySearch(foundMib == null ? null : foundMib * MIB, failedMib == null ? null : failedMib * MIB,
                        200 * MIB, 50_000.0, 0L, 5, 95.0, 8 * MIB, 12.0));
    }

    @Test
    void rendersTheLimitFoundEveryStepWithItsReasonWhereTheMemoryGoesAndStartUp(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        for (int round = 1; round <= 3; round++) {
            results.append(baseline("netty", 1_000, round, 8, 330_000, 150_000));
            results.append(baseline("netty", 10_000, round, 26, 340_000 + round * 100, 190_000));
            results.append(step("netty", round, 1, 200, true, null, "throughput 98% of unlimited"));
            results.append(step("netty", round, 2, 70, false, MemoryFigures.OOM_KILL, "killed by the kernel's OOM killer"));
            results.append(step("netty", round, 3, 144 + round * 4, false, MemoryFigures.OUT_OF_MEMORY_ERROR,
                    "java.lang.OutOfMemoryError: Java heap space"));
            results.append(step("netty", round, 4, 150 + round * 4, true, null, "throughput 97% of unlimited"));
            results.append(found("netty", round, 150L + round * 4, 144L + round * 4));
        }
        results.append(step("tomcat-virtual", 1, 1, 400, false, MemoryFigures.COLLAPSE, "throughput collapsed to 40% of unlimited"));
        results.append(found("tomcat-virtual", 1, null, null));
        for (int start = 1; start <= 5; start++) {
            results.append(new Measurement("netty", false, "startup", 1, 1, 0.0, null, 0L, 5000L, null, start, 1,
                    "2026-12-01T00:00:00Z", Status.OK, null, 1L, 600L, null, null, null)
                    .withStartup(new StartupFigures(600 + start * 10, 90_000L + start, 15)));
        }

        String report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("## What a container needs"), report);
        // the median of the limits found (154, 158, 162); the interval reaches down to the failed steps (148, 152, 156)
        assertTrue(report.contains("| netty | 158 MiB <sub>148 MiB–162 MiB</sub>"), "the limit found, median and interval: " + report);
        assertTrue(report.contains("200 ✓, 70 ✗ killed by the kernel's OOM killer, 148 ✗ java.lang.OutOfMemoryError: Java heap "
                + "space, 154 ✓; **154** (from 148)"), "each step and why a failed one failed: " + report);
        assertTrue(report.contains("400 ✗ throughput collapsed to 40% of unlimited; no limit up to 800 MiB"), report);
        assertTrue(report.contains("none held"), report);
        assertTrue(report.contains("### Where the memory goes") && report.contains("**10,000 connections**"), report);
        assertTrue(report.contains("| netty | 26.0 MiB <sub>26.0 MiB–26.0 MiB</sub>"), "live heap at 10,000: " + report);
        assertTrue(report.contains("12 · 40.0 ms · max 6.5 ms (Serial)"), "GC pauses per window with the collector: " + report);
        // (26 - 8) MiB over 9,000 connections of live heap: 2.0 KiB each
        assertTrue(report.contains("| netty | 2.0 KiB <sub>2.0 KiB–2.0 KiB</sub> |"), "memory per connection: " + report);
        assertTrue(report.contains("| netty | 630 ms <sub>610 ms–650 ms</sub>"), "start-up: " + report);
        assertTrue(Files.exists(dir.resolve("container-memory-limit.png")) && Files.exists(dir.resolve("startup.png")));
        assertFalse(report.contains("Failures, skipped runtimes and noise\n\n- "), "a failed step is not a failed run");

        String summary = ReportWriter.summaryTable(dir);
        assertTrue(summary.contains("mem limit") && summary.contains("158 MiB (148 MiB–162 MiB)"), summary);
        assertFalse(summary.contains("RSS"), "the memory limit found replaces peak RSS: " + summary);
    }

    @Test
    void aMemoryRunAddedToARunIsReportedAsItsOwnWithItsCommandAndItsServersFlags(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectories(tmp.resolve("run"));
        new ResultsFile(target).append(ReportWriterTest.ok("netty", "capacity", 256, 1, 50_000, 10, false, 100_000));
        Files.writeString(target.resolve("environment.json"), environment("2026-12-02T08:56:00Z", "greetbench run",
                "\"-XX:MaxRAMPercentage=75\""));
        Path part = Files.createDirectories(tmp.resolve("memory"));
        ResultsFile memory = new ResultsFile(part);
        for (int round = 1; round <= 3; round++) {
            memory.append(baseline("netty", 10_000, round, 26, 340_000, 190_000));
            memory.append(found("netty", round, 150L + round * 4, 144L + round * 4));
        }
        Files.writeString(part.resolve("environment.json"), environment("2026-12-02T12:08:00Z",
                "greetbench run --scenarios memory --trials 3", "\"-XX:MaxRAMPercentage=75\", \"-XX:+ExitOnOutOfMemoryError\""));

        io.greetbench.bench.results.RunAddition.add(target, part, java.time.Instant.parse("2026-12-02T14:00:00Z"));
        String report = Files.readString(ReportWriter.write(target));

        assertTrue(report.contains("Added to this run (`greetbench add`, 2026-12-02T14:00:00Z): the `memory` scenario's 6 lines, "
                + "measured from 2026-12-02T12:08:00Z"), report);
        assertTrue(report.contains("command `greetbench run --scenarios memory --trials 3`"), report);
        assertTrue(report.contains("`-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError` in place of"),
                "the memory servers' flags are the added run's: " + report);
        assertTrue(report.contains("| netty | 158 MiB <sub>148 MiB–162 MiB</sub>"), report);
    }

    private static String environment(String startedAt, String command, String containerFlags) {
        return "{\"startedAt\":\"" + startedAt + "\",\"command\":\"" + command + "\",\"cpuModel\":\"Xeon\",\"onlineCpus\":\"0-1\","
                + "\"memTotal\":\"24 GiB\",\"kernel\":\"Linux\",\"os\":\"Debian\",\"serverCpus\":\"0\",\"driverCpus\":\"1\","
                + "\"options\":{\"trials\":3,\"containerJvmFlags\":[" + containerFlags + "]}}";
    }
}
