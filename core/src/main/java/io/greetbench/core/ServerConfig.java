package io.greetbench.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How to start a server: where it listens, how many threads it may use, and how long each request
 * waits before it is answered (the seed's {@code await}; zero for none).
 *
 * @param host          address to bind, e.g. {@code 127.0.0.1}
 * @param port          port to bind; 0 picks a free one ({@link RunningServer#port()} tells which)
 * @param ioThreads     event-loop / selector threads; 0 means the runtime's own default
 * @param workerThreads threads for blocking work (thread pools, Undertow's worker); 0 means
 *                      {@link #DEFAULT_WORKERS}
 * @param requestWait   per-request wait before the answer is sent
 * @param backlog       listen backlog (the kernel caps it at {@code net.core.somaxconn})
 */
public record ServerConfig(String host, int port, int ioThreads, int workerThreads, Duration requestWait, int backlog) {
    /** Worker threads of the blocking models unless told otherwise: a servlet container's usual 200. */
    public static final int DEFAULT_WORKERS = 200;
    /** Listen backlog used by every runtime, as the TechEmpower entries set it. */
    public static final int DEFAULT_BACKLOG = 8192;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestWait, "requestWait");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (ioThreads < 0 || workerThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0");
        }
        if (requestWait.isNegative()) {
            throw new IllegalArgumentException("the wait must not be negative, was " + requestWait);
        }
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be > 0, was " + backlog);
        }
    }

    /** Loopback, an ephemeral port, runtime-default threads, no wait. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 0, 0, 0, Duration.ZERO, DEFAULT_BACKLOG);
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(host, port, ioThreads, workerThreads, requestWait, backlog);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(host, port, ioThreads, workerThreads, requestWait, backlog);
    }

    public ServerConfig withIoThreads(int ioThreads) {
        return new ServerConfig(host, port, ioThreads, workerThreads, requestWait, backlog);
    }

    public ServerConfig withWorkerThreads(int workerThreads) {
        return new ServerConfig(host, port, ioThreads, workerThreads, requestWait, backlog);
    }

    public ServerConfig withRequestWait(Duration requestWait) {
        return new ServerConfig(host, port, ioThreads, workerThreads, requestWait, backlog);
    }

    /** I/O threads to use: the configured count, or one per available processor. */
    public int ioThreadsOrDefault() {
        return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
    }

    /** Worker threads to use: the configured count, or {@link #DEFAULT_WORKERS}. */
    public int workerThreadsOrDefault() {
        return workerThreads > 0 ? workerThreads : DEFAULT_WORKERS;
    }

    /** Whether requests wait before being answered. */
    public boolean waits() {
        return !requestWait.isZero();
    }
}
