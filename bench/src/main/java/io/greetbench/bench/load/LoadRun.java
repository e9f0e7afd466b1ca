package io.greetbench.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;

/**
 * What the connections of one run share: the spec, the statistics, the requests encoded once, the
 * bootstrap, and whether the run is still sending.
 */
final class LoadRun {
    private final LoadSpec spec;
    private final Bootstrap bootstrap;
    private final ByteBuf requestBlock; // the request, pipeline times over, never released
    private final int requestLength;
    private final java.util.concurrent.Semaphore connectPermits;
    /** The longest a connection holds its connect permit without an answer (an open loop may not send at once). */
    private static final long SETUP_HOLD_MILLIS = 2000;

    // Set-up's counts, each connection in at most one of them, until set-up ends (guarded by this)
    private int served; // answered
    private int setupErrors; // failed, or closed, before a first answer
    private long lastSettled = System.nanoTime(); // when a connection was last served or failed
    private boolean setupOver;
    private volatile boolean running = true;
    private volatile boolean loading; // false while the connections are set up
    private volatile boolean recording;
    private final java.util.Map<EventLoop, LoadStats> statsByLoop = new java.util.concurrent.ConcurrentHashMap<>();

    LoadRun(LoadSpec spec, Bootstrap bootstrap, java.util.concurrent.Semaphore connectPermits) {
        this.spec = spec;
        this.bootstrap = bootstrap;
        this.connectPermits = connectPermits;
        byte[] request = spec.target().requestBytes();
        this.requestLength = request.length;
        ByteBuf block = Unpooled.directBuffer(request.length * spec.pipeline());
        for (int i = 0; i < spec.pipeline(); i++) {
            block.writeBytes(request);
        }
        this.requestBlock = Unpooled.unreleasableBuffer(block);
    }

    LoadSpec spec() {
        return spec;
    }

    /** The statistics of one event loop (each loop writes only its own). */
    LoadStats statsOf(EventLoop loop) {
        return statsByLoop.computeIfAbsent(loop, l -> new LoadStats(this));
    }

    java.util.Map<EventLoop, LoadStats> allStats() {
        return statsByLoop;
    }

    boolean recording() {
        return recording;
    }

    void recording(boolean on) {
        recording = on;
    }

    boolean running() {
        return running;
    }

    /** Whether set-up is over and the load (warm-up, then the window) is on. */
    boolean loading() {
        return loading;
    }

    /**
     * Set-up is over and the load (warm-up, then the window) begins: returns how many connections were
     * served and how many failed by then, counts that no later answer or failure changes.
     */
    synchronized SetupCounts startLoading() {
        setupOver = true;
        loading = true;
        return new SetupCounts(served, setupErrors);
    }

    /** Connections served (answered) and failed by the end of set-up; the others were never served. */
    record SetupCounts(int served, int setupErrors) {
    }

    void stop() {
        running = false;
    }

    /** n requests back to back, as a view of the pre-encoded block: no copy, nothing to release. */
    ByteBuf requests(int n) {
        return requestBlock.slice(0, n * requestLength);
    }

    Bootstrap bootstrapFor(EventLoop loop, DriverConnection connection) {
        ResponseParser parser = new ResponseParser(spec.expectedBody());
        return bootstrap.clone(loop).handler(new io.netty.channel.ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new ConnectionHandler(connection, parser));
            }
        });
    }

    static Bootstrap baseBootstrap(Class<? extends Channel> channelClass) {
        return new Bootstrap()
                .channel(channelClass)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);
    }

    /**
     * How long a connection holds its permit without an answer: 2 s, or half the request timeout if
     * shorter, so that a request that will time out does so after set-up, where it is counted.
     */
    long setupHoldMillis() {
        return Math.max(1, Math.min(SETUP_HOLD_MILLIS, spec.timeout().toMillis() / 2));
    }

    /** A connection's turn ended (first answer, failure, or held long enough): its permit is free. */
    void releasePermit() {
        connectPermits.release();
    }

    /** A connection's first answer, during set-up (each connection once, and only if it had not failed). */
    synchronized void connectionServed() {
        if (!setupOver) {
            served++;
            lastSettled = System.nanoTime();
        }
    }

    /** A connection failed or was closed before its first answer, during set-up (each connection once). */
    synchronized void setupError() {
        if (!setupOver) {
            setupErrors++;
            lastSettled = System.nanoTime();
        }
    }

    /** How many connections have been served or have failed: their set-up is settled. */
    synchronized int connectionsSettled() {
        return served + setupErrors;
    }

    /** When a connection was last served or failed (set-up's start until one was), in {@link System#nanoTime()}. */
    synchronized long lastSettledNanos() {
        return lastSettled;
    }

    /** Set-up's progress so far starts now (no connection settled before). */
    synchronized void setupStarts(long now) {
        lastSettled = now;
    }

    void releaseBuffers() {
        requestBlock.unwrap().release();
    }
}
