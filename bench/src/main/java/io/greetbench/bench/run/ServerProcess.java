package io.greetbench.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server started as a process of its own, pinned with {@code taskset}; its output goes to a log
 * file. Stopped with SIGTERM, then SIGKILL after a bound, descendants included: nothing is left.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private static final Duration STOP_BOUND = Duration.ofSeconds(5);

    private final Process process;
    private final Path log;
    private final ChildProcesses registry;
    private int port;

    private ServerProcess(Process process, Path log, ChildProcesses registry) {
        this.process = process;
        this.log = log;
        this.registry = registry;
    }

    /** Starts {@code command} under {@code taskset -c cpus}, output to {@code log}. */
    static ServerProcess start(List<String> command, String cpus, Path log, ChildProcesses registry) throws IOException {
        List<String> pinned = new java.util.ArrayList<>(List.of("taskset", "-c", cpus));
        pinned.addAll(command);
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(pinned).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        registry.add(p.toHandle()); // stops it at once if the run is being interrupted
        return new ServerProcess(p, log, registry);
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** How the process ended, for a person: "exit code 1", "killed by signal 9". */
    String exitDescription() {
        if (process.isAlive()) {
            return "still running";
        }
        int code = process.exitValue();
        return code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
    }

    /**
     * Waits for the process to say where it listens (or uses {@code knownPort}), then for a correct
     * greeting on {@code path}. Throws {@link NotReadyException} with the reason a person needs.
     */
    void awaitReady(int knownPort, String path, byte[] expectedBody, Duration bound) throws NotReadyException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        port = knownPort;
        while (port <= 0) {
            if (!process.isAlive()) {
                throw new NotReadyException("the server exited (" + exitDescription() + ") before listening: " + tail());
            }
            Matcher m = LISTENING.matcher(readLog());
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
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
                byte[] body = get(port, path);
                if (java.util.Arrays.equals(body, expectedBody)) {
                    return;
                }
                throw new NotReadyException("the server answered wrongly: "
                        + new String(body, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                lastProblem = "no answer (" + e.getMessage() + ")";
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new NotReadyException("the server never became ready within " + bound.toSeconds() + " s: " + lastProblem);
    }

    /** One GET with {@code Connection: close}; the body, however it is framed. */
    private static byte[] get(int port, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int head = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 200") || head < 0) {
                throw new IOException("not a 200: " + text.lines().findFirst().orElse("(nothing)"));
            }
            return java.util.Arrays.copyOfRange(all, head + 4, all.length);
        }
    }

    private String readLog() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the server's output, for an error message. */
    String tail() {
        List<String> lines = readLog().lines().filter(l -> !l.isBlank()).toList();
        String last = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return last.isEmpty() ? "(no output; see " + log + ")" : last + " (log: " + log + ")";
    }

    /** SIGTERM, then SIGKILL after a bound; the same for every descendant. Returns when all are gone. */
    @Override
    public void close() {
        stop(process.toHandle(), STOP_BOUND);
        registry.remove(process.toHandle());
    }

    static void stop(ProcessHandle handle, Duration bound) {
        List<ProcessHandle> family = new java.util.ArrayList<>(handle.descendants().toList());
        family.add(0, handle);
        family.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + bound.toNanos();
        for (ProcessHandle h : family) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : family) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a process that outlives SIGKILL is the kernel's to reap
            }
        }
    }

    /** Why a server could not be measured. */
    static final class NotReadyException extends Exception {
        NotReadyException(String message) {
            super(message);
        }
    }
}
