package io.greetbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run that ends by an exception (its observer's: the memory search stops a step whose server is gone)
 * while its connections reconnect to a server that went away leaves no socket open: thousands of such
 * steps in one run must not exhaust the orchestrator's open files.
 */
@Timeout(120)
class LoadDriverCleanupTest {
    private static long openFiles() throws Exception {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    @Test
    void aRunStoppedByItsObserverWhileReconnectingToADeadServerLeavesNoSocketOpen() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.greetbench.bench.cli.GreetbenchCommand", "serve", "--runtime", "netty-nio", "--port", "0", "--wait", "20ms")
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            int port = Integer.parseInt(line.replaceAll(".*:(\\d+).*", "$1"));
            long before = openFiles();
            LoadSpec spec = LoadSpec.builder(Target.parse("http://127.0.0.1:" + port + "/world", false)).connections(4_000)
                    .warmup(Duration.ofSeconds(2), Duration.ofSeconds(10)).duration(Duration.ofSeconds(2))
                    .expectedBody("Hello, world!\n".getBytes(StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(10)).build();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(1500); // while the load is on: every connection then reconnects, and is refused
                    server.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            assertThrows(IllegalStateException.class, () -> LoadDriver.runObserved(spec, new LoadDriver.WindowObserver() {
                @Override
                public double serverCpuSeconds() {
                    if (!server.isAlive()) {
                        throw new IllegalStateException("the server is gone");
                    }
                    return 1.0;
                }
            }));
            killer.join();
            long after = openFiles();
            assertTrue(after <= before + 5, "open files before " + before + ", after " + after);
        } finally {
            server.destroyForcibly().waitFor();
        }
    }
}
