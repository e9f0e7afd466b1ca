package io.greetbench.bench.run;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.ServerCommand;
import io.greetbench.bench.server.ServerSite;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What to start for one kind of server: a greetbench runtime, or a reference server. Where is the {@code ServerHost}'s business. */
interface ServerLauncher {
    /** The name in results and reports. */
    String name();

    /** Whether this is a reference row (the seed's aiohttp, nginx) rather than a greetbench runtime. */
    boolean reference();

    /** Empty when it can run here; otherwise why not and how to fix it. */
    Optional<String> unavailableReason();

    /** Whether it can serve this scenario (nginx has no per-request wait, for one). */
    boolean supports(Scenario scenario);

    /**
     * The command that starts it on {@code site}, answering after {@code wait}; {@code log} is where
     * its output will go (on this machine, wherever the server runs).
     */
    ServerCommand command(Duration wait, ServerSite site, Path log) throws IOException;
}
