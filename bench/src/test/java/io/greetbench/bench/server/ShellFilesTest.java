package io.greetbench.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another host's files through its shell, as a CPU limit on a remote server host uses them: here the
 * "other host" is a shell on this machine that does not say it is local, so every operation goes
 * through the commands ssh would run.
 */
class ShellFilesTest {
    /** This machine's shell, posing as another host's. */
    private static final HostShell ELSEWHERE = new HostShell() {
        @Override
        public String host() {
            return "elsewhere";
        }

        @Override
        public Result run(List<String> argv, Duration bound) throws IOException {
            return CommandRun.run(new ProcessBuilder(argv), bound, argv.get(0));
        }
    };

    private final HostFiles files = HostFiles.through(ELSEWHERE);

    @Test
    void everyOperationWorksThroughTheShell(@TempDir Path dir) throws Exception {
        assertTrue(files instanceof ShellFiles);
        Path group = dir.resolve("greetbench-1-1");
        files.createDirectory(group);
        assertThrows(IOException.class, () -> files.createDirectory(group), "it exists already");
        files.write(group.resolve("cpu.max"), "5000 10000");
        assertTrue(files.isFile(group.resolve("cpu.max")));
        assertFalse(files.isFile(group.resolve("nothing")));
        assertEquals("5000 10000", files.read(group.resolve("cpu.max")));
        assertEquals("5000 10000", Files.readString(group.resolve("cpu.max")), "written as is, no newline");
        Files.createDirectory(dir.resolve("other"));
        assertEquals(List.of(group), files.list(dir, "greetbench-"));
        assertFalse(files.removeDirectory(group), "not empty: a plain directory keeps its files");
        Files.delete(group.resolve("cpu.max"));
        assertTrue(files.removeDirectory(group));
        assertFalse(Files.exists(group));
        assertTrue(files.removeDirectory(group), "already gone counts as gone");
        assertTrue(files.ownerMayRun(1), "a maker elsewhere cannot be asked: its groups are left alone");
    }

    @Test
    void aCgroupThatCannotBeMadeThereNamesTheHost(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("cpu"), "a file where the hierarchy should be");
        CpuCgroups cgroups = CpuCgroups.at(notADirectory, files);
        IOException e = assertThrows(IOException.class, () -> cgroups.create(new CpuLimit(0.5), 1));
        assertTrue(e.getMessage().startsWith("cannot set a CPU limit on elsewhere: " + notADirectory), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        HostFiles noCgroups = new HostFiles() { // a host without any cgroup hierarchy
            @Override
            public String where() {
                return " on elsewhere";
            }

            @Override
            public boolean isFile(Path file) {
                return false;
            }

            @Override
            public String read(Path file) throws IOException {
                throw new IOException("no " + file);
            }

            @Override
            public void write(Path file, String value) throws IOException {
                throw new IOException("no " + file);
            }

            @Override
            public void createDirectory(Path d) throws IOException {
                throw new IOException("no " + d);
            }

            @Override
            public boolean removeDirectory(Path d) {
                return false;
            }

            @Override
            public List<Path> list(Path d, String prefix) {
                return List.of();
            }

            @Override
            public boolean ownerMayRun(long pid) {
                return false;
            }
        };
        String problem = CpuLimitedServerHost.problem(new CpuLimit(0.5), noCgroups);
        assertTrue(problem.startsWith("cannot set a CPU limit: elsewhere has no cgroup CPU controller"), problem);
    }
}
