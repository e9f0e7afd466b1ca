package io.greetbench.bench.run;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.GcLog;
import io.greetbench.bench.server.ServerCommand;
import io.greetbench.bench.server.ServerSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A greetbench runtime in a JVM of its own: {@code greetbench serve} with the server host's JVM and flags,
 * then the run's {@code --jvm-flags} (so they win over the host's: a collector, a heap size).
 */
final class JvmRuntimeLauncher implements ServerLauncher {
    private final String runtime;
    private final ServerJvmCatalog catalog;
    private final List<String> extraFlags;

    JvmRuntimeLauncher(String runtime, ServerJvmCatalog catalog, List<String> extraFlags) {
        this.runtime = runtime;
        this.catalog = catalog;
        this.extraFlags = List.copyOf(extraFlags);
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
    public ServerCommand command(Duration wait, ServerSite site, Path log) {
        Path gcLog = site.file(log, ".gc.log");
        List<String> flags = new ArrayList<>(site.jvmFlags());
        flags.addAll(extraFlags);
        flags.add(GcLog.flag(gcLog));
        return new ServerCommand(site.greetbench(flags, List.of("serve", "--runtime", runtime, "--host", site.bindAddress(),
                "--port", "0", "--wait", wait.toMillis() + "ms")), 0, gcLog);
    }
}
