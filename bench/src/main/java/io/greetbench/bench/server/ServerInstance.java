package io.greetbench.bench.server;

import io.greetbench.bench.results.ServerUse;
import java.time.Duration;

/**
 * One running server process, wherever it runs: readiness, sampling over a measured window, and a
 * stop that returns only when the process and every descendant are gone.
 */
public interface ServerInstance extends AutoCloseable {
    long pid();

    /** The port it listens on; known once {@link #awaitReady} returned. */
    int port();

    /**
     * Waits until it says where it listens (or its known port), then for a correct greeting on
     * {@code path}. Throws {@link NotReadyException} with the reason a person needs.
     */
    void awaitReady(String path, byte[] expectedBody, Duration bound) throws NotReadyException, InterruptedException;

    boolean alive();

    /** How the process ended, for a person: "exit code 1", "killed by signal 9", "still running". */
    String exitDescription();

    /** The last lines of its output, for an error message. */
    String tail();

    /** Its CPU time so far (user + system), seconds; NaN when it is gone or cannot be read. */
    double cpuSeconds();

    /**
     * Its JIT compiler threads' CPU time so far, seconds: 0 when it is not a JVM; NaN when it is gone or its
     * threads cannot be read from here (a server on another host).
     */
    default double jitCpuSeconds() {
        return Double.NaN;
    }

    /** Starts sampling CPU, memory and threads: the measured window opened. */
    void startSampling();

    /** Stops sampling, as the measured window closes: what the window cost (see {@link ServerUse#perWindow}). */
    ServerUse stopSampling();

    /** SIGTERM, then SIGKILL after a bound, descendants included. Returns when all are gone. */
    @Override
    void close();

    /** Why a server could not be measured. */
    final class NotReadyException extends Exception {
        public NotReadyException(String message) {
            super(message);
        }
    }
}
