package io.greetbench.netty;

import io.greetbench.core.NamedServerRuntime;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import java.util.List;
import java.util.Optional;

/** The greeting server on Netty with one transport; each transport registers as its own runtime. */
abstract class NettyRuntime extends NamedServerRuntime {
    @Override
    public List<String> libraries() {
        return List.of("io.netty:netty-codec-http", "io.netty:netty-transport-native-epoll", "io.netty:netty-transport-native-io_uring");
    }

    private final NettyTransport transport;

    NettyRuntime(String name, NettyTransport transport, String description) {
        super(name, description);
        this.transport = transport;
    }

    @Override
    public Optional<String> unavailableReason() {
        return transport.unavailableReason();
    }

    @Override
    public RunningServer start(ServerConfig config) throws Exception {
        return NettyServer.start(transport, config);
    }

    /** {@code netty}: the native epoll transport, how Netty is run in production on Linux. */
    public static final class Epoll extends NettyRuntime {
        public Epoll() {
            super("netty", NettyTransport.EPOLL, "Netty 4.2, native epoll transport, event loops");
        }
    }

    /** {@code netty-iouring}: the native io_uring transport. */
    public static final class IoUring extends NettyRuntime {
        public IoUring() {
            super("netty-iouring", NettyTransport.IO_URING, "Netty 4.2, native io_uring transport, event loops");
        }
    }

    /** {@code netty-nio}: the portable JDK NIO transport. */
    public static final class Nio extends NettyRuntime {
        public Nio() {
            super("netty-nio", NettyTransport.NIO, "Netty 4.2, JDK NIO transport, event loops");
        }
    }
}
