package io.greetbench.bench.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One long-running process on another host, over one ssh session. It says its PID there first
 * ({@code greetbench-pid N}); its output arrives line by line; its stdin carries commands; stdin
 * closing, or the session dropping, is its signal to end; and {@link #stop} kills it by that PID
 * there and checks that it is gone.
 */
final class RemoteSession {
    static final String PID_MARK = "greetbench-pid ";
    private static final String END = "\u0000end"; // queued when the output ends
    private static final int TAIL_LINES = 20;

    /** A command that says its PID, then becomes {@code "$@"} (exec: the same PID). */
    static final String EXEC = "echo \"" + PID_MARK + "$$\"; exec \"$@\"";

    /**
     * A server: started in the background, its PID said, stopped when this session's stdin closes
     * (the orchestrator went away), its exit code said as {@code greetbench-exit N}. Its output and the
     * session's are the server's log.
     */
    static final String WATCHED = "exec 3<&0\n" // this session's stdin, kept: a background job's own stdin is /dev/null
            + "\"$@\" 3<&- & pid=$!\n"
            + "echo \"" + PID_MARK + "$pid\"\n"
            + "( cat <&3 >/dev/null 2>&1; kill $pid 2>/dev/null ) >/dev/null 2>&1 & watch=$!\n"
            + "exec 3<&-\n"
            + "wait $pid; code=$?\n"
            + "kill $watch 2>/dev/null\n"
            + "echo \"greetbench-exit $code\"\n"
            + "exit $code\n";

    private final Ssh ssh;
    private final String host;
    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> errTail = new ArrayDeque<>();
    private final Object pidLock = new Object();
    private volatile long pid = -1;
    private volatile boolean stopped;
    private volatile String lastLine = "";
    private volatile boolean outputEnded;

    private RemoteSession(Ssh ssh, String host, Process process, boolean keepLines, Consumer<String> everyLine) {
        this.ssh = ssh;
        this.host = host;
        this.process = process;
        this.stdin = process.getOutputStream();
        read(process.getInputStream(), line -> {
            if (pid < 0 && line.startsWith(PID_MARK)) {
                synchronized (pidLock) {
                    pid = Long.parseLong(line.substring(PID_MARK.length()).trim());
                    pidLock.notifyAll();
                }
            } else if (keepLines) {
                lines.add(line);
            }
            everyLine.accept(line);
        }, true);
        read(process.getErrorStream(), this::keepErr, false);
    }

    /**
     * Runs {@code argv} on {@code host} under {@code wrapper} ({@link #EXEC} or {@link #WATCHED}).
     * {@code everyLine} sees each line of output (stdout; also stderr when {@code merged}); unless
     * merged, the lines are also kept for {@link #nextLine}.
     */
    static RemoteSession start(Ssh ssh, String host, String wrapper, List<String> argv, boolean merged,
            Consumer<String> everyLine) throws IOException {
        List<String> remote = new java.util.ArrayList<>(List.of("sh", "-c", wrapper, "greetbench"));
        remote.addAll(argv);
        return new RemoteSession(ssh, host, ssh.start(host, remote, merged), !merged, everyLine);
    }

    private void read(InputStream in, Consumer<String> sink, boolean isStdout) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (isStdout) {
                        lastLine = line;
                    }
                    try {
                        sink.accept(line);
                    } catch (RuntimeException e) {
                        // a line nobody could take: the next ones still come
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the session ended
            }
            if (isStdout) {
                outputEnded = true;
                lines.add(END);
                synchronized (pidLock) {
                    pidLock.notifyAll();
                }
            }
        }, "greetbench-ssh-" + host);
        t.setDaemon(true);
        t.start();
    }

    private void keepErr(String line) {
        synchronized (errTail) {
            errTail.addLast(line);
            if (errTail.size() > TAIL_LINES) {
                errTail.removeFirst();
            }
        }
    }

    String host() {
        return host;
    }

    /** Its PID there, once said; waits at most {@code bound}. */
    long awaitPid(Duration bound) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (pidLock) {
            while (pid < 0 && !ended() && System.nanoTime() < deadline) {
                pidLock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
        if (pid < 0) {
            throw new IOException(ended() ? "the session to " + host + " ended at once (" + endDescription() + ")"
                    : host + " did not start the process within " + bound.toSeconds() + " s");
        }
        return pid;
    }

    long pid() {
        return pid;
    }

    /** Sends one line to its stdin. */
    synchronized void send(String line) throws IOException {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new IOException(host + " dropped (" + endDescription() + ")");
        }
    }

    /** Its next line of output, waiting at most {@code bound}; an IOException naming the host when it ended or ran over. */
    String nextLine(Duration bound) throws IOException, InterruptedException {
        String line = lines.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IOException(host + " did not answer within " + bound.toSeconds() + " s");
        }
        if (line.equals(END)) {
            lines.add(END); // for the next caller too
            throw new IOException(host + " dropped (" + endDescription() + ")");
        }
        return line;
    }

    /** Whether all its output has been read: the process there ended, or the connection dropped. */
    boolean outputEnded() {
        return outputEnded;
    }

    /** Its last line of output so far. */
    String lastLine() {
        return lastLine;
    }

    /** Whether the session ended (the process there ended, or the connection dropped). */
    boolean ended() {
        return !process.isAlive();
    }

    /** How the session ended, for a person: ssh's exit code and its last words. */
    String endDescription() {
        if (!ended()) {
            return "still running";
        }
        String last;
        synchronized (errTail) {
            last = errTail.isEmpty() ? "" : ": " + errTail.getLast().strip();
        }
        int code = process.exitValue();
        return (code == Ssh.CONNECTION_FAILED ? "the ssh connection ended" : "ssh exited with " + code) + last;
    }

    /** Its last lines of stderr (not merged), for a message. */
    String errTail() {
        synchronized (errTail) {
            return String.join(" | ", errTail);
        }
    }

    /**
     * Stops it: stdin closed (its signal to end), then by PID there (SIGTERM, SIGKILL), checked; the
     * ssh process here ends too. Null when all is gone; else what could not be checked, for a person.
     */
    String stop() {
        if (stopped) {
            return null;
        }
        stopped = true;
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
        String problem = pid > 0 ? ssh.stop(host, pid) : null;
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (pid < 0 && problem == null && !ended()) {
            problem = "a process on " + host + " never said its PID";
        }
        return problem;
    }

    /** This session's ssh process, here. */
    ProcessHandle localHandle() {
        return process.toHandle();
    }
}
