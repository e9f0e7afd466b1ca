package io.greetbench.bench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.run.Placement;
import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.run.ScenarioPlan;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.bench.server.Executables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A host ssh cannot reach stops the run before it starts, in one line that names it and says what to check. */
@Timeout(60)
class UnreachableHostTest {
    @Test
    void aHostNobodyAnswersOnIsNamedInOneLine(@TempDir Path dir) throws Exception {
        assumeTrue(Executables.onPath("ssh"), "no ssh here");
        // An alias for a closed port on loopback: refused at once, and nothing leaves this machine.
        Path config = Files.writeString(dir.resolve("ssh_config"), "Host nowhere\n  HostName 127.0.0.1\n  Port 1\n");
        RunOptions options = new RunOptions(List.of("netty-nio"),
                List.of(new ScenarioPlan(Scenarios.PLAINTEXT, List.of(4), List.of())), Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), 1, null, null, dir.resolve("out"), Path.of("java"), List.of(), null,
                new CpuLimit(1), "t", new Placement("nowhere", List.of(), null, config, null));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        IOException e = assertThrows(IOException.class, () -> SshHosts.open(options, Path.of("..").toAbsolutePath(), quiet));
        assertTrue(e.getMessage().startsWith("cannot reach nowhere over ssh ("), e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertTrue(e.getMessage().contains("'ssh -F " + config + " nowhere true'"), "says what to try: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
