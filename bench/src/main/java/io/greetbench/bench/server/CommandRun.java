package io.greetbench.bench.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a process to its end within a bound, collecting its stdout and stderr; stopped by PID when over time. */
public final class CommandRun {
    private CommandRun() {
    }

    /**
     * Runs {@code pb} (its stdin closed at once), at most {@code bound}; {@code what} names it in the
     * IOException for one that cannot start or runs over.
     */
    public static HostShell.Result run(ProcessBuilder pb, Duration bound, String what) throws IOException {
        return run(pb, new byte[0], bound, what);
    }

    /** {@link #run}, with {@code stdin} written to the process's stdin (then closed). */
    public static HostShell.Result run(ProcessBuilder pb, byte[] stdin, Duration bound, String what) throws IOException {
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // it ended without reading: its exit code and output will say why
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = drain(p.getInputStream(), out);
        Thread errReader = drain(p.getErrorStream(), err);
        try {
            if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                Processes.stop(p.toHandle(), Duration.ofSeconds(2));
                throw new IOException(what + " did not finish within " + bound.toSeconds() + " s");
            }
            outReader.join(2000);
            errReader.join(2000);
        } catch (InterruptedException e) {
            Processes.stop(p.toHandle(), Duration.ofSeconds(2));
            Thread.currentThread().interrupt();
            throw new IOException(what + " was interrupted");
        }
        synchronized (out) {
            synchronized (err) {
                return new HostShell.Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream into) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (into) {
                        into.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended: what was read stands
            }
        }, "greetbench-command-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
