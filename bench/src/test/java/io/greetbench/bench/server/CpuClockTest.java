package io.greetbench.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU time to the nanosecond: this process's threads, and a cgroup's own accounting, with ticks only as the named fallback. */
class CpuClockTest {
    private static final double TICK = 1 / CpuClock.TICKS_PER_SECOND;
    private static final int REQUESTS = 1000;

    /** About 30 ms of arithmetic: the same work every time it is called. */
    private static long work() {
        long x = 1;
        for (int i = 0; i < 30_000_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    @Test
    void twoWindowsOfTheSameWorkGiveCpuPerRequestThatIsNotAMultipleOfTheTick() throws Exception {
        long pid = ProcessHandle.current().pid();
        CpuClock clock = CpuClock.local();
        work(); // compiled before the windows
        double[] perRequest = new double[2];
        double[] ticks = new double[2];
        for (int w = 0; w < 2; w++) {
            CpuClock.Window window = clock.start(pid);
            assertEquals(CpuClock.Source.SCHEDSTAT, window.source(), "a process outside greetbench's cgroups: its threads' clocks");
            long sink = work();
            window.sample();
            assertNotEquals(0, sink);
            perRequest[w] = window.seconds() / REQUESTS;
            ticks[w] = window.tickSeconds() / REQUESTS;
            double inTicks = window.seconds() / TICK;
            System.out.printf("window %d: %.9f s CPU (%.3f ticks), %.3f µs per request; by ticks %.1f µs%n", w + 1,
                    window.seconds(), inTicks, perRequest[w] * 1e6, ticks[w] * 1e6);
            assertTrue(window.seconds() > 0.005, "the work was measured: " + window.seconds());
            assertTrue(Math.abs(inTicks - Math.rint(inTicks)) > 1e-6, "not a whole number of ticks: " + inTicks);
            double tickPerRequest = TICK / REQUESTS;
            double inTicksPerRequest = perRequest[w] / tickPerRequest;
            assertTrue(Math.abs(inTicksPerRequest - Math.rint(inTicksPerRequest)) > 1e-6,
                    "CPU per request is not a multiple of the tick's share: " + inTicksPerRequest);
            double byTicks = ticks[w] / tickPerRequest;
            assertEquals(Math.rint(byTicks), byTicks, 1e-6, "the old clock can only say whole ticks");
        }
        assertNotEquals(perRequest[0], perRequest[1], "two windows of the same work differ below the tick");
    }

    @Test
    void theDriversThreadClockIsFinerThanTheTickToo() {
        var threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        work();
        double seconds = (threads.getCurrentThreadCpuTime() - before) / 1e9;
        assertTrue(Math.abs(seconds / TICK - Math.rint(seconds / TICK)) > 1e-6, "busiest-loop CPU is per-thread ns: " + seconds);
    }

    /** A fake host: /proc/PID/{stat,cgroup,task}, /proc/mounts, and cgroup files. */
    private static Path host(Path root, long pid, String cgroup) throws Exception {
        Path proc = Files.createDirectories(root.resolve("proc").resolve(String.valueOf(pid)));
        Files.writeString(proc.resolve("stat"), pid + " (java) S 1 1 1 0 -1 0 0 0 0 0 250 50 0 0 20 0 2 0 1 1 1");
        Files.writeString(proc.resolve("cgroup"), cgroup);
        Files.writeString(root.resolve("proc/mounts"), """
                cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0
                cgroup /sys/fs/cgroup/cpuacct cgroup rw,relatime,cpuacct 0 0
                cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0
                """);
        return proc;
    }

    private static void thread(Path proc, long tid, long nanos) throws Exception {
        Path task = Files.createDirectories(proc.resolve("task").resolve(String.valueOf(tid)));
        Files.writeString(task.resolve("schedstat"), nanos + " 0 1\n");
    }

    /** A window on a server in cgroup {@code cgroup} whose accounting file reads {@code before}, then {@code after}. */
    private static CpuClock.Window groupWindow(Path root, String cgroup, String file, String before, String after)
            throws Exception {
        host(root, 42, cgroup);
        Path usage = Files.createDirectories(root.resolve(file).getParent()).resolve(root.resolve(file).getFileName());
        Files.writeString(usage, before);
        CpuClock.Window window = new CpuClock(root).start(42);
        Files.writeString(usage, after);
        window.sample();
        return window;
    }

    @Test
    void aServerAloneInGreetbenchsCgroupIsReadFromItsAccountingV1(@TempDir Path root) throws Exception {
        CpuClock.Window window = groupWindow(root, "3:cpuset:/\n2:cpuacct:/greetbench-7-1\n1:cpu:/greetbench-7-1\n0::/\n",
                "sys/fs/cgroup/cpuacct/greetbench-7-1/cpuacct.usage", "1000000123\n", "1500000456\n");
        assertEquals(CpuClock.Source.CGROUP_CPUACCT, window.source());
        assertEquals(0.500000333, window.seconds(), 1e-12);
        assertEquals("cgroup-cpuacct", window.source().key());
    }

    @Test
    void aServerAloneInGreetbenchsCgroupIsReadFromItsAccountingV2(@TempDir Path root) throws Exception {
        CpuClock.Window window = groupWindow(root, "0::/greetbench-7-2\n", "sys/fs/cgroup/unified/greetbench-7-2/cpu.stat",
                "usage_usec 2000001\nuser_usec 1500000\nsystem_usec 500001\n",
                "usage_usec 2250004\nuser_usec 1600000\nsystem_usec 650004\n");
        assertEquals(CpuClock.Source.CGROUP_CPU_STAT, window.source());
        assertEquals(0.250003, window.seconds(), 1e-12);
    }

    @Test
    void everyThreadIsSummedAndOneThatEndsCountsToItsLastSample(@TempDir Path root) throws Exception {
        Path proc = host(root, 42, "2:cpuacct:/\n0::/\n"); // the root group is shared: not the server's own
        thread(proc, 42, 1_000);
        thread(proc, 43, 5_000);
        CpuClock.Window window = new CpuClock(root).start(42);
        assertEquals(CpuClock.Source.SCHEDSTAT, window.source());
        thread(proc, 42, 2_000);
        thread(proc, 43, 9_000);
        thread(proc, 44, 300); // started in the window
        window.sample();
        Files.delete(proc.resolve("task/43/schedstat"));
        Files.delete(proc.resolve("task/43"));
        thread(proc, 42, 2_500);
        window.sample();
        assertEquals((1_500 + 4_000 + 300) / 1e9, window.seconds(), 1e-15);
    }

    @Test
    void theJitCompilersTimeIsItsCompilerThreadsOnlyByTheirNamesAndNoneForAProcessWithout(@TempDir Path root) throws Exception {
        Path proc = host(root, 42, "0::/\n");
        thread(proc, 42, 9_000_000_000L);
        Files.writeString(proc.resolve("task/42/comm"), "java\n");
        thread(proc, 43, 1_500_000_000L);
        Files.writeString(proc.resolve("task/43/comm"), "C2 CompilerThre\n"); // "C2 CompilerThread0", as /proc keeps it
        thread(proc, 44, 250_000_000L);
        Files.writeString(proc.resolve("task/44/comm"), "C1 CompilerThre\n");
        thread(proc, 45, 7_000_000_000L);
        Files.writeString(proc.resolve("task/45/comm"), "epollEventLoopG\n");
        Path graal = Files.createDirectories(proc.resolve("task/46"));
        Files.writeString(graal.resolve("comm"), "JVMCI CompilerT\n"); // no schedstat here: its ticks
        Files.writeString(graal.resolve("stat"), "46 (JVMCI CompilerT) S 1 1 1 0 -1 0 0 0 0 0 3 2 0 0 20 0 1 0 5 0 0\n");
        CpuClock clock = new CpuClock(root);
        assertEquals(1.5 + 0.25 + 0.05, clock.jitSeconds(42), 1e-12);

        Path nginx = host(root, 50, "0::/\n");
        thread(nginx, 50, 3_000_000_000L);
        Files.writeString(nginx.resolve("task/50/comm"), "nginx\n");
        assertEquals(0.0, clock.jitSeconds(50), "not a JVM: no compiler, none of its time");
        assertTrue(Double.isNaN(clock.jitSeconds(77)), "a process that is gone");
    }

    @Test
    void thisJvmsCompilerThreadsHaveCompiledSomethingAndThatIsPartOfItsCpuTime() throws Exception {
        long pid = ProcessHandle.current().pid();
        double jit = CpuClock.local().jitSeconds(pid);
        double all = CpuClock.local().tickSeconds(pid);
        assertTrue(jit > 0 && jit <= all + 2 * TICK, "JIT " + jit + " s of the process's " + all + " s");
    }

    @Test
    void ticksOnlyWhenNothingFinerCanBeReadAndNamedSo(@TempDir Path root) throws Exception {
        Path proc = host(root, 42, "0::/\n");
        CpuClock.Window window = new CpuClock(root).start(42);
        assertEquals(CpuClock.Source.TICKS, window.source());
        assertEquals("ticks", window.source().key());
        Files.writeString(proc.resolve("stat"), "42 (java) S 1 1 1 0 -1 0 0 0 0 0 262 51 0 0 20 0 2 0 1 1 1");
        window.sample();
        assertEquals(0.13, window.seconds(), 1e-12);
        assertEquals(0.13, window.tickSeconds(), 1e-12);
    }
}
