package io.greetbench.bench.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** This machine's shell: the command runs as a child process. */
final class LocalShell implements HostShell {
    @Override
    public String host() {
        return "local";
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public Result run(List<String> argv, Duration bound) throws IOException {
        return CommandRun.run(new ProcessBuilder(argv), bound, argv.get(0));
    }
}
