package io.greetbench.bench.report;

import java.util.Locale;

/** The {@link Headline} for a terminal: one line per runtime, the same figures as the README's. */
final class TerminalSummary {
    private static final String ROW = "%-19s %12s %9s %10s %12s %10s %9s %8s%n";

    private TerminalSummary() {
    }

    static String render(Headline h) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, ROW, "runtime", "plain req/s", "CPU µs/rq", "plain p99", "io-wait rq/s",
                "wait p99", "RSS", "threads"));
        for (Headline.Row r : h.rows()) {
            sb.append(String.format(Locale.ROOT, ROW, r.runtime(), compact(r.plainRps()), r.cpuPerRequest(), r.plainP99(),
                    compact(r.waitRps()), r.waitP99(), r.rss(), r.threads()));
        }
        sb.append(String.format(Locale.ROOT, "(plaintext at %,d connections, io-wait at %,d, memory and threads in io-wait; "
                + "† driver-bound, ! with errors)%n", h.plaintextConnections(), h.waitConnections()));
        return sb.toString();
    }

    /** "45.4k †" → "45.4k†": marks close to the figure, so columns stay narrow. */
    private static String compact(String rate) {
        return rate.replace(" †", "†").replace(" !", "!");
    }
}
