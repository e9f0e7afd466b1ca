package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.report.ReportWriter;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.MemoryFigures;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.RunEnvironment;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.bench.server.HostFiles;
import io.greetbench.bench.server.MemoryCgroups;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory and start-up scenarios end to end on one runtime at small connection counts: real servers
 * in real memory cgroups, a real search, start-ups, the report; and nothing left behind. Needs root
 * and a memory controller (CI runs as root).
 */
@Timeout(400)
class ContainerScenariosTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void searchesTheMemoryLimitTimesStartUpsAndLeavesNothingBehind(@TempDir Path out) throws Exception {
        assumeTrue(MemoryCgroups.find().isPresent() && MemoryCgroups.problem(HostFiles.LOCAL) == null,
                "memory cgroups cannot be written here (not root?)");
        Set<Path> groupsBefore = groups();
        RunOptions options = new RunOptions(List.of("netty-nio"),
                List.of(new ScenarioPlan(Scenarios.MEMORY, List.of(20, 200), List.of()),
                        new ScenarioPlan(Scenarios.STARTUP, List.of(1), List.of())),
                Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1), 1, "0", "1", out, JAVA,
                List.of("-Xms64m", "-Xmx1g"), null, new CpuLimit(0.5), "test", Placement.LOCAL, null,
                List.of("-XX:+UseSerialGC"));
        Orchestrator o = new Orchestrator(options, Path.of(".."), QUIET);
        assertEquals(0, o.run(Path.of("..")), "a failed step is not a failed run");
        List<Measurement> results = ResultsFile.read(out);

        List<Measurement> baselines = results.stream().filter(m -> m.memory() != null && m.memory().baseline()).toList();
        assertEquals(List.of(20, 200), baselines.stream().map(Measurement::connections).toList());
        for (Measurement b : baselines) {
            assertEquals(Status.OK, b.status(), b.toString());
            assertTrue(b.memory().liveHeapBytes() > 1_000_000, "live heap after a full collection: " + b.memory());
            assertTrue(b.memory().nmtCommittedKb().containsKey("Thread"), "NMT's parts: " + b.memory());
            assertTrue(b.memory().cgroupPeakBytes() > 10_000_000, b.memory().toString());
            assertTrue(b.memory().heapMaxBytes() > (1L << 30), "no -Xmx1g: the heap sized from the machine's memory: "
                    + b.memory());
            assertEquals("Serial", b.server().gcCollector(), "--jvm-flags reached the server");
        }
        List<Measurement> steps = results.stream().filter(m -> m.memory() != null && !m.memory().baseline()).toList();
        assertTrue(steps.size() >= 3, steps.toString());
        for (Measurement s : steps) {
            assertEquals(200, s.connections());
            MemoryFigures f = s.memory();
            assertNotNull(f.held(), f.toString());
            assertTrue(f.held() || f.failure() != null && f.detail() != null, "a failed step says why: " + f);
            if (f.heapMaxBytes() != null) {
                assertEquals(0.75 * f.limitBytes(), f.heapMaxBytes(), 4 << 20, "the heap is 75% of the limit: " + f);
            }
        }
        assertTrue(steps.stream().anyMatch(s -> !s.memory().held()), "some step below the need failed: " + steps);
        Measurement found = results.stream().filter(m -> m.memorySearch() != null).findFirst().orElseThrow();
        assertEquals(Status.OK, found.status(), found.toString());
        long limit = found.memorySearch().foundBytes();
        assertTrue(steps.stream().anyMatch(s -> s.memory().held() && s.memory().limitBytes() == limit), "found where a step held");
        assertTrue(found.memorySearch().failedBytes() < limit);

        List<Measurement> starts = results.stream().filter(m -> m.startup() != null).toList();
        assertEquals(StartupMeasurement.LEAST_STARTS, starts.size(), "at least five starts: " + results);
        for (Measurement s : starts) {
            assertTrue(s.startup().firstAnswerMillis() > 50 && s.startup().firstAnswerMillis() < 30_000, s.toString());
            assertTrue(s.startup().rssKb() > 10_000, s.toString());
        }

        RunEnvironment env = RunEnvironment.read(out);
        assertEquals(List.of("-XX:+UseSerialGC"), env.options().jvmFlags());
        assertTrue(env.options().containerJvmFlags().contains("-XX:MaxRAMPercentage=75"), env.options().toString());
        assertTrue(env.serverJvmFlags().contains("-XX:+UseSerialGC"), env.serverJvmFlags().toString());
        String report = Files.readString(ReportWriter.write(out));
        assertTrue(report.contains("## What a container needs") && report.contains("### Start-up"), report);

        assertEquals(groupsBefore, groups(), "no memory group left behind");
        for (long pid : results.stream().map(Measurement::serverPid).filter(Objects::nonNull).toList()) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is still alive");
        }
    }

    @Test
    void aMemoryRunStoppedWithSigtermLeavesNoGroupAndNoProcess(@TempDir Path out) throws Exception {
        assumeTrue(MemoryCgroups.find().isPresent() && MemoryCgroups.problem(HostFiles.LOCAL) == null,
                "memory cgroups cannot be written here (not root?)");
        List<String> command = List.of(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                "io.greetbench.bench.cli.GreetbenchCommand", "run", "--runtimes", "netty-nio", "--scenarios", "memory",
                "--connections", "memory=20", "--warmup", "0", "--duration", "30s", "--trials", "1",
                "--server-cpus", "0", "--driver-cpus", "1", "--out", out.toString());
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("server pid") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(1000);
        List<ProcessHandle> started = p.descendants().toList();
        Set<Path> during = groupsOf(started.stream().map(ProcessHandle::pid).toList());
        assertEquals(1, during.size(), "the server's memory group exists while it runs: " + Files.readString(log));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the run did not stop");
        for (ProcessHandle h : started) {
            h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(h.isAlive(), "process " + h.pid() + " is still alive");
        }
        assertTrue(during.stream().noneMatch(Files::exists), "no group left after SIGTERM: " + Files.readString(log));
    }

    private static Set<Path> groups() throws Exception {
        return groupsOf(List.of(ProcessHandle.current().pid()));
    }

    /** The memory groups made by the greetbench processes {@code pids}. */
    private static Set<Path> groupsOf(List<Long> pids) throws Exception {
        Set<Path> all = new HashSet<>();
        for (long pid : pids) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(MemoryCgroups.find().orElseThrow().root(),
                    "greetbench-" + pid + "-*")) {
                s.forEach(all::add);
            }
        }
        return all;
    }
}
