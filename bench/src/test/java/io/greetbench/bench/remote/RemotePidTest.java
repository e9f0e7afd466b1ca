package io.greetbench.bench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Remote processes are signalled only while they are the process greetbench started: never once
 * their session said they ended, and otherwise only while their PID still belongs to the process
 * that started at the recorded time. "Remote" is this machine ({@link LocalHostSsh}); the process
 * that took a PID over is a {@code sleep} of the test's, which must survive.
 */
@Timeout(60)
class RemotePidTest {
    private Process other;

    @BeforeEach
    void startAnotherProcess() throws IOException {
        other = new ProcessBuilder("sleep", "60").start();
    }

    @AfterEach
    void stopIt() {
        other.destroyForcibly();
    }

    @Test
    void aPidThatAnotherProcessTookIsNotSignalledAndTheProcessItselfIs() throws Exception {
        LocalHostSsh host = new LocalHostSsh(Map.of());
        String start = startTime(other.pid());
        assertNull(new RemotePid(other.pid(), String.valueOf(Long.parseLong(start) + 1)).stop(host, "gb-d1"));
        TimeUnit.MILLISECONDS.sleep(300);
        assertTrue(other.isAlive(), "a process that took over the PID was signalled");

        assertNull(new RemotePid(other.pid(), start).stop(host, "gb-d1"));
        assertTrue(other.waitFor(5, TimeUnit.SECONDS), "the process that started then was not stopped");
    }

    @Test
    void aDriverThatSaidItExitedIsNotSignalledThoughItsPidRunsAgain() throws Exception {
        // The driver said its PID and start time, answered, and exited (status 0, through its session);
        // its PID now runs another process: even one with its very start time is left alone.
        LocalHostSsh host = hostWhoseProcess(other.pid(), startTime(other.pid()), 0);
        RemoteSession session = RemoteSession.start(host, "gb-d1", RemoteSession.Wrapper.EXEC, List.of("greetbench"), false,
                line -> { });
        assertEquals(other.pid(), session.awaitPid(Duration.ofSeconds(10)));
        assertNull(session.stop());
        assertEquals(0, session.reportedExit());
        assertEquals(List.of(), host.commandsOf("sh"), "no stop was sent after the exit was reported");
        assertTrue(other.isAlive());
    }

    @Test
    void aDriverWhoseConnectionDroppedIsStoppedOnlyIfItsPidIsStillItsOwn() throws Exception {
        // The connection failed (ssh's 255): whether it ended is unknown, so it is stopped, checked.
        String start = startTime(other.pid());
        LocalHostSsh host = hostWhoseProcess(other.pid(), String.valueOf(Long.parseLong(start) - 1), Ssh.CONNECTION_FAILED);
        RemoteSession session = RemoteSession.start(host, "gb-d1", RemoteSession.Wrapper.EXEC, List.of("greetbench"), false,
                line -> { });
        session.awaitPid(Duration.ofSeconds(10));
        assertNull(session.stop());
        assertNull(session.reportedExit());
        assertEquals(1, host.commandsOf("sh").size(), "a checked stop was sent: " + host.commands);
        TimeUnit.MILLISECONDS.sleep(300);
        assertTrue(other.isAlive(), "the process that took over the PID was signalled");
    }

    @Test
    void aProcessThatEndsWhenItsStdinClosesIsNotSignalled() throws Exception {
        LocalHostSsh host = new LocalHostSsh(Map.of());
        RemoteSession session = RemoteSession.start(host, "gb-d1", RemoteSession.Wrapper.EXEC, List.of("cat"), false,
                line -> { });
        long pid = session.awaitPid(Duration.ofSeconds(10));
        assertTrue(ProcessHandle.of(pid).isPresent());
        assertNull(session.stop());
        assertEquals(0, session.reportedExit(), "cat ended with its input");
        assertEquals(1, host.commands.size(), "nothing but its own start ran there: " + host.commands);
    }

    @Test
    void aServerIsStoppedByItsWrapperWhenTheSessionEndsAndItsExitIsSaid() throws Exception {
        LocalHostSsh host = new LocalHostSsh(Map.of());
        RemoteSession session = RemoteSession.start(host, "gb-server", RemoteSession.Wrapper.WATCHED, List.of("sleep", "60"),
                true, line -> { });
        long pid = session.awaitPid(Duration.ofSeconds(10));
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertNull(session.stop());
        assertEquals(143, session.reportedExit(), "SIGTERM from its wrapper, as its stdin closed");
        assertEquals(1, host.commands.size(), "no stop was sent: " + host.commands);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** A host whose every started process says it is {@code pid}, started at {@code start}, and then ends with {@code exit}. */
    private static LocalHostSsh hostWhoseProcess(long pid, String start, int exit) {
        return new LocalHostSsh(Map.of()) {
            @Override
            Process start(String host, List<String> remoteArgv, boolean mergeStderr) throws IOException {
                return new ProcessBuilder("sh", "-c", "echo \"" + RemoteSession.PID_MARK + pid + " " + start + "\"; exit " + exit)
                        .start();
            }
        };
    }

    /** Field 22 of /proc/PID/stat. */
    private static String startTime(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(") ") + 2).split(" ")[19];
    }
}
