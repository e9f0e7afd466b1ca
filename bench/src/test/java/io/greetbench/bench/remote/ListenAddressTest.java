package io.greetbench.bench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.server.Executables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server host's servers listen on the address the load goes to, which must be one of its own; a
 * run aimed at an address it does not have stops with one line saying what to give instead. The
 * host is this machine ({@link LocalHostSsh}).
 */
@Timeout(60)
class ListenAddressTest {
    private static final Path JDK_SCRIPT = Path.of("..").toAbsolutePath().normalize().resolve("bench/scripts/jdk.sh");

    @Test
    void serversListenOnTheLoadsAddressWhenItIsTheHostsOwn(@TempDir Path dir) throws Exception {
        assumeTrue(Executables.onPath("ip"), "needs ip, to read this machine's addresses as a host's");
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        RemoteHost host;
        try (Bundle bundle = Bundle.of(List.of(Files.writeString(dir.resolve("a.jar"), "a")))) {
            host = RemoteHost.open(new LocalHostSsh(Map.of("GREETBENCH_REMOTE_DIR", cache.toString())), "gb-server",
                    System.getProperty("java.home"), bundle, JDK_SCRIPT, new PrintStream(new ByteArrayOutputStream()));
        }
        assertEquals("127.0.0.1", host.listenAddress("127.0.0.1"));
        assertEquals("127.0.0.1", host.site(host.listenAddress("localhost")).bindAddress(), "a name, as resolved here");
        IOException e = assertThrows(IOException.class, () -> host.listenAddress("192.0.2.7"));
        assertTrue(e.getMessage().startsWith("gb-server has no address 192.0.2.7 (its own: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("give --server-address as one of its own addresses that this machine and the "
                + "drivers reach"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
