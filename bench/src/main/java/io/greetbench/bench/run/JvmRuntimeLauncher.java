package io.greetbench.bench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A greetbench runtime in a JVM of its own: {@code greetbench serve} with the run's JVM and flags. */
final class JvmRuntimeLauncher implements ServerLauncher {
    private final String runtime;
    private final RunOptions options;
    private final ServerJvmCatalog catalog;

    JvmRuntimeLauncher(String runtime, RunOptions options, ServerJvmCatalog catalog) {
        this.runtime = runtime;
        this.options = options;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return runtime;
    }

    @Override
    public boolean reference() {
        return false;
    }

    @Override
    public Optional<String> unavailableReason() {
        return catalog.unavailableReason(runtime);
    }

    @Override
    public boolean supports(Scenario scenario) {
        return true;
    }

    @Override
    public ServerProcess start(Duration wait, String cpus, Path log, ChildProcesses registry) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(options.serverJava().toString());
        command.addAll(options.serverJvmFlags());
        command.add(GcLog.flag(gcLog(log)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.greetbench.bench.cli.GreetbenchCommand");
        command.addAll(List.of("serve", "--runtime", runtime, "--port", "0", "--wait", wait.toMillis() + "ms"));
        return ServerProcess.start(command, cpus, log, registry);
    }

    static Path gcLog(Path log) {
        return log.resolveSibling(log.getFileName().toString().replace(".log", ".gc.log"));
    }

    @Override
    public int knownPort() {
        return 0;
    }
}
