package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.results.CpuGateReading;
import io.greetbench.bench.server.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The watch reads a server CPU from a thread pinned to it at the idle scheduling class, only between
 * begin and end, and leaves no thread behind; the gate discards a window whose CPU read slow while its
 * server ran even when the readings before and after were steady.
 */
class IdleTimeWatchTest {
    /** Linux's SCHED_IDLE policy, as /proc/PID/task/TID/stat's 41st field gives it. */
    private static final int SCHED_IDLE = 5;

    @Test
    void readsOnlyWhileWatchingFromAPinnedThreadOfTheIdleClassAndStopsIt() throws Exception {
        assumeTrue(Executables.onPath("taskset") && Executables.onPath("chrt"), "needs taskset and chrt");
        int cpu = CpuCheck.onlineCpus().nextSetBit(0);
        try (IdleTimeWatch watch = new IdleTimeWatch(List.of(cpu))) {
            Path task = Path.of("/proc/self/task", CpuCheckTest.tid("cpu-watch-" + cpu));
            String status = Files.readString(task.resolve("status"));
            assertTrue(status.lines().anyMatch(l -> l.equals("Cpus_allowed_list:\t" + cpu)), status);
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // field 3 onwards
            assertEquals(SCHED_IDLE, Integer.parseInt(fields[41 - 3]), "the idle scheduling class: " + stat);

            Thread.sleep(IdleTimeWatch.EVERY.toMillis() * 3);
            assertTrue(watch.end().get(cpu).isEmpty(), "nothing is read before a watch begins");
            watch.begin();
            Thread.sleep(IdleTimeWatch.EVERY.toMillis() * 5);
            Map<Integer, List<Double>> readings = watch.end();
            assertTrue(readings.get(cpu).size() >= 2, readings.toString());
            readings.get(cpu).forEach(r -> assertTrue(r > 0, readings.toString()));
            Thread.sleep(IdleTimeWatch.EVERY.toMillis() * 3);
            watch.begin();
            assertTrue(watch.end().get(cpu).isEmpty(), "a new watch starts empty");
        }
        Thread.sleep(IdleTimeWatch.EVERY.toMillis() * 2);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("cpu-watch-") && t.isAlive()),
                "its threads end when it is closed");
    }

    @Test
    void aCpuSlowWhileTheServerRanDiscardsItsWindowsThoughBeforeAndAfterWereSteady() {
        CpuGateReading steady = new CpuGateReading("0", 2.1, 2.2, 2.0, 1.25, 40, 2.3);
        assertNull(WindowGate.judge(steady, 1.25));
        CpuGateReading slowWhileRunning = new CpuGateReading("0", 2.1, 2.2, 2.0, 1.25, 40, 3.4);
        assertEquals(1.7, slowWhileRunning.slowdown(), 1e-9);
        String reason = WindowGate.judge(slowWhileRunning, 1.25);
        assertNotNull(reason);
        assertTrue(reason.contains("ran slow while the server ran") && reason.contains("median of 40 readings")
                && reason.contains("1.70×"), reason);
        assertNull(WindowGate.judge(new CpuGateReading("0", 2.1, 2.2, 2.0, 1.25, null, null), 1.25), "no watch: before and after decide");
    }
}
