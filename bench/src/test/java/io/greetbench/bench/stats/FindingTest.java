package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A finding from trials, turned around, and through findings.json and back. */
class FindingTest {
    private static final CellKey AT_RATE = new CellKey("latency-at-rate", 64, 50);

    @Test
    void measuredFromTrials() {
        Finding f = Finding.measure(AT_RATE, Metric.P99_LATENCY, "netty", new double[] {100, 102, 98, 101, 99},
                "vertx", new double[] {200, 204, 196, 202, 198}, new Bootstrap(), new FindingRule());
        assertEquals(0.5, f.ratio(), 0.01);
        assertTrue(f.ratioHigh() < 1);
        assertEquals(5, f.trialsA());
        assertEquals(5, f.ratioInterval().n());
        assertEquals(Pairing.UNPAIRED, f.pairing(), "arrays carry no rounds");
        assertEquals(2.0 / 252, f.p(), 1e-12, "apart in every trial: the least p five trials a side can give");
        assertNull(f.q(), "not yet adjusted over a run");
        assertEquals(Verdict.SIGNIFICANT, f.verdict());
        assertEquals(Optional.of("netty"), f.better(), "lower p99 is better");
    }

    @Test
    void fourTrialsOnASideClaimNothingAndGetNoPValue() {
        Finding f = Finding.measure(AT_RATE, Metric.P99_LATENCY, "netty", new double[] {100, 102, 98, 101, 99},
                "vertx", new double[] {200, 204, 196, 202}, new Bootstrap(), new FindingRule());
        assertEquals(Verdict.TOO_FEW_TRIALS, f.verdict());
        assertNull(f.p());
        assertEquals(Optional.empty(), f.better());
        assertTrue(f.sentence().contains("5 and 4 trials, fewer than 5 on a side, support no claim"), f.sentence());
    }

    @Test
    void sharedRoundsArePairedAndTheRestIsNot() {
        // a disturbance shared within each round: the per-round ratio is 0.5 throughout
        Map<Integer, Double> a = Map.of(1, 100.0, 2, 150.0, 3, 90.0, 4, 120.0, 5, 110.0, 6, 95.0);
        Map<Integer, Double> b = Map.of(1, 200.0, 2, 300.0, 3, 180.0, 4, 240.0, 5, 220.0, 7, 400.0);
        Bootstrap bootstrap = new Bootstrap();
        FindingRule rule = new FindingRule();
        Finding paired = Finding.measure(AT_RATE, Metric.P99_LATENCY, "netty", a, "vertx", b, bootstrap, rule);
        assertEquals(Pairing.PAIRED_BY_ROUND, paired.pairing());
        assertEquals(5, paired.rounds(), "rounds 1-5 are shared; 6 and 7 are not");
        assertEquals(new Interval(0.5, 0.5, 0.5, 5), paired.ratioInterval());
        assertEquals(6, paired.trialsA());
        assertNotNull(paired.p(), "the p-value uses every trial of both");
        Finding unpaired = Finding.measure(AT_RATE, Metric.P99_LATENCY, "netty", Map.of(1, 100.0, 2, 150.0, 3, 90.0, 4, 120.0,
                6, 95.0), "vertx", Map.of(1, 200.0, 2, 300.0, 3, 180.0, 4, 240.0, 7, 400.0), bootstrap, rule);
        assertEquals(Pairing.UNPAIRED, unpaired.pairing(), "four shared rounds are too few to pair");
        assertNull(unpaired.rounds());
        assertTrue(unpaired.ratioHigh() / unpaired.ratioLow() > 1.2, "unpaired, the shared disturbance widens it: " + unpaired);
    }

    @Test
    void higherIsBetterForThroughput() {
        Finding f = new Finding(AT_RATE, Metric.THROUGHPUT, "netty", "vertx", 0.8, 0.7, 0.9, 5, 5, Verdict.SIGNIFICANT);
        assertEquals(Optional.of("vertx"), f.better());
        assertEquals(Optional.empty(), new Finding(AT_RATE, Metric.THROUGHPUT, "netty", "vertx", 0.8, 0.7, 1.1, 5, 5,
                Verdict.CANNOT_TELL_APART).better());
    }

    @Test
    void reversedReadsBAgainstA() {
        Finding f = new Finding(AT_RATE, Metric.CPU_PER_REQUEST, "netty", "vertx", 0.8, 0.5, 1.25, 3, 5, Verdict.CANNOT_TELL_APART);
        Finding r = f.reversed();
        assertEquals(new Finding(AT_RATE, Metric.CPU_PER_REQUEST, "vertx", "netty", 1.25, 0.8, 2.0, 5, 3,
                Verdict.CANNOT_TELL_APART), r);
    }

    @Test
    void refusesAPairOfOne() {
        assertThrows(IllegalArgumentException.class, () -> new Finding(AT_RATE, Metric.THROUGHPUT, "netty", "netty",
                1, 1, 1, 3, 3, Verdict.CANNOT_TELL_APART));
    }

    @Test
    void throughJsonAndBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Finding atRate = new Finding(AT_RATE, Metric.P99_LATENCY, "netty", "vertx", 0.9, 0.85, 0.95, 5, 5, Verdict.SIGNIFICANT);
        Finding closed = new Finding(CellKey.closedLoop("plaintext", 256), Metric.THROUGHPUT, "undertow", "netty",
                1.01, 0.95, 1.07, 3, 3, Verdict.CANNOT_TELL_APART);
        Findings file = Findings.of(new Bootstrap(), new FindingRule(), List.of(atRate, closed));

        String text = json.writeValueAsString(file);
        assertEquals(file, json.readValue(text, Findings.class));
        assertTrue(text.contains("\"seed\":13"), text);
        assertTrue(text.contains("\"cell\":{\"scenario\":\"latency-at-rate\",\"connections\":64,\"ratePercent\":50}"), text);
        assertTrue(text.contains("\"cell\":{\"scenario\":\"plaintext\",\"connections\":256}"), text);
        assertTrue(text.contains("\"metric\":\"P99_LATENCY\""), text);
        assertTrue(text.contains("\"trialsA\":5"), text);
        assertTrue(text.contains("\"verdict\":\"CANNOT_TELL_APART\""), text);
        assertFalse(text.contains("sentence") || text.contains("significant\"") || text.contains("better"), text);
        assertFalse(text.contains("\"p\"") || text.contains("pairing"), "an older finding writes no p, q or pairing: " + text);
    }

    @Test
    void pQAndPairingThroughJsonAndBackAndAnOlderFileStillReads() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Finding f = new Finding(AT_RATE, Metric.P99_LATENCY, "netty", "vertx", 0.9, 0.85, 0.94, 5, 5, Verdict.SIGNIFICANT,
                0.0079, 0.012, Pairing.PAIRED_BY_ROUND, 5);
        Findings file = Findings.of(new Bootstrap(), new FindingRule(), List.of(f));
        String text = json.writeValueAsString(file);
        assertEquals(file, json.readValue(text, Findings.class));
        assertTrue(text.contains("\"p\":0.0079,\"q\":0.012,\"pairing\":\"PAIRED_BY_ROUND\",\"rounds\":5"), text);
        assertTrue(text.contains("\"fdr\":0.05,\"minTrials\":5,\"pairsTested\":1,\"findingsStated\":1,"
                + "\"expectedFalseFindings\":0.05"), text);
        assertTrue(file.accountsForManyComparisons());
        Findings older = json.readValue("{\"seed\":13,\"resamples\":10000,\"confidence\":0.95,\"threshold\":0.05,"
                + "\"findings\":[{\"cell\":{\"scenario\":\"plaintext\",\"connections\":64},\"metric\":\"THROUGHPUT\","
                + "\"runtimeA\":\"a\",\"runtimeB\":\"b\",\"ratio\":1.21,\"ratioLow\":1.0001,\"ratioHigh\":1.5,"
                + "\"trialsA\":5,\"trialsB\":5,\"verdict\":\"SIGNIFICANT\"}]}", Findings.class);
        assertFalse(older.accountsForManyComparisons());
        assertNull(older.findings().get(0).p());
        assertEquals(Verdict.SIZE_UNCLEAR, older.rejudged().findings().get(0).verdict(), "judged again from its interval");
    }

    @Test
    void aFixedRateCellAndTheIntervalsThroughFindingsJsonAndBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CellKey fixed = CellKey.atRate("equal-work", 128, 15_000);
        assertEquals("equal-work c=128 at 15,000 req/s", fixed.label());
        Finding f = new Finding(fixed, Metric.REQUESTS_PER_CPU, "netty", "vertx", 1.2, 1.1, 1.3, 5, 5, Verdict.SIGNIFICANT);
        CellInterval median = new CellInterval(fixed, "netty", Metric.CPU_PER_REQUEST, new Interval(10, 11, 12, 5));
        Findings file = Findings.of(new Bootstrap(), new FindingRule(), List.of(f), List.of(median));
        java.nio.file.Path written = file.write(dir);
        assertEquals(file, Findings.read(written));
        String text = java.nio.file.Files.readString(written);
        assertTrue(text.contains("\"offeredRate\" : 15000.0"), text);
        assertFalse(text.contains("ratePercent"), text);
        file.write(dir);
        assertEquals(text, java.nio.file.Files.readString(written), "the same findings, the same bytes");
        assertEquals("netty serves 20% more requests/s per CPU of budget than vertx (95% CI 10–30%)", f.sentence());
        assertEquals("`netty` serves 20% more requests/s per CPU of budget than `vertx` (95% CI 10–30%)",
                f.sentence(n -> "`" + n + "`"));
        assertThrows(IllegalArgumentException.class, () -> new CellKey("equal-work", 128, 50, 15_000.0));
    }
}
