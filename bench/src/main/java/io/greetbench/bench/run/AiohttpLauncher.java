package io.greetbench.bench.run;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.ServerCommand;
import io.greetbench.bench.server.ServerSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The reference row {@code ref-aiohttp}: the seed's own server, run by Debian's python3 with aiohttp. */
final class AiohttpLauncher implements ServerLauncher {
    static final String NAME = "ref-aiohttp";
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private final Path script;

    AiohttpLauncher(Path root) {
        this.script = root.resolve("bench/reference/aiohttp_greeting.py");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reference() {
        return true;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (!Files.isRegularFile(script)) {
            return Optional.of("missing " + script);
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import aiohttp").redirectErrorStream(true).start();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Optional.empty();
            }
            p.destroyForcibly();
        } catch (IOException e) {
            // no python at all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of("Debian's python3-aiohttp is not installed (apt-get install python3-aiohttp)");
    }

    @Override
    public boolean supports(Scenario scenario) {
        return scenario.pipeline() == 1; // aiohttp answers pipelined requests one by one: not a fair row there
    }

    @Override
    public ServerCommand command(Duration wait, ServerSite site, Path log) throws IOException {
        LocalOnly.check(NAME, site);
        return new ServerCommand(List.of(PYTHON.toString(), script.toString(), "--port", "0", "--wait-ms",
                String.valueOf(wait.toMillis())), 0, null);
    }
}
