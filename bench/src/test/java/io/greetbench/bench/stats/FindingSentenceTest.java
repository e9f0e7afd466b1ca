package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sentences say what the interval allows, with the metric's own words. */
class FindingSentenceTest {
    private static final CellKey CELL = CellKey.closedLoop("plaintext", 64);

    private static Finding finding(Metric metric, double low, double ratio, double high, int trials, Verdict verdict) {
        return new Finding(CELL, metric, "netty", "vertx", ratio, low, high, trials, trials, verdict);
    }

    @Test
    void significantLessCpu() {
        assertEquals("netty costs 12% less CPU per request than vertx (95% CI 6.1–18%)",
                finding(Metric.CPU_PER_REQUEST, 0.82, 0.88, 0.939, 5, Verdict.SIGNIFICANT).sentence());
    }

    @Test
    void smallEffectsKeepADecimal() {
        assertEquals("netty costs 4.7% less CPU per request than vertx (95% CI 2.0–8.0%)",
                finding(Metric.CPU_PER_REQUEST, 0.92, 0.953, 0.98, 5, Verdict.SIGNIFICANT).sentence());
    }

    @Test
    void significantFewerAndMoreRequestsAndHigherLatency() {
        assertEquals("netty serves 20% fewer requests per second than vertx (95% CI 10–30%)",
                finding(Metric.THROUGHPUT, 0.7, 0.8, 0.9, 5, Verdict.SIGNIFICANT).sentence());
        assertEquals("netty serves 25% more requests per second than vertx (95% CI 10–40%)",
                finding(Metric.THROUGHPUT, 1.1, 1.25, 1.4, 5, Verdict.SIGNIFICANT).sentence());
        assertEquals("netty has 25% higher p99 latency than vertx (95% CI 10–40%)",
                finding(Metric.P99_LATENCY, 1.1, 1.25, 1.4, 5, Verdict.SIGNIFICANT).sentence());
    }

    @Test
    void cannotTellApart() {
        assertEquals("netty and vertx cannot be told apart on CPU per request in this run (ratio netty/vertx 95% CI 88–107%)",
                finding(Metric.CPU_PER_REQUEST, 0.88, 0.97, 1.07, 5, Verdict.CANNOT_TELL_APART).sentence());
    }

    @Test
    void distinguishableButBelowTheThreshold() {
        assertEquals("netty and vertx cannot be told apart on CPU per request in this run: the 3.0% difference is"
                + " below the threshold for a finding (ratio netty/vertx 95% CI 95.5–98.5%)",
                finding(Metric.CPU_PER_REQUEST, 0.955, 0.97, 0.985, 5, Verdict.CANNOT_TELL_APART).sentence());
    }

    @Test
    void singleTrial() {
        Finding f = new Finding(CELL, Metric.CPU_PER_REQUEST, "netty", "vertx", 0.93, 0.93, 0.93, 1, 3,
                Verdict.CANNOT_TELL_APART);
        assertEquals("netty and vertx cannot be told apart on CPU per request in this run: a single trial gives no"
                + " interval (ratio netty/vertx 93%, trials 1 and 3)", f.sentence());
    }

    @Test
    void nearlyAllOfItIsNeverRoundedToAllOfIt() {
        assertEquals("netty has 99.5% lower p99 latency than vertx (95% CI 2.2–99.9%)",
                finding(Metric.P99_LATENCY, 0.0002, 0.0046, 0.978, 5, Verdict.SIGNIFICANT).sentence());
    }

    @Test
    void aRatioIntervalIsRoundedOutwardsSoThatItNeverSeemsToExcludeOne() {
        assertEquals("netty and vertx cannot be told apart on CPU per request in this run (ratio netty/vertx 95% CI 99–156%)",
                finding(Metric.CPU_PER_REQUEST, 0.9968, 1.37, 1.552, 5, Verdict.CANNOT_TELL_APART).sentence());
    }

    private static Finding judged(Metric metric, double low, double ratio, double high, Verdict verdict, Double p, Double q) {
        return new Finding(CELL, metric, "netty", "vertx", ratio, low, high, 5, 5, verdict, p, q, Pairing.PAIRED_BY_ROUND, 5);
    }

    @Test
    void aFindingSaysItsQ() {
        assertEquals("netty costs 12% less CPU per request than vertx (95% CI 6.1–18%, q = 0.012)",
                judged(Metric.CPU_PER_REQUEST, 0.82, 0.88, 0.939, Verdict.SIGNIFICANT, 0.0079, 0.012).sentence());
    }

    @Test
    void differentButOfUnclearSize() {
        assertEquals("netty and vertx differ on requests per second, size unclear: netty serves 21% more (95% CI 0.01–50%, "
                + "reaching under the threshold, q = 0.0079)",
                judged(Metric.THROUGHPUT, 1.0001, 1.21, 1.50, Verdict.SIZE_UNCLEAR, 0.0079, 0.0079).sentence());
    }

    @Test
    void aClearDifferenceUnderTheThreshold() {
        assertEquals("netty and vertx differ on CPU per request by less than the threshold: netty costs 3.0% less "
                + "(95% CI 1.5–4.5%, q = 0.02)",
                judged(Metric.CPU_PER_REQUEST, 0.955, 0.97, 0.985, Verdict.BELOW_THRESHOLD, 0.01, 0.02).sentence());
    }

    @Test
    void notSignificantOnceAllPairsAreCounted() {
        assertEquals("netty and vertx cannot be told apart on CPU per request in this run once all its pairs are counted "
                + "(ratio netty/vertx 95% CI 80–95%, p = 0.032, q = 0.09)",
                judged(Metric.CPU_PER_REQUEST, 0.80, 0.88, 0.95, Verdict.NOT_SIGNIFICANT, 0.0317, 0.09).sentence());
    }
}
