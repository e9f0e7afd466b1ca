package io.greetbench.bench.stats;

/**
 * What a finding is about, with the words a sentence about it needs: "A costs 12% less CPU per
 * request than B", "A serves 12% fewer requests per second than B".
 */
public enum Metric {
    CPU_PER_REQUEST("CPU per request", "µs", true, "costs", "less", "more"),
    P99_LATENCY("p99 latency", "µs", true, "has", "lower", "higher"),
    P999_LATENCY("p99.9 latency", "µs", true, "has", "lower", "higher"),
    THROUGHPUT("requests per second", "req/s", false, "serves", "fewer", "more"),
    /** Capacity at a CPU budget: requests/s divided by the server's CPU limit. */
    REQUESTS_PER_CPU("requests/s per CPU of budget", "req/s per CPU", false, "serves", "fewer", "more"),
    PEAK_RSS("peak RSS", "KiB", true, "uses", "less", "more");

    private final String label;
    private final String unit;
    private final boolean lowerIsBetter;
    private final String verb;
    private final String smaller;
    private final String larger;

    Metric(String label, String unit, boolean lowerIsBetter, String verb, String smaller, String larger) {
        this.label = label;
        this.unit = unit;
        this.lowerIsBetter = lowerIsBetter;
        this.verb = verb;
        this.smaller = smaller;
        this.larger = larger;
    }

    /** "CPU per request": what the metric is called in a sentence. */
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** "costs", "has", "serves": the verb linking a runtime to its amount. */
    public String verb() {
        return verb;
    }

    /** "less", "lower", "fewer": for a ratio A/B below 1. */
    public String smaller() {
        return smaller;
    }

    /** "more", "higher": for a ratio A/B above 1. */
    public String larger() {
        return larger;
    }

    /** True when a ratio A/B on this metric means A did better than B. */
    public boolean favoursA(double ratio) {
        return lowerIsBetter ? ratio < 1 : ratio > 1;
    }
}
