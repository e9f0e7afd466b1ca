package io.greetbench.bench.remote;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A process on another host as greetbench started it: its PID there and its start time (field 22
 * of {@code /proc/PID/stat}, clock ticks since boot). Once a process has ended and been reaped its
 * PID may go to any new process; the pair does not. So every signal greetbench sends there is
 * checked against the pair first, in the same shell command ({@link #FUNCTIONS}); what remains is the
 * moment between that check and {@code kill}, which POSIX shells cannot close.
 */
record RemotePid(long pid, String startTime) {
    /**
     * Shell functions for the host: {@code started PID} prints the start time of PID; {@code same PID
     * START} succeeds while PID is the process that started at START and has not ended (a zombie has).
     * The fields are read after the last ") ": a process's name, in parentheses, may hold anything.
     */
    static final String FUNCTIONS = "fields() { sed 's/^.*) //' \"/proc/$1/stat\" 2>/dev/null; }\n"
            + "started() { set -- $(fields \"$1\"); echo \"${20}\"; }\n"
            + "same() { want=$2; set -- $(fields \"$1\"); [ $# -ge 20 ] && [ \"$1\" != Z ] && [ \"${20}\" = \"$want\" ]; }\n";

    /** SIGTERM, then SIGKILL after 5 s, each only while it is the same process; exit 1 when it survived both. */
    private static final String STOP = FUNCTIONS
            + "pid=$0 start=$1\n"
            + "same $pid $start || exit 0\n"
            + "kill $pid 2>/dev/null\n"
            + "i=0; while same $pid $start && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done\n"
            + "same $pid $start || exit 0\n"
            + "kill -9 $pid 2>/dev/null; sleep 0.3\n"
            + "same $pid $start && exit 1 || exit 0\n";

    /** The identity in a {@code "PID START"} line as a wrapper prints it, or null when it holds none. */
    static RemotePid parse(String text) {
        String[] words = text.trim().split(" ");
        if (words.length != 2 || !words[0].matches("[1-9][0-9]{0,9}") || !words[1].matches("[0-9]{1,20}")) {
            return null;
        }
        return new RemotePid(Long.parseLong(words[0]), words[1]);
    }

    /**
     * Stops it on {@code host}, if it still runs there, and checks it is gone, in one connection. Null
     * when it is gone (or another process holds its PID now, which is left alone); else what is wrong.
     */
    String stop(Ssh ssh, String host) {
        try {
            var r = ssh.run(host, List.of("sh", "-c", STOP, String.valueOf(pid), startTime), Duration.ofSeconds(30));
            return r.ok() ? null : "process " + pid + " on " + host + " survived SIGKILL";
        } catch (Ssh.Unreachable e) {
            return "could not check that process " + pid + " on " + host + " stopped: it cannot be reached (" + e.sshSaid + ")";
        } catch (IOException e) {
            return "could not check that process " + pid + " on " + host + " stopped: " + e.getMessage();
        }
    }
}
