package io.greetbench.bench.cli;

import io.greetbench.core.RunningServer;
import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerConfig;
import io.greetbench.core.ServerRuntime;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greetbench serve}: one runtime in the foreground until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run one greeting server in the foreground until SIGTERM or Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runtime", required = true, description = "Runtime name (see 'greetbench list').")
    String runtimeName;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to bind, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--io-threads", defaultValue = "0",
            description = "Event-loop / I/O threads (default: one per CPU the JVM sees).")
    int ioThreads;

    @Option(names = "--workers", defaultValue = "0",
            description = "Worker threads of the blocking models (default: " + ServerConfig.DEFAULT_WORKERS + ").")
    int workers;

    @Option(names = "--wait", defaultValue = "0", converter = DurationConverter.class,
            description = "Per-request wait before answering, e.g. 20ms (default: none).")
    Duration wait;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerRuntime runtime;
        try {
            runtime = Runtimes.byName(runtimeName);
        } catch (Runtimes.UnknownRuntimeException e) {
            err.println("greetbench: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Optional<String> unavailable = runtime.unavailableReason();
        if (unavailable.isPresent()) {
            err.println("greetbench: runtime " + runtimeName + " cannot run on this JVM ("
                    + System.getProperty("java.version") + "): " + unavailable.get());
            return ExitCode.USAGE;
        }
        ServerConfig config;
        try {
            config = new ServerConfig(host, port, ioThreads, workers, wait, ServerConfig.DEFAULT_BACKLOG);
        } catch (IllegalArgumentException e) {
            err.println("greetbench: " + e.getMessage());
            return ExitCode.USAGE;
        }
        RunningServer server;
        try {
            server = runtime.start(config);
        } catch (BindException e) {
            err.println("greetbench: cannot listen on " + host + ":" + port + " (" + rootMessage(e)
                    + "); choose another --port, or stop whatever listens there (ss -ltnp 'sport = :" + port + "')");
            return ExitCode.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "greetbench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("listening on http://" + hostForUrl(host) + ":" + server.port() + " (" + runtime.name() + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable t) {
        String message = t.getMessage();
        int colon = message == null ? -1 : message.lastIndexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : String.valueOf(message);
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
