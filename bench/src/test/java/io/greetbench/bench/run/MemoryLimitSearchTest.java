package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.results.LoadFigures;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.MemoryFigures;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.server.Executables;
import io.greetbench.bench.server.HostFiles;
import io.greetbench.bench.server.JvmMemory;
import io.greetbench.bench.server.LocalServerHost;
import io.greetbench.bench.server.MemoryCgroups;
import io.greetbench.bench.server.MemoryLimitedServerHost;
import io.greetbench.bench.server.ServerCommand;
import io.greetbench.bench.server.ServerInstance;
import io.greetbench.bench.server.ServerLog;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory-limit search: the verdict of a step from what its window and its group saw, and the whole
 * search on a fake server whose need is known (a process that touches N MiB) in real memory cgroups,
 * which must find N and leave no group and no process behind, an OOM kill included. The cgroup tests
 * need root and a memory controller; CI runs as root.
 */
@Timeout(180)
class MemoryLimitSearchTest {
    private static final long MIB = 1L << 20;

    // --- the verdict of a step ---

    /** A step's window: {@code rps} answered, the server spending {@code cpuUs} µs of CPU on each. */
    private static Measurement window(double rps, double cpuUs, long errors) {
        return window(rps, cpuUs, errors, 0);
    }

    /** A window with {@code errors} resets and {@code timeouts} timeouts. */
    private static Measurement window(double rps, double cpuUs, long errors, long timeouts) {
        LoadFigures load = new LoadFigures("http://127.0.0.1:1/world", "closed", 10_000, 1, 0, 5, true, 4, (long) (rps * 4),
                rps, 0, 0, 0, Map.of("reset", errors, "timeout", timeouts), errors + timeouts, 0, null, 0.5, 0.5, 1, false, 1,
                null, 1.0, 0L, null, null, null);
        ServerUse use = new ServerUse(rps * 4 * cpuUs / 1e6, null, cpuUs, 100_000L, 100_000.0, 15, 15.0, 0L, 0.0);
        return new Measurement("netty", false, "memory", 10_000, 1, 0.0, null, 20L, 10_000L, null, 1, 1, "now", Status.OK, null,
                1L, 800L, null, load, use);
    }

    private static Measurement window(double rps, long errors) {
        return window(rps, 10.0, errors);
    }

    private static MemoryLimitSearch.Verdict judge(Measurement step, MemoryLimitedServerHost.Readings r, long baseErrors) {
        return MemoryLimitSearch.judge(step, r, 100_000, 10.0, baseErrors); // unlimited: 100k req/s at 10 µs each
    }

    private static MemoryLimitedServerHost.Readings readings(long oomKills, String oome) {
        return new MemoryLimitedServerHost.Readings(200 * MIB, oomKills, oome, 150 * MIB, "Serial", null, true);
    }

    @Test
    void aStepHoldsAtNinetyFivePercentOfItsUnlimitedRequestsPerCpuSecondWithNoErrorsAndNoOomKill() {
        var v = judge(window(96_000, 0), readings(0, null), 0);
        assertTrue(v.held(), v.toString());
        assertEquals(0.96, v.share(), 1e-9);
        var lessCpu = judge(window(70_000, 10.2, 0), readings(0, null), 0);
        assertTrue(lessCpu.held(), "fewer requests/s because it got less CPU, each costing what it did: it holds " + lessCpu);
        var moreCpu = judge(window(97_000, 12.0, 0), readings(0, null), 0);
        assertTrue(moreCpu.held(), "as many requests/s as unlimited, if at a higher cost: it holds " + moreCpu);
    }

    /** {@code m} with these set-up counts. */
    private static Measurement withSetup(Measurement m, long setupErrors, long neverServed) {
        LoadFigures f = m.load();
        LoadFigures load = new LoadFigures(f.target(), f.mode(), f.connections(), f.pipeline(), f.offeredRate(),
                f.warmupSeconds(), f.warmupSettled(), f.durationSeconds(), f.requests(), f.requestsPerSecond(), f.sentTotal(),
                f.answeredTotal(), f.unansweredAtEnd(), f.errors(), f.errorCount(), f.reconnects(), f.latencyMicros(),
                f.driverCpuUtilization(), f.driverCpusBusy(), f.driverCpus(), f.driverSaturated(), f.eventLoops(),
                f.latencyHistogram(), 2.0, setupErrors, neverServed, "stalled", 30.0);
        return new Measurement("netty", false, "memory", 10_000, 1, 0.0, null, 20L, 10_000L, null, 1, 1, "now", Status.OK, null,
                1L, 800L, null, load, m.server());
    }

    @Test
    void anUnlimitedWindowThatAnsweredNothingLeavesNoSearchToMakeAndSaysSo() {
        // tomcat-virtual at 10,000 connections on 2026-12-02: no answer in its unlimited window, so every step
        // "collapsed to 0% of unlimited" and the search went up to 4x before giving up
        String why = MemoryLimitSearch.nothingToHold(window(0, 10.0, 3, 9_997));
        assertNotNull(why);
        assertTrue(why.contains("answered no request (9,997 timeouts, 3 other errors)"), why);
        assertEquals(null, MemoryLimitSearch.nothingToHold(window(1_500, 10.0, 0, 8_000)), "a few answers are a baseline");
    }

    @Test
    void connectionsNeverServedAreNotErrorsButSetUpErrorsAre() {
        Measurement unlimited = withSetup(window(100_000, 0), 0, 9_800);
        assertEquals(0, MemoryLimitSearch.errors(unlimited.load()), "never served is not an error");
        var same = judge(withSetup(window(97_000, 0), 0, 9_800), readings(0, null), MemoryLimitSearch.errors(unlimited.load()));
        assertTrue(same.held(), "as many never served with a limit as without: not a memory failure " + same);
        Measurement refused = withSetup(window(97_000, 2), 3, 9_800);
        assertEquals(5, MemoryLimitSearch.errors(refused.load()), "2 resets in the window and 3 set-up errors");
        var failed = judge(refused, readings(0, null), 0);
        assertEquals(MemoryFigures.ERRORS, failed.failure(), failed.toString());
    }

    @Test
    void eachFailureSaysWhy() {
        var killed = judge(window(99_000, 0), readings(1, null), 0);
        assertEquals(MemoryFigures.OOM_KILL, killed.failure());
        var oome = judge(window(99_000, 0), readings(0, "java.lang.OutOfMemoryError: Java heap space"), 0);
        assertEquals(MemoryFigures.OUT_OF_MEMORY_ERROR, oome.failure());
        assertEquals("java.lang.OutOfMemoryError: Java heap space", oome.detail());
        var costlier = judge(window(90_000, 11.1, 0), readings(0, null), 0);
        assertEquals(MemoryFigures.COSTLIER, costlier.failure());
        assertTrue(costlier.detail().contains("90% of its unlimited requests/s, 90% of its requests per CPU-second"),
                costlier.detail());
        assertTrue(costlier.unclear(), "90%: measured once more");
        var collapsed = judge(window(20_000, 0), readings(0, null), 0);
        assertEquals(MemoryFigures.COLLAPSE, collapsed.failure());
        assertFalse(collapsed.unclear(), "20% of its requests/s: a clear verdict");
        assertEquals(MemoryFigures.COSTLIER, judge(window(80_000, 30.0, 0), readings(0, null), 0).failure());
        var errors = judge(window(99_000, 12), readings(0, null), 0);
        assertEquals(MemoryFigures.ERRORS, errors.failure());
        assertTrue(judge(window(99_000, 10.0, 0, 1808), readings(0, null), 0).held(),
                "timeouts are slow answers, judged by the throughput: Tomcat times out what it cannot accept, with or without a limit");
        assertTrue(judge(window(99_000, 2500), readings(0, null), 1000).held(),
                "a runtime that times out unlimited too holds with up to three times its errors (its windows vary that much)");
        assertEquals(MemoryFigures.ERRORS, judge(window(99_000, 3500), readings(0, null), 1000).failure());
        var gone = judge(window(0, 0).withOutcome(Status.FAILED, "the server died during the measurement"), readings(0, null), 0);
        assertEquals(MemoryFigures.DIED, gone.failure());
        Measurement neverReady = window(0, 0).withFigures(null, null, null).withServer(1L, null)
                .withOutcome(Status.FAILED, "the server exited (killed by signal 9) before listening");
        assertEquals(MemoryFigures.NOT_READY, judge(neverReady, readings(0, null), 0).failure(), "no window: no shares either");
    }

    // --- in real memory cgroups ---

    private static MemoryCgroups cgroups() {
        var found = MemoryCgroups.find();
        assumeTrue(found.isPresent(), "no cgroup memory controller on this machine");
        assumeTrue(MemoryCgroups.problem(HostFiles.LOCAL) == null, "memory cgroups cannot be written here (not root?)");
        assumeTrue(Executables.onPath("python3"), "the fake server is a python3 one-liner");
        return found.get();
    }

    private static Set<Path> groups(MemoryCgroups cgroups) throws IOException {
        Set<Path> all = new HashSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(cgroups.root(), "greetbench-" + ProcessHandle.current().pid() + "-*")) {
            s.forEach(all::add);
        }
        return all;
    }

    /** A "server" that says where it listens, then touches {@code mib} MiB and says so, then sleeps. */
    private static ServerCommand allocating(long mib) {
        return new ServerCommand(List.of("python3", "-c", "import sys, time\n"
                + "print('listening on http://127.0.0.1:1', flush=True)\n"
                + "b = b'\\x01' * (" + mib + " << 20)\n"
                + "print('allocated', len(b), flush=True)\n"
                + "time.sleep(60)\n"), 0, null);
    }

    /** One step: the fake server under {@code limit} (null: none); held when it allocated everything and was not OOM-killed. */
    private static boolean step(MemoryCgroups cgroups, Long limit, long needMib, Path dir, List<Long> pids,
            List<MemoryLimitedServerHost.Readings> seen) throws Exception {
        try (MemoryLimitedServerHost host = new MemoryLimitedServerHost(new LocalServerHost("0"), cgroups, limit, false, true)) {
            Path log = dir.resolve("fake-" + (limit == null ? "unlimited" : limit / MIB) + ".log");
            ServerInstance s = host.start(allocating(needMib), log);
            pids.add(s.pid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (s.alive() && !ServerLog.read(log).contains("allocated") && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            boolean allocated = ServerLog.read(log).contains("allocated");
            TimeUnit.MILLISECONDS.sleep(100);
            boolean alive = s.alive();
            s.close();
            MemoryLimitedServerHost.Readings r = host.lastReadings();
            assertNotNull(r);
            assertTrue(r.groupRemoved(), "its group is gone");
            seen.add(r);
            return allocated && alive && !r.oomKilled();
        }
    }

    @Test
    void theSearchFindsTheNeedOfAFakeServerAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        MemoryCgroups cgroups = cgroups();
        Set<Path> before = groups(cgroups);
        long needMib = 96;
        List<Long> pids = new ArrayList<>();
        List<MemoryLimitedServerHost.Readings> seen = new ArrayList<>();
        assertTrue(step(cgroups, null, needMib, dir, pids, seen), "runs without a limit");
        long peak = seen.get(0).peakBytes();
        assertTrue(peak >= needMib * MIB, "its group was charged at least what it touched: " + peak / MIB + " MiB");
        LimitBisection b = new LimitBisection(peak, MemoryLimitSearch.FLOOR_BYTES, peak * 4);
        List<String> steps = new ArrayList<>();
        while (!b.done()) {
            long limit = b.next();
            boolean held = step(cgroups, limit, needMib, dir, pids, seen);
            steps.add(limit / MIB + (held ? " held" : " failed"));
            b.record(limit, held);
        }
        long found = b.found();
        assertTrue(found >= needMib * MIB, "found " + found / MIB + " MiB for a need of " + needMib + ": " + steps);
        assertTrue(found <= peak + LimitBisection.tolerance(found), "found " + found / MIB + " MiB, above its unlimited peak "
                + peak / MIB + ": " + steps);
        assertTrue(b.failedBelow() > 0 && found - b.failedBelow() <= LimitBisection.tolerance(found), steps.toString());
        assertTrue(seen.stream().anyMatch(MemoryLimitedServerHost.Readings::oomKilled),
                "a step below the need was OOM-killed: " + steps);
        assertEquals(before, groups(cgroups), "no group left behind");
        assertNoneAlive(pids);
    }

    @Test
    void anOomKilledServerIsSeenAsSuchAndItsGroupIsRemoved(@TempDir Path dir) throws Exception {
        MemoryCgroups cgroups = cgroups();
        Set<Path> before = groups(cgroups);
        List<Long> pids = new ArrayList<>();
        List<MemoryLimitedServerHost.Readings> seen = new ArrayList<>();
        assertFalse(step(cgroups, 48 * MIB, 200, dir, pids, seen), "200 MiB do not fit in 48");
        MemoryLimitedServerHost.Readings r = seen.get(0);
        assertTrue(r.oomKilled(), "the kernel's OOM killer killed it: " + r);
        assertTrue(r.peakBytes() <= 48 * MIB, "never charged over its limit: " + r.peakBytes());
        assertTrue(r.groupRemoved());
        assertEquals(before, groups(cgroups), "no group left after the OOM kill");
        assertNoneAlive(pids);
    }

    @Test
    void aJvmSizesItsHeapFromTheLimitAndSaysWhereItsMemoryGoes(@TempDir Path dir) throws Exception {
        MemoryCgroups cgroups = cgroups();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assumeTrue(Files.isExecutable(java.resolveSibling("jcmd")), "no jcmd beside " + java);
        Path gcLog = dir.resolve("jvm.gc.log");
        Path main = Files.writeString(dir.resolve("Hold.java"), "public class Hold { static byte[][] kept = new byte[64][];"
                + " public static void main(String[] a) throws Exception { for (int i = 0; i < 64; i++) kept[i] = new byte[1 << 20];"
                + " System.out.println(\"listening on http://127.0.0.1:1\"); Thread.sleep(60_000); } }");
        List<String> argv = new ArrayList<>(List.of(java.toString()));
        argv.addAll(io.greetbench.bench.server.ContainerFlags.of(List.of("-Xms64m", "-Xmx1g"),
                List.of(io.greetbench.bench.server.ContainerFlags.NATIVE_MEMORY_TRACKING)));
        argv.addAll(List.of(io.greetbench.bench.server.GcLog.flag(gcLog), main.toString()));
        try (MemoryLimitedServerHost host = new MemoryLimitedServerHost(new LocalServerHost("0"), cgroups, 400 * MIB, true, false)) {
            Path log = dir.resolve("jvm.log");
            ServerInstance s = host.start(new ServerCommand(argv, 0, gcLog), log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (s.alive() && !ServerLog.read(log).contains("listening") && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            JvmMemory jvm = JvmMemory.ask(host.shell(), java, s.pid());
            s.close();
            MemoryLimitedServerHost.Readings r = host.lastReadings();
            assertNull(jvm.problem(), jvm.problem());
            assertTrue(jvm.liveHeapBytes() >= 64 * MIB && jvm.liveHeapBytes() < 120 * MIB, "64 MiB kept: " + jvm.liveHeapBytes());
            assertTrue(jvm.nmtCommittedKb().containsKey("Total") && jvm.nmtCommittedKb().containsKey("Java Heap")
                    && jvm.nmtCommittedKb().containsKey("Thread"), jvm.nmtCommittedKb().toString());
            assertEquals(300 * MIB, r.heapMaxBytes(), 8 * MIB, "75% of the 400 MiB limit: " + r);
            assertNotNull(r.collector());
        }
    }

    private static void assertNull(Object o, String message) {
        assertTrue(o == null, message);
    }

    private static void assertNoneAlive(List<Long> pids) throws InterruptedException {
        for (long pid : pids) {
            for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is still alive");
        }
    }
}
