package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server's output as kept in its log on this machine: where it says it listens, and its last lines for a message. */
public final class ServerLog {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^\\s]+:(\\d+)");

    private ServerLog() {
    }

    /** The port of its {@code listening on http://HOST:PORT} line, or 0 when it has not said yet. */
    public static int port(String output) {
        Matcher m = LISTENING.matcher(output);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    public static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Its last three lines, and where the log is. */
    public static String tail(Path log) {
        List<String> lines = read(log).lines().filter(l -> !l.isBlank()).toList();
        String last = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return last.isEmpty() ? "(no output; see " + log + ")" : last + " (log: " + log + ")";
    }
}
