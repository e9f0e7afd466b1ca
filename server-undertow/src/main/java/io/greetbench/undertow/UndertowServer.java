package io.greetbench.undertow;

import io.greetbench.core.BindFailures;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import org.xnio.Options;

/** A running Undertow server: XNIO I/O threads, plus the worker pool the blocking style uses. */
final class UndertowServer implements RunningServer {
    private final Undertow undertow;
    private final int port;

    private UndertowServer(Undertow undertow, int port) {
        this.undertow = undertow;
        this.port = port;
    }

    /** The most bytes of a request head (request line and headers) Undertow reads. */
    static final int MAX_HEADER_BYTES = 8 * 1024 + 4 * 1024;

    static UndertowServer start(ServerConfig config, HttpHandler handler) throws Exception {
        Undertow undertow = Undertow.builder()
                .addHttpListener(config.port(), config.host())
                .setIoThreads(config.ioThreadsOrDefault())
                .setWorkerThreads(config.workerThreadsOrDefault())
                .setSocketOption(Options.BACKLOG, config.backlog())
                .setSocketOption(Options.TCP_NODELAY, true)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                // The contract decodes the name itself; Undertow decoding it first would refuse bad
                // escapes in the (ignored) query with a bare 400, and do the work twice.
                .setServerOption(UndertowOptions.DECODE_URL, false)
                // Undertow reads request heads of up to 1 MiB by default; the other runtimes refuse a
                // request line over 4 KiB or headers over 8 KiB (Netty's and Vert.x's defaults).
                // Undertow has one limit for both, so it gets their sum.
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                .setHandler(handler)
                .build();
        try {
            undertow.start();
        } catch (Throwable t) {
            undertow.stop();
            throw BindFailures.translate(t, config.host(), config.port());
        }
        int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        return new UndertowServer(undertow, port);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
