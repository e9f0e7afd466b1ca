package io.greetbench.bench.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stopping a process by its PID, with its descendants: the one way greetbench stops what it started. */
public final class Processes {
    private Processes() {
    }

    /** SIGTERM to the process and its descendants, SIGKILL after {@code bound}; returns when all are gone. */
    public static void stop(ProcessHandle handle, Duration bound) {
        List<ProcessHandle> family = new ArrayList<>(handle.descendants().toList());
        family.add(0, handle);
        family.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + bound.toNanos();
        for (ProcessHandle h : family) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : family) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a process that outlives SIGKILL is the kernel's to reap
            }
        }
    }
}
