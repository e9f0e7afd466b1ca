package io.greetbench.bench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.server.CommandRun;
import io.greetbench.bench.server.HostShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that answers greetbench's probe with words meant for ssh or a shell on this machine (as a
 * compromised host could): the run stops with one line naming the host, before anything else is run
 * anywhere. The host is a stub at the {@link Ssh} seam that answers the probe and records every call.
 */
class HostileHostTest {
    private static final Path JDK_SCRIPT = Path.of("..").toAbsolutePath().normalize().resolve("bench/scripts/jdk.sh");

    @TempDir
    Path dir;

    @Test
    void aJavaThatIsAnSshOptionIsRefusedNamingTheHostAndNothingRunsHere() throws Exception {
        Path marker = dir.resolve("owned");
        AnsweringHost host = new AnsweringHost(probeAnswer("-oProxyCommand=/bin/sh", "-c touch " + marker, "/home/u/.cache/gb"));
        IOException e = assertThrows(IOException.class, () -> open(host));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("gb-evil answered java=-oProxyCommand=/bin/sh, not an absolute path"),
                e.getMessage());
        assertEquals(List.of("bash"), host.calls, "only the probe ran; nothing was copied or started");
        assertFalse(Files.exists(marker), "nothing ran here");
    }

    @Test
    void jvmFlagsGreetbenchDoesNotGiveAreRefusedNamingTheHost() throws Exception {
        Path marker = dir.resolve("owned");
        AnsweringHost host = new AnsweringHost(probeAnswer("/usr/lib/jvm/jdk-21/bin/java",
                "--enable-native-access=ALL-UNNAMED -XX:OnOutOfMemoryError=touch" + marker, "/home/u/.cache/gb"));
        IOException e = assertThrows(IOException.class, () -> open(host));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("gb-evil answered JVM flags greetbench does not give (-XX:OnOutOfMemoryError="),
                e.getMessage());
        assertEquals(List.of("bash"), host.calls);
        assertFalse(Files.exists(marker));
    }

    @Test
    void aCacheFolderThatIsNotAPlainAbsolutePathIsRefused() throws Exception {
        for (String bad : List.of("relative/dir", "/tmp/$(id)", "/tmp/../etc", "/tmp/a b", "/tmp/x\u001b[2J")) {
            AnsweringHost host = new AnsweringHost(probeAnswer("/usr/lib/jvm/jdk-21/bin/java", "", bad));
            IOException e = assertThrows(IOException.class, () -> open(host), bad);
            assertTrue(e.getMessage().startsWith("gb-evil answered dir="), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertEquals(List.of("bash"), host.calls);
        }
    }

    @Test
    void everyFlagOfGreetbenchsJdkRuleIsKnown() throws Exception {
        String script = "source \"$0\"; for v in 17 21 22 24 25 30; do jdk_flags $v; done";
        var r = CommandRun.run(new ProcessBuilder("bash", "-c", script, JDK_SCRIPT.toString()), Duration.ofSeconds(10), "bash");
        assertEquals(0, r.exit(), r.err());
        Set<String> given = new HashSet<>(List.of(r.out().trim().split("\\s+")));
        assertTrue(HostFacts.KNOWN_FLAGS.containsAll(given), "jdk.sh gives " + given + ", HostFacts knows " + HostFacts.KNOWN_FLAGS);
    }

    @Test
    void theAnswersOfAnOrdinaryHostAreTakenAsGiven() throws Exception {
        HostFacts facts = HostFacts.parse("gb-server", probeAnswer("/usr/lib/jvm/jdk-25/bin/java",
                "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow", "/root/.cache/greetbench")
                + "online=0-3,6\ncpus=8\nnofile=unlimited\n");
        assertEquals(Path.of("/usr/lib/jvm/jdk-25/bin/java"), facts.java());
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"), facts.jvmFlags());
        assertEquals("/root/.cache/greetbench", facts.dir());
        assertEquals("0-3,6", facts.get("online"));
        assertEquals(Long.MAX_VALUE, facts.number("nofile"));
    }

    private void open(Ssh host) throws IOException {
        try (Bundle bundle = Bundle.of(List.of(Files.writeString(dir.resolve("a.jar"), "a")))) {
            RemoteHost.open(host, "gb-evil", null, bundle, JDK_SCRIPT, new PrintStream(new ByteArrayOutputStream()));
        }
    }

    private static String probeAnswer(String java, String flags, String cacheDir) {
        return "java=" + java + "\njvmflags=" + flags + "\njavaversion=openjdk version \"21\"\ndir=" + cacheDir
                + "\ninstalled=no\n";
    }

    /** A host that answers every command with the probe's {@code answer}, and records the first word of each. */
    private static final class AnsweringHost extends Ssh {
        final List<String> calls = new ArrayList<>();
        private final String answer;

        AnsweringHost(String answer) {
            super(null);
            this.answer = answer;
        }

        @Override
        String hostName(String host) {
            return "192.0.2.1";
        }

        @Override
        HostShell.Result run(String host, List<String> remoteArgv, byte[] stdin, Duration bound) {
            calls.add(remoteArgv.get(0));
            return new HostShell.Result(0, answer, "");
        }

        @Override
        ProcessBuilder process(String host, List<String> remoteArgv) {
            calls.add("process " + remoteArgv);
            throw new AssertionError("nothing may be started for " + host + ": " + remoteArgv);
        }

        @Override
        void copy(String host, List<Path> files, String dir, Duration bound) {
            calls.add("copy");
            throw new AssertionError("nothing may be copied to " + host);
        }
    }
}
