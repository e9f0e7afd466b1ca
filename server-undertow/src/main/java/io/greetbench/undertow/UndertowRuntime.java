package io.greetbench.undertow;

import io.greetbench.core.NamedServerRuntime;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.util.List;
import java.util.function.Function;

/** The greeting server on Undertow core, answered on the I/O thread or on a worker thread. */
abstract class UndertowRuntime extends NamedServerRuntime {
    @Override
    public List<String> libraries() {
        return List.of("io.undertow:undertow-core", "org.jboss.xnio:xnio-nio");
    }

    private final Function<ServerConfig, HttpHandler> handler;

    UndertowRuntime(String name, String description, Function<ServerConfig, HttpHandler> handler) {
        super(name, description);
        this.handler = handler;
    }

    @Override
    public RunningServer start(ServerConfig config) throws Exception {
        return UndertowServer.start(config, handler.apply(config));
    }

    /** {@code undertow}: the handler runs on the XNIO I/O thread and never blocks. */
    public static final class IoThread extends UndertowRuntime {
        public IoThread() {
            super("undertow", "Undertow core, non-blocking handler on the I/O threads",
                    config -> new GreetingHandler(config.requestWait().toNanos()));
        }
    }

    /** {@code undertow-worker}: every request dispatched to the worker pool and written blocking. */
    public static final class Worker extends UndertowRuntime {
        public Worker() {
            super("undertow-worker", "Undertow core, BlockingHandler on the worker pool (default 200 threads)",
                    config -> new BlockingHandler(new BlockingGreetingHandler(config.requestWait().toMillis())));
        }
    }
}
