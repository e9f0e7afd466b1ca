package io.greetbench.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAdditionTest {
    private static final String CAPACITY = "{\"runtime\":\"netty\",\"reference\":false,\"scenario\":\"capacity\",\"connections\":256,"
            + "\"trial\":1,\"status\":\"ok\"}\n";
    private static final String MEMORY = "{\"runtime\":\"netty\",\"reference\":false,\"scenario\":\"memory\",\"connections\":10000,"
            + "\"trial\":1,\"status\":\"ok\"}\n";

    @Test
    void aRunOfOtherScenariosBringsItsLinesByteForByteItsLogsAndItsEnvironment(@TempDir Path tmp) throws Exception {
        Path target = run(tmp.resolve("target"), "Xeon", "2026-12-02T08:56:00Z", CAPACITY);
        Path part = run(tmp.resolve("part"), "Xeon", "2026-12-02T12:09:00Z", MEMORY + MEMORY);
        Files.createDirectories(part.resolve("logs/nginx-dir"));
        Files.writeString(part.resolve("logs/netty-memory-c10000-t1.log"), "served");
        Files.writeString(part.resolve("logs/nginx-dir/error.log"), "");
        Files.writeString(target.resolve("logs/netty-capacity-c256-t1.log"), "kept");
        byte[] partBefore = Files.readAllBytes(part.resolve(ResultsFile.NAME));

        assertNull(RunAddition.problem(target, part));
        AddedRun added = RunAddition.add(target, part, Instant.parse("2026-12-02T14:00:00Z"));

        assertEquals(CAPACITY + MEMORY + MEMORY, Files.readString(target.resolve(ResultsFile.NAME), StandardCharsets.UTF_8));
        assertEquals(List.of("memory"), added.scenarios());
        assertEquals(2, added.lines());
        assertEquals("served", Files.readString(target.resolve("logs/netty-memory-c10000-t1.log")));
        assertTrue(Files.exists(target.resolve("logs/nginx-dir/error.log")), "a log folder comes whole");
        assertEquals("kept", Files.readString(target.resolve("logs/netty-capacity-c256-t1.log")));
        RunEnvironment env = RunEnvironment.read(target);
        assertEquals("2026-12-02T08:56:00Z", env.startedAt(), "the run keeps its own environment");
        assertEquals(1, env.addedOrNone().size());
        assertEquals("2026-12-02T12:09:00Z", env.addedOrNone().get(0).environment().startedAt());
        assertEquals("2026-12-02T14:00:00Z", env.addedOrNone().get(0).addedAt());
        assertEquals(3, ResultsFile.read(target).size());
        assertTrue(java.util.Arrays.equals(partBefore, Files.readAllBytes(part.resolve(ResultsFile.NAME))), "the part is left as it was");

        String again = RunAddition.problem(target, part);
        assertNotNull(again, "adding it twice would put two runs' trials in one cell");
        assertTrue(again.contains("memory"), again);
    }

    @Test
    void aScenarioInBothAnotherMachineOrAFolderWithoutItsEnvironmentIsRefusedAndNothingChanges(@TempDir Path tmp) throws Exception {
        Path target = run(tmp.resolve("target"), "Xeon", "a", CAPACITY);
        byte[] before = Files.readAllBytes(target.resolve(ResultsFile.NAME));
        byte[] envBefore = Files.readAllBytes(target.resolve(RunEnvironment.NAME));

        Path sameScenario = run(tmp.resolve("same"), "Xeon", "b", MEMORY + CAPACITY);
        assertTrue(RunAddition.problem(target, sameScenario).contains("capacity"));
        assertThrows(IllegalArgumentException.class, () -> RunAddition.add(target, sameScenario, Instant.now()));

        Path elsewhere = run(tmp.resolve("elsewhere"), "EPYC", "c", MEMORY);
        String machine = RunAddition.problem(target, elsewhere);
        assertTrue(machine.contains("another machine") && machine.contains("EPYC"), machine);

        Path bare = Files.createDirectories(tmp.resolve("bare"));
        Files.writeString(bare.resolve(ResultsFile.NAME), MEMORY);
        assertTrue(RunAddition.problem(target, bare).contains(RunEnvironment.NAME));
        assertTrue(RunAddition.problem(target, target).contains("the folder it would be added to"));

        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(target.resolve(ResultsFile.NAME))));
        assertTrue(java.util.Arrays.equals(envBefore, Files.readAllBytes(target.resolve(RunEnvironment.NAME))));
    }

    private static Path run(Path dir, String cpu, String startedAt, String lines) throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve(ResultsFile.NAME), lines, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(RunEnvironment.NAME), "{\"startedAt\":\"" + startedAt + "\",\"cpuModel\":\"" + cpu
                + "\",\"onlineCpus\":\"0-1\",\"memTotal\":\"24 GiB\",\"kernel\":\"Linux 6.1\",\"os\":\"Debian 12\"}");
        return dir;
    }
}
