package io.greetbench.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CPU limit as a container's: the server is throttled to it, its cgroup is gone after it stops
 * (normally, after a failed start, after SIGTERM to the run), and where cgroups cannot be written the
 * error says so. Needs root and a cgroup CPU controller; CI runs as root.
 */
@Timeout(120)
class CpuLimitedServerHostTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private static CpuCgroups cgroups() {
        var found = CpuCgroups.find();
        assumeTrue(found.isPresent(), "no cgroup CPU controller on this machine");
        assumeTrue(CpuLimitedServerHost.problem(new CpuLimit(0.5)) == null, "cgroups cannot be written here (not root?)");
        return found.get();
    }

    private static Set<Path> groups(CpuCgroups cgroups) throws IOException {
        Set<Path> all = new HashSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(cgroups.root(), "greetbench-*")) {
            s.forEach(all::add);
        }
        return all;
    }

    /** A process that spins on the CPU and says where it "listens", as a server would. */
    private static ServerCommand spinner() {
        return new ServerCommand(List.of("sh", "-c", "echo listening on http://127.0.0.1:1; while :; do :; done"), 0, null);
    }

    @Test
    void aLimitedServerIsThrottledToItsLimitAndItsGroupGoesWithIt(@TempDir Path dir) throws Exception {
        CpuCgroups cgroups = cgroups();
        Set<Path> before = groups(cgroups);
        try (CpuLimitedServerHost host = new CpuLimitedServerHost(new LocalServerHost("0"), new CpuLimit(0.25), cgroups)) {
            ServerInstance spin = host.start(spinner(), dir.resolve("spin.log"));
            Set<Path> during = groups(cgroups);
            during.removeAll(before);
            assertEquals(1, during.size(), "one group for the server: " + during);
            Path group = during.iterator().next();
            for (int i = 0; i < 100 && !Files.readString(group.resolve("cgroup.procs")).contains(String.valueOf(spin.pid())); i++) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertTrue(Files.readString(group.resolve("cgroup.procs")).contains(String.valueOf(spin.pid())),
                    "the server itself is in its group");
            TimeUnit.MILLISECONDS.sleep(300);
            double cpu0 = spin.cpuSeconds();
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(3);
            double used = (spin.cpuSeconds() - cpu0) / ((System.nanoTime() - t0) / 1e9);
            // A spinning process unlimited would use a whole CPU (1.0); limited, it stays near 0.25
            // (the clock ticks are 10 ms: a 3 s window reads within a few percent).
            assertTrue(used > 0.15 && used < 0.35, "CPU used " + used + " under a 0.25 limit");
            spin.close();
            assertFalse(Files.exists(group), "the group is removed when the server stops");
        }
        assertEquals(before, groups(cgroups));
    }

    @Test
    void theGroupGetsTheCpuPeriodGivenAndItsWindowCountsTheThrottling(@TempDir Path dir) throws Exception {
        CpuCgroups cgroups = cgroups();
        for (long period : List.of(100_000L, 10_000L)) {
            try (CpuLimitedServerHost host = new CpuLimitedServerHost(new LocalServerHost("0"), new CpuLimit(0.5, period), cgroups)) {
                Set<Path> before = groups(cgroups);
                ServerInstance spin = host.start(spinner(), dir.resolve("spin-" + period + ".log"));
                Set<Path> during = groups(cgroups);
                during.removeAll(before);
                Path group = during.iterator().next();
                if (cgroups.version().equals("cgroup v1")) {
                    assertEquals(String.valueOf(period), Files.readString(group.resolve("cpu.cfs_period_us")).trim());
                    assertEquals(String.valueOf(period / 2), Files.readString(group.resolve("cpu.cfs_quota_us")).trim());
                } else {
                    assertEquals(period / 2 + " " + period, Files.readString(group.resolve("cpu.max")).trim());
                }
                spin.startSampling();
                TimeUnit.MILLISECONDS.sleep(1500);
                var use = spin.stopSampling();
                // The window's own counters: periods that ran (the spinner is busy through all of them), and of
                // them those in which it spent its quota. How often that is depends on what else runs on CPU 0:
                // alone, a spinner under half a CPU is throttled in every period; sharing the CPU, less often.
                assertTrue(use.cpuPeriods() >= 1_000_000 / period && use.cpuPeriods() <= 2_000_000 / period,
                        "periods in 1.5 s of " + period + " µs: " + use);
                assertTrue(use.cpuThrottledPeriods() >= 0 && use.cpuThrottledPeriods() <= use.cpuPeriods(), use.toString());
                assertTrue(use.cpuThrottledMillis() >= 0 && use.cpuThrottledMillis() < 1500, use.toString());
                spin.close();
            }
        }
    }

    @Test
    void aServerThatFailsToStartLeavesNoGroup(@TempDir Path dir) throws Exception {
        CpuCgroups cgroups = cgroups();
        Set<Path> before = groups(cgroups);
        try (CpuLimitedServerHost host = new CpuLimitedServerHost(new LocalServerHost("0"), new CpuLimit(0.5), cgroups)) {
            ServerInstance broken = host.start(new ServerCommand(List.of("/nonexistent/server"), 0, null), dir.resolve("b.log"));
            assertThrows(ServerInstance.NotReadyException.class,
                    () -> broken.awaitReady("/world", new byte[0], java.time.Duration.ofSeconds(5)));
            broken.close();
            assertEquals(before, groups(cgroups), "no group left after a failed start");
            host.start(spinner(), dir.resolve("s.log")); // left running: closing the host stops it and its group
        }
        assertEquals(before, groups(cgroups), "no group left after the host closed");
    }

    @Test
    void aRunStoppedWithSigtermLeavesNoGroupAndNoProcess(@TempDir Path out) throws Exception {
        CpuCgroups cgroups = cgroups();
        Set<Path> before = groups(cgroups);
        List<String> command = List.of(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                "io.greetbench.bench.cli.GreetbenchCommand", "run", "--runtimes", "threadpool", "--scenarios", "capacity",
                "--connections", "4", "--warmup", "0", "--duration", "20s", "--trials", "1", "--server-cpu-limit", "0.5",
                "--server-cpus", "0", "--driver-cpus", "1", "--out", out.toString());
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("server pid") && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertTrue(Files.readString(log).contains("(0.5 CPU)"), "the server ran limited: " + Files.readString(log));
        Set<Path> during = groups(cgroups);
        during.removeAll(before);
        assertEquals(1, during.size(), "the server's group exists while it runs: " + during);
        List<ProcessHandle> started = p.descendants().toList();
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not stop");
        for (ProcessHandle h : started) {
            h.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(h.isAlive(), "process " + h.pid() + " is still alive");
        }
        assertEquals(before, groups(cgroups), "no group left after SIGTERM: " + Files.readString(log));
    }

    @Test
    void whereCgroupsCannotBeWrittenTheErrorSaysSoAndWhatToDo(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("cpu"), "a file where the cgroup hierarchy should be");
        CpuCgroups unwritable = CpuCgroups.at(notADirectory);
        IOException e = assertThrows(IOException.class, () -> unwritable.create(new CpuLimit(0.5), 1));
        assertTrue(e.getMessage().startsWith("cannot set a CPU limit: " + notADirectory), e.getMessage());
        assertTrue(e.getMessage().contains("run as root, or leave the limit out"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        try (CpuLimitedServerHost host = new CpuLimitedServerHost(new LocalServerHost("0"), new CpuLimit(0.5), unwritable)) {
            IOException start = assertThrows(IOException.class, () -> host.start(spinner(), dir.resolve("x.log")));
            assertTrue(start.getMessage().contains("cannot set a CPU limit"), start.getMessage());
        }
    }
}
