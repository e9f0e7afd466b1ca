package io.greetbench.bench.driver;

import io.greetbench.bench.load.LoadDriver;
import io.greetbench.bench.load.LoadSpec;
import java.io.IOException;
import java.util.List;

/**
 * Where a cell's load comes from, as {@code ServerHost} is where its server runs: this process
 * ({@link LocalLoadSource}, the in-process {@link LoadDriver}), or driver processes on other hosts
 * whose windows open together and whose figures are merged. The orchestrator does not know which.
 */
public interface LoadSource extends AutoCloseable {
    /** The hosts the load comes from, as results name them: {@code [local]}, or each driver host. */
    List<String> hosts();

    /**
     * Loads {@code spec}'s target to the end, telling {@code observer} when the measured window opens
     * and closes (to sample the server over exactly that window) and asking it the server's CPU time
     * (for the adaptive warm-up). An IOException says what failed, naming the host.
     */
    LoadOutcome run(LoadSpec spec, LoadDriver.WindowObserver observer) throws IOException, InterruptedException;

    /** Stops every driver still running; safe from a shutdown hook. */
    @Override
    void close();
}
