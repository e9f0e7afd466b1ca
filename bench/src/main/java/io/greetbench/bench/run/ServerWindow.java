package io.greetbench.bench.run;

import io.greetbench.bench.load.LoadDriver;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.server.ServerInstance;
import java.util.function.Consumer;

/** Samples the server exactly over the driver's measured window, and feeds the adaptive warm-up its CPU time. */
final class ServerWindow implements LoadDriver.WindowObserver {
    private final ServerInstance server;
    private final Consumer<ServerInstance> onOpen;

    ServerWindow(ServerInstance server, Consumer<ServerInstance> onOpen) {
        this.server = server;
        this.onOpen = onOpen;
    }

    @Override
    public void windowStarted() {
        onOpen.accept(server);
        server.startSampling();
    }

    @Override
    public double serverCpuSeconds() {
        return server.cpuSeconds();
    }

    @Override
    public double serverJitSeconds() {
        return server.jitCpuSeconds();
    }

    private ServerUse use = ServerUse.UNKNOWN;

    @Override
    public void windowEnded() {
        use = server.stopSampling();
    }

    /** What the server used over the window, per answer the driver counted in it. */
    ServerUse use(long requests, double windowSeconds) {
        return use.perWindow(requests, windowSeconds);
    }
}
