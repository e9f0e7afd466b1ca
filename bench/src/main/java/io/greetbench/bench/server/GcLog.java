package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a server's unified GC log ({@code -Xlog:gc,gc+init:file=...:time}): the pauses inside a
 * measured window (how many, how long in total, the longest), the collector the JVM chose, and the
 * largest heap it allowed itself (which, in a memory cgroup, it sized from the limit).
 */
public final class GcLog {
    // [2026-11-25T12:59:01.123+0000] GC(3) Pause Young (Allocation Failure) 25M->3M(64M) 1.234ms
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\].*GC\\(\\d+\\) Pause.* ([0-9.]+)ms\\s*$");
    // [2026-12-02T02:31:35.871+0000] Using Serial
    private static final Pattern COLLECTOR = Pattern.compile("^\\[[^\\]]+\\]\\s+Using (\\S+)\\s*$");
    // [2026-12-02T02:31:35.872+0000] Heap Max Capacity: 226M
    private static final Pattern HEAP_MAX = Pattern.compile("^\\[[^\\]]+\\]\\s+Heap Max Capacity: (\\d+)([KMG]?)\\s*$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private GcLog() {
    }

    /** The JVM flags that make a server write the log this class reads: its pauses, and its collector and heap sizes. */
    public static String flag(Path file) {
        return "-Xlog:gc,gc+init:file=" + file + ":time";
    }

    /** Pauses that started in [fromMillis, toMillis] (epoch ms): {count, total ms, longest ms}; {-1, -1, -1} when unreadable. */
    static double[] pausesBetween(Path file, long fromMillis, long toMillis) {
        double count = 0;
        double total = 0;
        double max = 0;
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = PAUSE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                long at = OffsetDateTime.parse(m.group(1), TIME).toInstant().toEpochMilli();
                if (at >= fromMillis && at <= toMillis) {
                    double ms = Double.parseDouble(m.group(2));
                    count++;
                    total += ms;
                    max = Math.max(max, ms);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new double[] {-1, -1, -1};
        }
        return new double[] {count, total, max};
    }

    /** The collector the log names ({@code Serial}, {@code G1}, {@code Parallel}, {@code ZGC} ...), or null. */
    public static String collector(String log) {
        for (String line : log.split("\n")) {
            Matcher m = COLLECTOR.matcher(line);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The largest heap the JVM allowed itself, bytes, or null when the log does not say. */
    public static Long heapMaxBytes(String log) {
        for (String line : log.split("\n")) {
            Matcher m = HEAP_MAX.matcher(line);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return n * switch (m.group(2)) {
                    case "K" -> 1L << 10;
                    case "M" -> 1L << 20;
                    case "G" -> 1L << 30;
                    default -> 1L;
                };
            }
        }
        return null;
    }

    /** The log's text, or empty when it cannot be read. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
