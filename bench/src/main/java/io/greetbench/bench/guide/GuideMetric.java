package io.greetbench.bench.guide;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.stats.Metric;
import io.greetbench.bench.text.Units;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a guide reference can name a figure by. The first six are the metrics findings.json compares
 * (each has its {@link Metric}); the others are read from results.jsonl only, and no comparison can be
 * made on them, only their values shown.
 */
enum GuideMetric {
    PER_CPU("per-cpu", Metric.REQUESTS_PER_CPU, false, false,
            m -> m.cpuLimit() == null ? null : m.load().requestsPerSecond() / m.cpuLimit(), v -> Units.rate(v) + " req/s per CPU"),
    RPS("rps", Metric.THROUGHPUT, false, false, m -> m.load().requestsPerSecond(), v -> Units.rate(v) + " req/s"),
    CPU("cpu", Metric.CPU_PER_REQUEST, true, false, m -> m.server() == null ? null : m.server().cpuMicrosPerRequest(),
            v -> Units.oneDecimal(v) + " µs"),
    P99("p99", Metric.P99_LATENCY, true, false,
            m -> m.load().latencyMicros() == null ? null : (double) m.load().latencyMicros().p99(), Units::micros),
    P999("p99.9", Metric.P999_LATENCY, true, false,
            m -> m.load().latencyMicros() == null ? null : (double) m.load().latencyMicros().p999(), Units::micros),
    RSS("rss", Metric.PEAK_RSS, true, false,
            m -> m.server() == null || m.server().rssPeakKb() == null ? null : m.server().rssPeakKb().doubleValue(),
            Units::mibFromKb),
    THREADS("threads", null, true, false,
            m -> m.server() == null || m.server().threadsPeak() == null ? null : m.server().threadsPeak().doubleValue(),
            Units::count),
    /** The CPU the server used over the window, in CPUs (against its budget in capacity cells). */
    CPU_USED("cpu-used", null, false, false, m -> m.server() == null ? null : m.server().cpuUtilization(),
            v -> Units.twoDecimals(v) + " CPU"),
    /** Requests that failed in the window (timeouts, resets, wrong answers): a count. */
    ERRORS("errors", null, true, true, m -> (double) m.load().errorCount(), v -> Units.thousands(Math.round(v))),
    TIMEOUTS("timeouts", null, true, true, m -> m.load().errors() == null ? 0.0 : (double) m.load().errors().getOrDefault("timeout", 0L),
            v -> Units.thousands(Math.round(v))),
    /**
     * Connections refused, reset or closed before their first answer: a count. In results recorded before
     * {@code neverServed}, also the connections without a first answer when set-up's deadline passed.
     */
    SETUP_ERRORS("setup-errors", null, true, true,
            m -> m.load().setupErrors() == null ? 0.0 : (double) m.load().setupErrors(), v -> Units.thousands(Math.round(v))),
    /** Connections with no first answer when set-up ended (its deadline, or a stall): a count, not errors. */
    NEVER_SERVED("never-served", null, true, true, m -> (double) m.load().neverServedCount(),
            v -> Units.thousands(Math.round(v))),
    /** How long opening the cell's connections took. */
    SETUP_TIME("setup-time", null, true, false, m -> m.load().setupSeconds(),
            v -> String.format(java.util.Locale.ROOT, "%.1f s", v)),
    /** The start-up scenario's time from process start to the first correct answer (its cell: startup/1). */
    STARTUP("startup", null, true, false, m -> m.startup() == null ? null : m.startup().firstAnswerMillis(),
            v -> v < 1000 ? String.format(java.util.Locale.ROOT, "%.0f ms", v) : String.format(java.util.Locale.ROOT, "%.2f s", v / 1000)),
    /** The start-up scenario's resident memory right after the first answer. */
    STARTUP_RSS("startup-rss", null, true, false,
            m -> m.startup() == null || m.startup().rssKb() == null ? null : m.startup().rssKb().doubleValue(), Units::mibFromKb),
    /**
     * The memory scenario's smallest memory limit that held its largest connection count (cell e.g. memory/10000),
     * one per round, from each search's result; its interval is {@link io.greetbench.bench.stats.BisectedLimit}'s, as the report's.
     */
    MEMORY_LIMIT("memory-limit", null, true, false,
            m -> m.memorySearch() == null || m.memorySearch().foundBytes() == null ? null : m.memorySearch().foundBytes() / 1024.0,
            Units::mibFromKb),
    /** The memory scenario's windows without a limit: the heap in use after a full collection at the window's end. */
    LIVE_HEAP("live-heap", null, true, false,
            m -> m.memory() == null || m.memory().liveHeapBytes() == null ? null : m.memory().liveHeapBytes() / 1024.0,
            Units::mibFromKb);

    final String key;
    /** The metric findings.json compares, or null for a figure read only from the results. */
    final Metric compared;
    final boolean lowerIsBetter;
    /** A count of events: summed over trials ({@code total}) rather than given a median's interval. */
    final boolean count;
    private final Function<Measurement, Number> figure;
    private final Function<Double, String> format;

    GuideMetric(String key, Metric compared, boolean lowerIsBetter, boolean count, Function<Measurement, Number> figure,
            Function<Double, String> format) {
        this.key = key;
        this.compared = compared;
        this.lowerIsBetter = lowerIsBetter;
        this.count = count;
        this.figure = figure;
        this.format = format;
    }

    /** This figure of one measurement, or NaN when it has none. */
    double of(Measurement m) {
        if (m.load() == null && !withoutWindow()) {
            return Double.NaN; // a start-up line or a search's result: no window, so none of a window's figures
        }
        Number n = figure.apply(m);
        return n == null ? Double.NaN : n.doubleValue();
    }

    /** A figure of a line without a load window: a fresh start (the start-up scenario's), or a memory search's result. */
    boolean withoutWindow() {
        return this == STARTUP || this == STARTUP_RSS || this == MEMORY_LIMIT;
    }

    /** "165.2k req/s per CPU", "6.5 µs", "1.69 ms", "137 MiB". */
    String format(double value) {
        return format.apply(value);
    }

    static Optional<GuideMetric> named(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    static Optional<GuideMetric> of(Metric metric) {
        return Arrays.stream(values()).filter(m -> m.compared == metric).findFirst();
    }

    static String keys() {
        return Arrays.stream(values()).map(m -> m.key).collect(Collectors.joining(", "));
    }
}
