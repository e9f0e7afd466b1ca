package io.greetbench.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} header value (RFC 9110, IMF-fixdate), formatted at most once a second and
 * shared by every thread: what the TechEmpower entries do with a per-second timer, without a timer.
 */
public final class HttpDate {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static volatile Cached cached = new Cached(-1, "");

    private HttpDate() {
    }

    /** The current date, e.g. {@code Wed, 25 Nov 2026 12:00:00 GMT}. */
    public static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, format(second));
            cached = c;
        }
        return c.value;
    }

    static String format(long epochSecond) {
        return FORMAT.format(Instant.ofEpochSecond(epochSecond));
    }

    private static final class Cached {
        final long second;
        final String value;

        Cached(long second, String value) {
            this.second = second;
            this.value = value;
        }
    }
}
