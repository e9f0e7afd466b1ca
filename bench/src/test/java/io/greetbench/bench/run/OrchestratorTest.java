package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.report.ReportWriter;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.server.CpuLimit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The orchestrator end to end on a tiny preset: real server processes, real load, seconds long. */
@Timeout(180)
class OrchestratorTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    static RunOptions tiny(Path out, List<String> runtimes, Path java) {
        return new RunOptions(runtimes, List.of(new ScenarioPlan(Scenarios.PLAINTEXT, List.of(4), List.of())),
                Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(1), 1, "0", "1", out, java,
                List.of("-Xmx256m"), null, new CpuLimit(0.5), "test");
    }

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void writesResultsEnvironmentAndAReport(@TempDir Path out) throws Exception {
        Orchestrator o = new Orchestrator(tiny(out, List.of("netty-nio", "threadpool"), JAVA), Path.of(".."), QUIET);
        List<Long> pids = new ArrayList<>();
        o.onMeasuring(p -> pids.add(p.pid()));
        assertEquals(0, o.run(Path.of("..")));
        List<Measurement> results = ResultsFile.read(out);
        assertEquals(2, results.size(), results.toString());
        for (Measurement m : results) {
            assertEquals(Status.OK, m.status(), m.toString());
            assertTrue(m.load().requests() > 0, m.toString());
            assertEquals(0, m.load().errorCount(), m.toString());
            assertTrue(m.load().histogram().getTotalCount() >= m.load().requests(),
                    "the stored histogram holds every answer of the window: " + m);
            assertTrue(m.server().cpuMicrosPerRequest() > 0, m.toString());
            assertTrue(m.server().rssPeakKb() > 10_000, m.toString());
            assertTrue(m.server().threadsPeak() > 1, m.toString());
            assertTrue(m.machineProbe().beforeNanos() > 0 && m.machineProbe().afterNanos() > 0, m.toString());
            assertEquals(0L, m.waitMillis(), m.toString());
            assertEquals(Scenarios.PLAINTEXT.timeout().toMillis(), m.timeoutMillis(), m.toString());
            assertEquals("local", m.serverHost(), m.toString());
            assertEquals(List.of("local"), m.driverHosts(), m.toString());
            assertEquals(null, m.drivers(), "one driver: its figures are the load's");
        }
        assertTrue(Files.exists(out.resolve("environment.json")));
        var env = io.greetbench.bench.results.RunEnvironment.read(out);
        assertTrue(env.network() != null && env.network().somaxconn() != null && env.network().openFiles() != null,
                "this machine's connection limits: " + env.network());
        assertEquals(null, env.hosts(), "no other hosts");
        Path readme = ReportWriter.write(out);
        String report = Files.readString(readme);
        assertTrue(report.contains("netty-nio") && report.contains("threadpool"), report);
        assertTrue(report.contains("What this run shows"), report);
        assertTrue(Files.exists(out.resolve("plaintext-throughput.png")), "no chart");
        assertNoneAlive(pids);
    }

    @Test
    void eachRoundMeasuresEveryRuntimeOnceInAnOrderThatRotates(@TempDir Path out) {
        Orchestrator o = new Orchestrator(new RunOptions(List.of("netty", "threadpool", "undertow"),
                List.of(new ScenarioPlan(Scenarios.PLAINTEXT, List.of(4), List.of())), Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), 3, "0", "1", out, JAVA, List.of(), null, new CpuLimit(0.5), "t"), Path.of(".."), QUIET);
        List<ServerLauncher> launchers = Launchers.forRuntimes(new RunOptions(List.of("netty", "threadpool", "undertow"),
                List.of(), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), 1, "0", "1", out, JAVA, List.of(), null,
                null, "t"), Path.of(".."), QUIET);
        List<Cell> plan = o.plan(launchers);
        assertEquals(9, plan.size());
        List<String> firsts = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            int r = round;
            List<Cell> inRound = plan.stream().filter(c -> c.trial() == r).toList();
            assertEquals(List.of("netty", "threadpool", "undertow"),
                    inRound.stream().map(c -> c.server().name()).sorted().toList(), "every runtime once in round " + r);
            assertEquals(List.of(1, 2, 3), inRound.stream().map(Cell::position).toList());
            firsts.add(inRound.get(0).server().name());
        }
        assertEquals(3, new java.util.HashSet<>(firsts).size(), "each round starts with another runtime: " + firsts);
    }

    @Test
    void eachRuntimeServesItsCellsOfAScenarioOnOneServerPerRound(@TempDir Path out) {
        RunOptions options = new RunOptions(List.of("netty", "threadpool", "undertow"),
                List.of(new ScenarioPlan(Scenarios.PLAINTEXT, List.of(4, 16), List.of())), Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), 3, "0", "1", out, JAVA, List.of(), null, new CpuLimit(0.5), "t");
        Orchestrator o = new Orchestrator(options, Path.of(".."), QUIET);
        List<ServerLauncher> launchers = Launchers.forRuntimes(options, Path.of(".."), QUIET);
        List<Cell> plan = o.plan(launchers);
        assertEquals(18, plan.size(), "3 runtimes x 2 connection counts x 3 rounds");
        List<List<Cell>> visits = Orchestrator.visits(plan);
        assertEquals(9, visits.size(), "one server per runtime and round");
        for (List<Cell> visit : visits) {
            assertEquals(List.of(4, 16), visit.stream().map(Cell::connections).toList(), "its cells in order: " + visit);
            assertEquals(1, visit.stream().map(c -> c.server().name() + c.trial() + c.position()).distinct().count(), visit.toString());
        }
        for (int c : List.of(4, 16)) {
            for (int round = 1; round <= 3; round++) {
                int r = round;
                assertEquals(List.of("netty", "threadpool", "undertow"), plan.stream()
                        .filter(x -> x.connections() == c && x.trial() == r).map(x -> x.server().name()).sorted().toList());
            }
        }
    }

    @Test
    void oneServerServesTheScenariosCellsInTurnAndTheCellsAfterItsDeathFail(@TempDir Path out) throws Exception {
        RunOptions options = new RunOptions(List.of("netty-nio"),
                List.of(new ScenarioPlan(Scenarios.PLAINTEXT, List.of(2, 4, 8), List.of())), Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofSeconds(1), 1, "0", "1", out, JAVA, List.of("-Xmx256m"), null,
                new CpuLimit(0.5), "test");
        Orchestrator o = new Orchestrator(options, Path.of(".."), QUIET);
        List<Long> pids = new ArrayList<>();
        o.onMeasuring(p -> {
            pids.add(p.pid());
            if (pids.size() == 2) {
                ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly); // in the second cell's window
            }
        });
        assertEquals(2, o.run(Path.of("..")));
        List<Measurement> results = ResultsFile.read(out);
        assertEquals(List.of(2, 4, 8), results.stream().map(Measurement::connections).toList());
        assertEquals(1, pids.stream().distinct().count(), "one server for the three cells: " + pids);
        assertEquals(Status.OK, results.get(0).status(), results.get(0).toString());
        assertTrue(results.get(0).serverReadyMillis() != null && results.get(0).serverWindow() == null, results.get(0).toString());
        assertEquals(Status.FAILED, results.get(1).status());
        assertTrue(results.get(1).reason().contains("died"), results.get(1).toString());
        assertEquals(2, results.get(1).serverWindow());
        assertEquals(null, results.get(1).serverReadyMillis(), "its start is the first window's");
        assertEquals(Status.FAILED, results.get(2).status());
        assertTrue(results.get(2).reason().contains("gone before this cell"), results.get(2).toString());
        assertEquals(pids.get(0), results.get(2).serverPid());
        assertNoneAlive(pids);
    }

    @Test
    void aServerKilledMidRunIsRecordedFailedAndTheRunGoesOn(@TempDir Path out) throws Exception {
        Orchestrator o = new Orchestrator(tiny(out, List.of("netty-nio", "threadpool"), JAVA), Path.of(".."), QUIET);
        List<Long> pids = new ArrayList<>();
        o.onMeasuring(p -> {
            pids.add(p.pid());
            if (pids.size() == 1) {
                ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
            }
        });
        assertEquals(1, o.run(Path.of("..")));
        List<Measurement> results = ResultsFile.read(out);
        assertEquals(Status.FAILED, results.get(0).status());
        assertTrue(results.get(0).reason().contains("died"), results.get(0).toString());
        assertEquals(Status.OK, results.get(1).status(), "the run went on: " + results.get(1));
        assertTrue(ReportWriter.write(out).toFile().exists());
        assertNoneAlive(pids);
    }

    @Test
    void aServerThatNeverBecomesReadyIsRecordedFailed(@TempDir Path out) throws Exception {
        Path fakeJava = out.resolve("fake-java");
        // Says it cannot list runtimes (the run then goes by its own JVM), and as a server never listens.
        Files.writeString(fakeJava, "#!/bin/sh\ncase \"$*\" in *\" list \"*) exit 1;; esac\nexec sleep 60\n");
        assertTrue(fakeJava.toFile().setExecutable(true));
        Path results = out.resolve("r");
        Orchestrator o = new Orchestrator(tiny(results, List.of("netty-nio"), fakeJava), Path.of(".."), QUIET);
        o.readyBound(Duration.ofSeconds(2));
        long before = System.nanoTime();
        assertEquals(1, o.run(Path.of("..")));
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(20));
        Measurement m = ResultsFile.read(results).get(0);
        assertEquals(Status.FAILED, m.status());
        assertTrue(m.reason().contains("did not say where it listens"), m.toString());
        assertNoneAlive(List.of(m.serverPid()));
    }

    @Test
    void anUnavailableRuntimeIsSkippedWithItsReason(@TempDir Path out) throws Exception {
        Orchestrator o = new Orchestrator(tiny(out, List.of("no-such-runtime", "threadpool"), JAVA), Path.of(".."), QUIET);
        assertEquals(0, o.run(Path.of("..")));
        Measurement first = ResultsFile.read(out).get(0);
        assertEquals(Status.SKIPPED, first.status());
        assertTrue(first.reason().contains("no runtime named"), first.toString());
    }

    /**
     * The CLI as a process, stopped with SIGTERM (handled like Ctrl-C) at a given moment: while it
     * starts, while its first server starts, and during its second measurement. Every process it
     * started ends, and whatever was measured before is kept and reported.
     */
    @ParameterizedTest
    @ValueSource(strings = {"while starting", "while the first server starts", "during the second measurement"})
    void anInterruptedRunLeavesNoProcessAndKeepsWhatWasMeasured(String moment, @TempDir Path out) throws Exception {
        List<String> command = List.of(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                "io.greetbench.bench.cli.GreetbenchCommand", "run", "--runtimes", "threadpool,netty-nio",
                "--scenarios", "plaintext", "--connections", "4,8", "--warmup", "0", "--duration", "3s", "--trials", "1",
                "--server-cpus", "0", "--driver-cpus", "1", "--no-window-gate", "--out", out.toString());
        Path errLog = out.resolveSibling(out.getFileName() + ".stderr");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(errLog.toFile()).start();
        int serversBefore = switch (moment) {
            case "while starting" -> 0;
            case "while the first server starts" -> 1;
            default -> 2;
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        if (serversBefore == 0) {
            Thread.sleep(300);
        } else {
            while (serverPids(Files.readString(errLog)).size() < serversBefore && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(serversBefore, serverPids(Files.readString(errLog)).size(), Files.readString(errLog));
            if (serversBefore == 2) {
                Thread.sleep(500); // into the second measurement: one result is in
            }
        }
        List<Long> started = new ArrayList<>();
        p.descendants().forEach(d -> started.add(d.pid())); // the pinned restart of the CLI, and its server
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI did not stop");
        String log = Files.readString(errLog);
        started.addAll(serverPids(log)); // every server it ever started, also any started while stopping
        assertNoneAlive(started);
        if (serversBefore == 2) {
            assertTrue(log.contains("interrupted"), log);
            List<Measurement> results = ResultsFile.read(out);
            assertTrue(results.stream().anyMatch(Measurement::ok), results.toString());
            assertTrue(Files.exists(out.resolve("README.md")), "no report after the interruption: " + log);
        }
        if (Files.exists(out.resolve("results.jsonl"))) {
            for (Measurement m : ResultsFile.read(out)) { // nothing half-written or made up
                // (a window the gate discarded, on a busy machine, is a real record too)
                assertTrue(m.ok() || m.status() == Status.DISCARDED, "an interruption recorded as a result: " + m);
            }
        }
    }

    private static List<Long> serverPids(String log) {
        List<Long> pids = new ArrayList<>();
        Matcher m = Pattern.compile("server pid (\\d+)").matcher(log);
        while (m.find()) {
            pids.add(Long.parseLong(m.group(1)));
        }
        return pids;
    }

    @Test
    void aRuntimeTheServersJdkCannotRunIsSkippedWithItsReason(@TempDir Path out) throws Exception {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java"); // Debian 12's default JDK
        assumeTrue(Files.isExecutable(jdk17), "no JDK 17 at " + jdk17);
        Orchestrator o = new Orchestrator(tiny(out, List.of("threadpool-virtual", "threadpool"), jdk17), Path.of(".."), QUIET);
        assertEquals(0, o.run(Path.of("..")));
        List<Measurement> results = ResultsFile.read(out);
        Measurement first = results.get(0);
        assertEquals("threadpool-virtual", first.runtime(), results.toString());
        assertEquals(Status.SKIPPED, first.status(), results.toString());
        assertTrue(first.reason().contains("needs JDK 21+, this is 17"), first.toString());
        assertEquals(Status.OK, results.get(1).status(), results.toString());
    }

    private static void assertNoneAlive(List<Long> pids) throws InterruptedException {
        for (long pid : pids) {
            for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
                Thread.sleep(100);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is still alive");
        }
    }
}
