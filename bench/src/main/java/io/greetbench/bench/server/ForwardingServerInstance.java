package io.greetbench.bench.server;

import io.greetbench.bench.results.ServerUse;
import java.time.Duration;

/**
 * A server instance that is another one with something added (a cgroup around it): every method
 * forwards to the inner instance; a subclass overrides what it adds to.
 */
abstract class ForwardingServerInstance implements ServerInstance {
    protected final ServerInstance server;

    ForwardingServerInstance(ServerInstance server) {
        this.server = server;
    }

    @Override
    public long pid() {
        return server.pid();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void awaitReady(String path, byte[] expectedBody, Duration bound) throws NotReadyException, InterruptedException {
        server.awaitReady(path, expectedBody, bound);
    }

    @Override
    public boolean alive() {
        return server.alive();
    }

    @Override
    public String exitDescription() {
        return server.exitDescription();
    }

    @Override
    public String tail() {
        return server.tail();
    }

    @Override
    public double cpuSeconds() {
        return server.cpuSeconds();
    }

    @Override
    public double jitCpuSeconds() {
        return server.jitCpuSeconds();
    }

    @Override
    public void startSampling() {
        server.startSampling();
    }

    @Override
    public ServerUse stopSampling() {
        return server.stopSampling();
    }

    @Override
    public void close() {
        server.close();
    }
}
