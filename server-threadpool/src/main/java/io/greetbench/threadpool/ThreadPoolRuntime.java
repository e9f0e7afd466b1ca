package io.greetbench.threadpool;

import io.greetbench.core.NamedServerRuntime;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The blocking thread-per-connection model, on platform threads or on virtual threads. */
abstract class ThreadPoolRuntime extends NamedServerRuntime {

    ThreadPoolRuntime(String name, String description) {
        super(name, description);
    }

    abstract ExecutorService executor(ServerConfig config);

    @Override
    public RunningServer start(ServerConfig config) throws Exception {
        return BlockingServer.start(config, executor(config));
    }

    /** {@code threadpool}: a fixed pool of platform threads, one connection per thread. */
    public static final class Platform extends ThreadPoolRuntime {
        public Platform() {
            super("threadpool", "JDK sockets, fixed pool of platform threads (default 200), thread per connection");
        }

        @Override
        ExecutorService executor(ServerConfig config) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = r -> new Thread(r, "threadpool-worker-" + count.incrementAndGet());
            return Executors.newFixedThreadPool(config.workerThreadsOrDefault(), factory);
        }
    }

    /** {@code threadpool-virtual}: the same code with a new virtual thread per connection (JDK 21+). */
    public static final class Virtual extends ThreadPoolRuntime {
        public Virtual() {
            super("threadpool-virtual", "JDK sockets, a virtual thread per connection (JDK 21+)");
        }

        @Override
        public Optional<String> unavailableReason() {
            return VirtualThreads.unavailableReason();
        }

        @Override
        ExecutorService executor(ServerConfig config) {
            return VirtualThreads.newThreadPerTaskExecutor();
        }
    }
}
