package io.greetbench.bench.run;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process the orchestrator started and has not stopped yet, so a Ctrl-C, a crash or a failed
 * measurement still stops them all, by PID, from a shutdown hook.
 */
final class ChildProcesses {
    private final Set<ProcessHandle> live = ConcurrentHashMap.newKeySet();

    void add(ProcessHandle handle) {
        live.add(handle);
    }

    void remove(ProcessHandle handle) {
        live.remove(handle);
    }

    /** Stops everything still running (SIGTERM, then SIGKILL). */
    void stopAll() {
        for (ProcessHandle h : Set.copyOf(live)) {
            ServerProcess.stop(h, Duration.ofSeconds(3));
            live.remove(h);
        }
    }
}
