package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a server's unified GC log ({@code -Xlog:gc:file=...:time}) for the pauses inside a measured
 * window: how many, and how long in total.
 */
public final class GcLog {
    // [2026-11-25T12:59:01.123+0000] GC(3) Pause Young (Allocation Failure) 25M->3M(64M) 1.234ms
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\].*GC\\(\\d+\\) Pause.* ([0-9.]+)ms\\s*$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private GcLog() {
    }

    /** The JVM flags that make a server write the log this class reads. */
    public static String flag(Path file) {
        return "-Xlog:gc:file=" + file + ":time";
    }

    /** Pauses that started in [fromMillis, toMillis] (epoch ms): {count, total ms}. */
    static double[] pausesBetween(Path file, long fromMillis, long toMillis) {
        double count = 0;
        double total = 0;
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = PAUSE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                long at = OffsetDateTime.parse(m.group(1), TIME).toInstant().toEpochMilli();
                if (at >= fromMillis && at <= toMillis) {
                    count++;
                    total += Double.parseDouble(m.group(2));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new double[] {-1, -1};
        }
        return new double[] {count, total};
    }
}
