package io.greetbench.bench.run;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.GcLog;
import io.greetbench.bench.server.ServerCommand;
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
    public ServerCommand command(Duration wait, Path log) {
        Path gcLog = log.resolveSibling(log.getFileName().toString().replace(".log", ".gc.log"));
        List<String> flags = new ArrayList<>(options.serverJvmFlags());
        flags.add(GcLog.flag(gcLog));
        return new ServerCommand(SelfCommand.of(options.serverJava(), flags,
                List.of("serve", "--runtime", runtime, "--port", "0", "--wait", wait.toMillis() + "ms")), 0, gcLog);
    }
}
