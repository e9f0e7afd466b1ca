package io.greetbench.bench.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process a run started and has not stopped yet, so a Ctrl-C, a crash or a failed
 * measurement still stops them all, by PID, from a shutdown hook.
 */
public final class ChildProcesses {
    private final Set<ProcessHandle> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Registers a started process; once {@link #stopAll} ran, the process is stopped at once instead. */
    public void add(ProcessHandle handle) throws java.io.IOException {
        live.add(handle);
        if (closed) {
            stopAll();
            throw new java.io.IOException("the run is being stopped");
        }
    }

    /** Whether {@link #stopAll} ran: the run is being interrupted. */
    public boolean closed() {
        return closed;
    }

    public void remove(ProcessHandle handle) {
        live.remove(handle);
    }

    /** Stops everything still running (SIGTERM, then SIGKILL). */
    public void stopAll() {
        closed = true;
        for (ProcessHandle h : Set.copyOf(live)) {
            Processes.stop(h, Duration.ofSeconds(3));
            live.remove(h);
        }
    }
}
