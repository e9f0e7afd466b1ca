package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.bench.server.Executables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The window gate in a real run: real servers, a real CPU hog, the gate's own CPU readings. */
@Timeout(180)
class WindowGateRunTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private static RunOptions gated(Path out) {
        return new RunOptions(List.of("netty-nio"), List.of(new ScenarioPlan(Scenarios.PLAINTEXT, List.of(4), List.of())),
                Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(1), 1, "0", "1", out, JAVA,
                List.of("-Xmx256m"), null, new CpuLimit(0.5), "test", Placement.LOCAL,
                new Precision(0.05, Duration.ZERO, true, false), null, null, null);
    }

    @Test
    void aWindowWhoseServerCpuWasTakenByAHogIsDiscardedAndMeasuredAgain(@TempDir Path out) throws Exception {
        assumeTrue(Executables.onPath("taskset") && Runtime.getRuntime().availableProcessors() >= 2, "needs taskset and 2 CPUs");
        Orchestrator o = new Orchestrator(gated(out), Path.of(".."), QUIET);
        List<Process> hogs = new ArrayList<>();
        // At the first window only: a busy loop on the server's CPU, outside the server's process and
        // cgroup. It runs until the gate has read the CPU after that window (real readings, on a thread
        // pinned to CPU 0), however long the server takes to stop on a busy machine.
        o.onMeasuring(server -> {
            if (hogs.isEmpty()) {
                try {
                    for (int i = 0; i < 2; i++) { // two: the probe then gets a third of the CPU, a clear 3x on a quiet machine
                        hogs.add(new ProcessBuilder("taskset", "-c", "0", "timeout", "60", "sh", "-c", "while :; do :; done")
                                .start());
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        AtomicInteger reads = new AtomicInteger();
        try (CpuCheck check = new CpuCheck(CpuCheck.onlineCpus())) {
            o.cpuReader(cpu -> {
                double nanos = check.read(cpu);
                if (reads.incrementAndGet() == 7) { // 5 to seed the gate, 1 before, 1 after the first window: the hog's part is done
                    hogs.forEach(WindowGateRunTest::stop);
                }
                return nanos;
            }, Duration.ofSeconds(20));
            assertEquals(0, o.run(Path.of("..")));
        } finally {
            hogs.forEach(WindowGateRunTest::stop);
        }
        List<Measurement> results = ResultsFile.read(out);
        Measurement first = results.get(0);
        assertEquals(Status.DISCARDED, first.status(), results.toString());
        var check = first.serverCpuCheck();
        assertTrue(first.reason().contains("ran slow") && check.after() / check.best() > 1.25, first.reason() + " " + check);
        assertEquals(1, first.attempt());
        Measurement second = results.get(1);
        assertEquals(2, second.attempt(), "measured again: " + results);
        assertTrue(second.load().requests() > 0, second.toString());
        // Once the hog is gone the second window normally stands; on a machine busy with other work the
        // gate may discard it too, and then says why (a third attempt follows).
        assertTrue(second.status() == Status.OK || second.status() == Status.DISCARDED && second.reason() != null,
                second.toString());
        assertTrue(hogs.stream().noneMatch(h -> h.isAlive() || h.descendants().anyMatch(ProcessHandle::isAlive)), "hogs stopped");
        assertNoneAlive(results);
    }

    @Test
    void aWindowStillDisturbedAfterTheLastRemeasureIsLeftOut(@TempDir Path out) throws Exception {
        Orchestrator o = new Orchestrator(gated(out), Path.of(".."), QUIET);
        AtomicInteger reads = new AtomicInteger();
        // The first reading is the CPU's best; every reading after it (the gate's seeding included) is twice as slow.
        o.cpuReader(cpu -> reads.getAndIncrement() == 0 ? 2.0e6 : 4.0e6, Duration.ofMillis(200));
        assertEquals(0, o.run(Path.of("..")), "a left-out window is no failure of the server");
        List<Measurement> results = ResultsFile.read(out);
        assertEquals(Orchestrator.REMEASURES + 1, results.size(), results.toString());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(Status.DISCARDED, results.get(i).status());
            assertEquals(i + 1, results.get(i).attempt());
            assertEquals(2.0, results.get(i).serverCpuCheck().slowdown(), 1e-9);
        }
        assertNoneAlive(results);
        // The report counts them and leaves them out of every figure.
        String report = Files.readString(io.greetbench.bench.report.ReportWriter.write(out));
        String row = report.lines().filter(l -> l.startsWith("| plaintext c=4 | CPU per request |")).findFirst().orElse("");
        assertTrue(row.endsWith("| 3 |"), "three discarded windows counted: " + report);
    }

    /** Stops a hog by its PID: the busy shell under {@code timeout} first, then {@code timeout} itself. */
    private static void stop(Process hog) {
        hog.descendants().forEach(ProcessHandle::destroyForcibly);
        hog.destroyForcibly();
        try {
            hog.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertNoneAlive(List<Measurement> results) throws InterruptedException {
        for (Measurement m : results) {
            if (m.serverPid() != null) {
                var handle = ProcessHandle.of(m.serverPid());
                for (int i = 0; i < 50 && handle.map(ProcessHandle::isAlive).orElse(false); i++) {
                    Thread.sleep(100);
                }
                assertFalse(handle.map(ProcessHandle::isAlive).orElse(false), "server " + m.serverPid() + " left running");
            }
        }
    }
}
