package io.greetbench.bench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How to start one kind of server as a process: a greetbench runtime, or a reference server. */
interface ServerLauncher {
    /** The name in results and reports. */
    String name();

    /** Whether this is a reference row (the seed's aiohttp, nginx) rather than a greetbench runtime. */
    boolean reference();

    /** Empty when it can run here; otherwise why not and how to fix it. */
    Optional<String> unavailableReason();

    /** Whether it can serve this scenario (nginx has no per-request wait, for one). */
    boolean supports(Scenario scenario);

    /** Starts it pinned to {@code cpus}, answering after {@code wait}; output into {@code log}. */
    ServerProcess start(Duration wait, String cpus, Path log, ChildProcesses registry) throws IOException;

    /** The port it will listen on when known in advance, or 0 when it says so on its output. */
    int knownPort();
}
