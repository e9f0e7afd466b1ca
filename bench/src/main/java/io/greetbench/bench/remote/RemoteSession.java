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
 * One long-running process on another host, over one ssh session. It says its PID and start time
 * there first ({@code greetbench-pid N START}); its output arrives line by line; its stdin carries
 * commands; stdin closing, or the session dropping, is its signal to end; and {@link #stop} kills it
 * there only if it has not ended by then, and only while its PID is still that process's ({@link RemotePid}).
 */
final class RemoteSession {
    static final String PID_MARK = "greetbench-pid ";
    static final String EXIT_MARK = "greetbench-exit ";
    private static final String END = "\u0000end"; // queued when the output ends
    private static final int TAIL_LINES = 20;
    /** How long a process has to end by itself once its stdin closed, before it is signalled. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    /** How the process is started there, and so how its end becomes known here. */
    enum Wrapper {
        /**
         * It says its PID, then becomes {@code "$@"} (exec: the same PID). Its exit status is the
         * session's: an ssh exit code other than 255 (the connection's failure) means it has ended.
         */
        EXEC(RemotePid.FUNCTIONS + "echo \"" + PID_MARK + "$$ $(started $$)\"; exec \"$@\""),
        /**
         * A server: started in the background, its PID said, stopped when this session's stdin closes
         * (the orchestrator went away), its exit code said as {@code greetbench-exit N} once it was
         * reaped. Its output and the session's are the server's log.
         */
        WATCHED(RemotePid.FUNCTIONS
                + "exec 3<&0\n" // this session's stdin, kept: a background job's own stdin is /dev/null
                + "\"$@\" 3<&- & pid=$!\n"
                + "start=$(started $pid)\n" // not reaped before 'wait': its PID is still its own
                + "echo \"" + PID_MARK + "$pid $start\"\n"
                + "( cat <&3 >/dev/null 2>&1; same $pid \"$start\" && kill $pid 2>/dev/null ) >/dev/null 2>&1 & watch=$!\n"
                + "exec 3<&-\n"
                + "wait $pid; code=$?\n"
                + "kill $watch 2>/dev/null\n"
                + "echo \"" + EXIT_MARK + "$code\"\n"
                + "exit $code\n");

        final String script;

        Wrapper(String script) {
            this.script = script;
        }
    }

    private final Ssh ssh;
    private final String host;
    private final Wrapper wrapper;
    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> errTail = new ArrayDeque<>();
    private final Object pidLock = new Object();
    private volatile RemotePid id;
    private volatile String pidProblem;
    private volatile Integer exitMark;
    private volatile boolean stopped;
    private volatile String lastLine = "";
    private volatile boolean outputEnded;

    private RemoteSession(Ssh ssh, String host, Wrapper wrapper, Process process, boolean keepLines,
            Consumer<String> everyLine) {
        this.ssh = ssh;
        this.host = host;
        this.wrapper = wrapper;
        this.process = process;
        this.stdin = process.getOutputStream();
        read(process.getInputStream(), line -> {
            if (id == null && pidProblem == null && line.startsWith(PID_MARK)) {
                synchronized (pidLock) {
                    id = RemotePid.parse(line.substring(PID_MARK.length()));
                    pidProblem = id == null ? "the process on " + host + " has no PID and start time greetbench can check "
                            + "('" + line + "'): greetbench needs Linux's /proc/PID/stat there" : null;
                    pidLock.notifyAll();
                }
            } else if (wrapper == Wrapper.WATCHED && line.matches(EXIT_MARK + "[0-9]{1,3}")) {
                exitMark = Integer.parseInt(line.substring(EXIT_MARK.length()));
            } else if (keepLines) {
                lines.add(line);
            }
            everyLine.accept(line);
        }, true);
        read(process.getErrorStream(), this::keepErr, false);
    }

    /**
     * Runs {@code argv} on {@code host} under {@code wrapper}. {@code everyLine} sees each line of
     * output (stdout; also stderr when {@code merged}); unless merged, the lines are also kept for
     * {@link #nextLine}.
     */
    static RemoteSession start(Ssh ssh, String host, Wrapper wrapper, List<String> argv, boolean merged,
            Consumer<String> everyLine) throws IOException {
        List<String> remote = new java.util.ArrayList<>(List.of("sh", "-c", wrapper.script, "greetbench"));
        remote.addAll(argv);
        return new RemoteSession(ssh, host, wrapper, ssh.start(host, remote, merged), !merged, everyLine);
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
            // until all its output is read, not merely until it ended: it may have said its PID and ended since
            while (id == null && pidProblem == null && !outputEnded && System.nanoTime() < deadline) {
                pidLock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
        if (pidProblem != null) {
            throw new IOException(pidProblem);
        }
        if (id == null) {
            if (outputEnded) {
                process.waitFor(2, TimeUnit.SECONDS); // for its exit code, in the message
            }
            throw new IOException(outputEnded ? "the session to " + host + " ended at once (" + endDescription() + ")"
                    : host + " did not start the process within " + bound.toSeconds() + " s");
        }
        return id.pid();
    }

    /** Its PID there, or -1 before it was said. */
    long pid() {
        RemotePid known = id;
        return known == null ? -1 : known.pid();
    }

    /**
     * Its exit code, once the host said it ended (then its PID may be another process's already), or
     * null: still running, or unknown because the connection failed first.
     */
    Integer reportedExit() {
        if (wrapper == Wrapper.WATCHED) {
            return exitMark;
        }
        return ended() && process.exitValue() != Ssh.CONNECTION_FAILED ? process.exitValue() : null;
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
     * Stops it: stdin closed (its signal to end); if it has not said within a few seconds that it
     * ended, by PID there (SIGTERM, SIGKILL), checked, and only while that PID is still its own; the
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
        String problem = null;
        try {
            awaitEnd(GRACE);
            RemotePid known = id;
            if (known != null && reportedExit() == null) {
                problem = known.stop(ssh, host);
            }
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
        if (id == null && problem == null && !ended()) {
            problem = "a process on " + host + " never said its PID";
        }
        return problem;
    }

    /** Waits at most {@code bound} for all its output to be read and the session to end. */
    private void awaitEnd(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (pidLock) {
            while (!outputEnded && System.nanoTime() < deadline) {
                pidLock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
        process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
