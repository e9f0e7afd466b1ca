package io.greetbench.bench.server;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run to get one server: the command line, the port it will listen on when known in advance
 * (0: it says so on its output, {@code listening on http://HOST:PORT}), and its GC log when it is a
 * JVM that writes one.
 */
public record ServerCommand(List<String> argv, int knownPort, Path gcLog) {
    public ServerCommand {
        argv = List.copyOf(argv);
    }
}
