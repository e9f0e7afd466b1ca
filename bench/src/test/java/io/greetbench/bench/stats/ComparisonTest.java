package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims of run A held against run B, and cells that moved between them. */
class ComparisonTest {
    private static final CellKey C64 = CellKey.closedLoop("plaintext", 64);
    private static final CellKey C256 = CellKey.closedLoop("plaintext", 256);

    private static Finding cpu(CellKey cell, String a, String b, double low, double ratio, double high) {
        Verdict verdict = new FindingRule().judge(new Interval(low, ratio, high, 5));
        return new Finding(cell, Metric.CPU_PER_REQUEST, a, b, ratio, low, high, 5, 5, verdict);
    }

    private static RecheckOutcome outcome(Finding inA, Finding inB) {
        List<Recheck> rechecks = Comparison.recheck(List.of(inA), List.of(inB));
        assertEquals(1, rechecks.size());
        return rechecks.get(0).outcome();
    }

    @Test
    void confirmedInTheSameOrder() {
        assertEquals(RecheckOutcome.CONFIRMED,
                outcome(cpu(C64, "netty", "vertx", 0.8, 0.88, 0.94), cpu(C64, "netty", "vertx", 0.85, 0.9, 0.93)));
    }

    @Test
    void confirmedWhenBNamesThePairTheOtherWayRound() {
        Finding inA = cpu(C64, "netty", "vertx", 0.8, 0.88, 0.94);
        Recheck r = Comparison.recheck(List.of(inA), List.of(cpu(C64, "vertx", "netty", 1.05, 1.12, 1.2))).get(0);
        assertEquals(RecheckOutcome.CONFIRMED, r.outcome());
        assertEquals("netty", r.inB().runtimeA());
        assertEquals(1 / 1.12, r.inB().ratio(), 1e-12);
    }

    @Test
    void contradictedWhenBIsSignificantTheOtherWay() {
        Finding inA = cpu(C64, "netty", "vertx", 0.8, 0.88, 0.94);
        assertEquals(RecheckOutcome.CONTRADICTED, outcome(inA, cpu(C64, "netty", "vertx", 1.06, 1.1, 1.2)));
        assertEquals(RecheckOutcome.CONTRADICTED, outcome(inA, cpu(C64, "vertx", "netty", 0.8, 0.9, 0.94)));
    }

    @Test
    void notSignificantInB() {
        assertEquals(RecheckOutcome.NOT_SIGNIFICANT_IN_B,
                outcome(cpu(C64, "netty", "vertx", 0.8, 0.88, 0.94), cpu(C64, "netty", "vertx", 0.8, 0.9, 1.03)));
    }

    @Test
    void missingInBWhenCellMetricOrPairDiffer() {
        Finding inA = cpu(C64, "netty", "vertx", 0.8, 0.88, 0.94);
        Finding otherMetric = new Finding(C64, Metric.P99_LATENCY, "netty", "vertx", 0.88, 0.8, 0.94, 5, 5, Verdict.SIGNIFICANT);
        List<Recheck> rechecks = Comparison.recheck(List.of(inA),
                List.of(cpu(C256, "netty", "vertx", 0.8, 0.88, 0.94), otherMetric, cpu(C64, "netty", "undertow", 0.8, 0.88, 0.94)));
        assertEquals(List.of(new Recheck(inA, null, RecheckOutcome.MISSING_IN_B)), rechecks);
        assertNull(rechecks.get(0).inB());
    }

    @Test
    void onlyClaimsOfAAreRechecked() {
        Finding claim = cpu(C64, "netty", "vertx", 0.8, 0.88, 0.94);
        Finding noClaim = cpu(C256, "netty", "vertx", 0.8, 0.97, 1.1);
        List<Recheck> rechecks = Comparison.recheck(List.of(noClaim, claim), List.of(claim, noClaim));
        assertEquals(List.of(new Recheck(claim, claim, RecheckOutcome.CONFIRMED)), rechecks);
    }

    @Test
    void twoFindingsForOneComparisonInBAreAnError() {
        Finding f = cpu(C64, "netty", "vertx", 0.8, 0.88, 0.94);
        assertThrows(IllegalArgumentException.class,
                () -> Comparison.recheck(List.of(f), List.of(f, cpu(C64, "vertx", "netty", 1.05, 1.12, 1.2))));
    }

    @Test
    void cellsWhoseIntervalsDoNotOverlap() {
        CellInterval movedA = new CellInterval(C64, "netty", Metric.THROUGHPUT, new Interval(90, 100, 110, 5));
        CellInterval movedB = new CellInterval(C64, "netty", Metric.THROUGHPUT, new Interval(120, 130, 140, 5));
        CellInterval touchingA = new CellInterval(C256, "netty", Metric.THROUGHPUT, new Interval(90, 100, 110, 5));
        CellInterval touchingB = new CellInterval(C256, "netty", Metric.THROUGHPUT, new Interval(110, 120, 130, 5));
        CellInterval otherRuntimeB = new CellInterval(C256, "vertx", Metric.THROUGHPUT, new Interval(500, 510, 520, 5));
        CellInterval singleA = new CellInterval(C64, "vertx", Metric.THROUGHPUT, Interval.single(100));
        CellInterval singleB = new CellInterval(C64, "vertx", Metric.THROUGHPUT, Interval.single(200));

        List<CellShift> shifts = Comparison.nonOverlapping(List.of(movedA, touchingA, singleA),
                List.of(touchingB, singleB, otherRuntimeB, movedB));

        assertEquals(List.of(new CellShift(C64, "netty", Metric.THROUGHPUT, movedA.interval(), movedB.interval())), shifts);
        assertEquals(0.3, shifts.get(0).change(), 1e-12);
    }
}
