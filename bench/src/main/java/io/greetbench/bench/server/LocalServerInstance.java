package io.greetbench.bench.server;

import io.greetbench.bench.results.ServerUse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A server process started on this machine: found by the {@code listening on} line of its output,
 * sampled through the local {@code /proc}, stopped by its PID with its descendants.
 */
final class LocalServerInstance implements ServerInstance {
    private static final Duration STOP_BOUND = Duration.ofSeconds(5);

    private final Process process;
    private final ServerCommand command;
    private final Path log;
    private final String address;
    private final ChildProcesses registry;
    private final WindowSampler sampler;
    private int port;

    LocalServerInstance(Process process, ServerCommand command, Path log, String address, ChildProcesses registry) {
        this.process = process;
        this.command = command;
        this.log = log;
        this.address = address;
        this.registry = registry;
        this.sampler = new WindowSampler(process.pid(), command.gcLog());
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public String exitDescription() {
        if (process.isAlive()) {
            return "still running";
        }
        int code = process.exitValue();
        return code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
    }

    @Override
    public void awaitReady(String path, byte[] expectedBody, Duration bound) throws NotReadyException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        port = command.knownPort();
        while (port <= 0) {
            if (!process.isAlive()) {
                throw new NotReadyException("the server exited (" + exitDescription() + ") before listening: " + tail());
            }
            port = ServerLog.port(ServerLog.read(log));
            if (port > 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new NotReadyException("the server did not say where it listens within " + bound.toSeconds() + " s: " + tail());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        String lastProblem = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new NotReadyException("the server exited (" + exitDescription() + "): " + tail());
            }
            try {
                byte[] body = GreetingCheck.get(address, port, path);
                if (Arrays.equals(body, expectedBody)) {
                    return;
                }
                throw new NotReadyException("the server answered wrongly: " + new String(body, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                lastProblem = "no answer (" + e.getMessage() + ")";
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new NotReadyException("the server never became ready within " + bound.toSeconds() + " s: " + lastProblem);
    }

    @Override
    public double cpuSeconds() {
        return sampler.cpuSeconds(); // NaN when gone: the load result and the liveness check will say so
    }

    @Override
    public double jitCpuSeconds() {
        return sampler.jitSeconds();
    }

    @Override
    public void startSampling() {
        sampler.start();
    }

    @Override
    public ServerUse stopSampling() {
        return sampler.stop();
    }

    @Override
    public String tail() {
        return ServerLog.tail(log);
    }

    @Override
    public void close() {
        sampler.close();
        Processes.stop(process.toHandle(), STOP_BOUND);
        registry.remove(process.toHandle());
    }
}
