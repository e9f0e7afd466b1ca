package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.results.CpuReadings;
import io.greetbench.bench.server.Executables;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU check reads each CPU from a thread that is pinned to it, and leaves no thread behind. */
class CpuCheckTest {
    @Test
    void readsEveryOnlineCpuFromAThreadPinnedToItAndStopsItsThreads() throws Exception {
        assumeTrue(Executables.onPath("taskset"), "needs taskset");
        BitSet online = CpuCheck.onlineCpus();
        assertTrue(online.cardinality() >= 1);
        try (CpuCheck check = new CpuCheck(online)) {
            for (int cpu : check.cpus()) {
                String status = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/task",
                        tid("cpu-check-" + cpu), "status"));
                assertTrue(status.lines().anyMatch(l -> l.equals("Cpus_allowed_list:\t" + cpu)), "pinned to " + cpu
                        + ": " + status.lines().filter(l -> l.startsWith("Cpus_allowed_list")).toList());
                assertTrue(check.read(cpu) > 0);
            }
            Map<Integer, CpuReadings> survey = check.survey(Duration.ofMillis(300));
            assertEquals(online.cardinality(), survey.size());
            survey.values().forEach(r -> assertTrue(r.readings() >= 1 && r.fastest() > 0 && r.fastest() <= r.median(), r.toString()));
        }
        Thread.sleep(200);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("cpu-check-")
                && t.isAlive()), "its threads end when it is closed");
    }

    /** The task id of this process's thread named {@code name} (Linux names it after the Java thread, up to 15 characters). */
    static String tid(String name) throws Exception {
        String prefix = name.substring(0, Math.min(15, name.length()));
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                String comm = java.nio.file.Files.readString(task.resolve("comm")).trim();
                if (comm.equals(prefix)) {
                    return task.getFileName().toString();
                }
            }
        }
        throw new AssertionError("no thread named " + prefix);
    }
}
