package io.greetbench.bench.remote;

import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.server.GreetingCheck;
import io.greetbench.bench.server.ServerCommand;
import io.greetbench.bench.server.ServerInstance;
import io.greetbench.bench.server.ServerLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server on another host: its output arrives over its ssh session into its log here, readiness is
 * checked over the network from here, its use is sampled there ({@link RemoteSampler}), and it is
 * stopped by its PID there. Its GC log is fetched into the log folder here when it stops.
 */
final class SshServerInstance implements ServerInstance {
    private final RemoteHost host;
    private final RemoteSession session;
    private final ServerCommand command;
    private final Path log;
    private final String address;
    private final PrintStream messages;
    private final Runnable onClose;
    private RemoteSampler sampler;
    private int port;
    private boolean closed;

    SshServerInstance(RemoteHost host, RemoteSession session, ServerCommand command, Path log, String address,
            PrintStream messages, Runnable onClose) {
        this.host = host;
        this.session = session;
        this.command = command;
        this.log = log;
        this.address = address;
        this.messages = messages;
        this.onClose = onClose;
    }

    @Override
    public long pid() {
        return session.pid();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean alive() {
        return session.reportedExit() == null && !session.ended();
    }

    @Override
    public String exitDescription() {
        Integer exitCode = session.reportedExit();
        if (exitCode != null) {
            return exitCode > 128 ? "killed by signal " + (exitCode - 128) + " on " + host.name()
                    : "exit code " + exitCode + " on " + host.name();
        }
        return session.ended() ? "the server host " + host.name() + " dropped: " + session.endDescription() : "still running";
    }

    @Override
    public void awaitReady(String path, byte[] expectedBody, Duration bound) throws NotReadyException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        long pid;
        try {
            pid = session.awaitPid(bound);
        } catch (IOException e) {
            throw new NotReadyException("the server did not start on " + host.name() + ": " + e.getMessage() + "; " + tail());
        }
        try {
            sampler = RemoteSampler.start(host, pid, command.gcLog()); // its JVM starts while the server does
        } catch (IOException e) {
            messages.println("greetbench: could not sample the server on " + host.name() + " (" + e.getMessage() + ")");
        }
        port = command.knownPort();
        while (port <= 0) {
            if (!alive()) {
                throw new NotReadyException("the server exited (" + exitDescription() + ") before listening: " + tail());
            }
            port = ServerLog.port(ServerLog.read(log));
            if (port <= 0 && System.nanoTime() > deadline) {
                throw new NotReadyException("the server did not say where it listens within " + bound.toSeconds() + " s: " + tail());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        String lastProblem = "no answer";
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new NotReadyException("the server exited (" + exitDescription() + "): " + tail());
            }
            try {
                byte[] body = GreetingCheck.get(address, port, path);
                if (Arrays.equals(body, expectedBody)) {
                    return;
                }
                throw new NotReadyException("the server answered wrongly: " + new String(body, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                lastProblem = "no answer at " + address + ":" + port + " from here (" + e.getMessage() + ")";
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new NotReadyException("the server never became ready within " + bound.toSeconds() + " s: " + lastProblem);
    }

    @Override
    public String tail() {
        return ServerLog.tail(log);
    }

    @Override
    public double cpuSeconds() {
        return sampler == null ? Double.NaN : sampler.cpuSeconds();
    }

    @Override
    public void startSampling() {
        try {
            if (sampler != null) {
                sampler.startWindow();
            }
        } catch (IOException e) {
            messages.println("greetbench: the sampler on " + host.name() + " failed as the window opened: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ServerUse stopSampling() {
        try {
            return sampler == null ? ServerUse.UNKNOWN : sampler.stopWindow();
        } catch (IOException e) {
            return ServerUse.UNKNOWN; // the server or its host is gone: the liveness check says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ServerUse.UNKNOWN;
        }
    }

    /** Stops the sampler and the server by their PIDs there, checks they are gone, and fetches the GC log. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean reachable = !session.ended() || session.reportedExit() != null;
        report(sampler == null ? null : sampler.stop());
        report(session.stop());
        if (reachable && command.gcLog() != null) {
            fetchGcLog();
        }
        onClose.run();
    }

    private void report(String problem) {
        if (problem != null) {
            messages.println("greetbench: " + problem + "; check by hand (ssh " + host.name() + " ps -p PID)");
        }
    }

    private void fetchGcLog() {
        String remote = command.gcLog().toString();
        try {
            var r = host.ssh().run(host.name(), List.of("sh", "-c", "cat \"$0\" && rm -f \"$0\"", remote), Duration.ofSeconds(30));
            if (r.ok()) {
                Files.writeString(log.resolveSibling(command.gcLog().getFileName()), r.out(), StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            // the GC log stays in the host's scratch folder, removed with it
        }
    }
}
