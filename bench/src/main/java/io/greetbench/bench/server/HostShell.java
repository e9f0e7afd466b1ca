package io.greetbench.bench.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs short commands on a host: this machine ({@link #LOCAL}), or another over ssh. What a host's
 * cgroups and its JVM are asked goes through here, so the same code serves every host.
 */
public interface HostShell {
    HostShell LOCAL = new LocalShell();

    /** The host's name for messages: {@code local}, or as named on the command line. */
    String host();

    /** Whether this is this machine. */
    default boolean local() {
        return false;
    }

    /**
     * Runs {@code argv} there and waits for it, at most {@code bound} (then it is stopped). An
     * IOException when it could not run or ran out of time, naming the host.
     */
    Result run(List<String> argv, Duration bound) throws IOException;

    /** How a command ended: its exit code and what it printed on stdout and stderr. */
    record Result(int exit, String out, String err) {
        public boolean ok() {
            return exit == 0;
        }

        /** Its last line of stderr (else of stdout), for an error message. */
        public String lastLine() {
            String text = err.isBlank() ? out : err;
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
        }
    }
}
