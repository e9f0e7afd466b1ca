package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void notConfirmedInBInEachOfItsCases() {
        Finding inA = cpu(C64, "netty", "vertx", 0.8, 0.88, 0.94);
        assertEquals(RecheckOutcome.NO_DIFFERENCE_IN_B, outcome(inA, cpu(C64, "netty", "vertx", 0.8, 0.9, 1.03)));
        assertEquals(RecheckOutcome.UNDER_THRESHOLD_IN_B, outcome(inA, cpu(C64, "netty", "vertx", 0.96, 0.97, 0.98)));
        assertEquals(RecheckOutcome.SIZE_UNCLEAR_IN_B, outcome(inA, cpu(C64, "netty", "vertx", 0.8, 0.9, 0.98)));
        Finding oneTrial = new Finding(C64, Metric.CPU_PER_REQUEST, "netty", "vertx", 0.9, 0.9, 0.9, 1, 5, Verdict.TOO_FEW_TRIALS);
        assertEquals(RecheckOutcome.TOO_FEW_TRIALS_IN_B, outcome(inA, oneTrial));
        Finding manyPairs = new Finding(C64, Metric.CPU_PER_REQUEST, "netty", "vertx", 0.88, 0.8, 0.94, 5, 5,
                Verdict.NOT_SIGNIFICANT, 0.03, 0.08, Pairing.PAIRED_BY_ROUND, 5);
        assertEquals(RecheckOutcome.NOT_SIGNIFICANT_IN_B, outcome(inA, manyPairs));
    }

    @Test
    void theContradictionAcrossTheFivePercentEdgeIsCaught() {
        // A: netty 10% cheaper. B names the pair the other way round: vertx/netty 0.952 = 1/1.05, i.e. netty 5% dearer.
        // Judged on the oriented |1 - r| that was a 4.76% effect, "not significant in B", exit 0; on |log r| it is 5% either way.
        Finding inA = cpu(C64, "netty", "vertx", 0.85, 0.90, 0.94);
        Finding inB = cpu(C64, "vertx", "netty", 1 / 1.10, 1 / 1.05, 1 / 1.05);
        assertEquals(Verdict.SIGNIFICANT, inB.verdict());
        Recheck r = Comparison.recheck(List.of(inA), List.of(inB)).get(0);
        assertEquals(RecheckOutcome.CONTRADICTED, r.outcome());
        assertEquals(1.05, r.inB().ratio(), 1e-12);
        // a difference the other way round of unclear size contradicts too: B states they differ, the other way
        assertEquals(RecheckOutcome.CONTRADICTED, outcome(inA, cpu(C64, "netty", "vertx", 1.01, 1.05, 1.10)));
    }

    @Test
    void theSameSignWithIntervalsApartIsConfirmedInSignOnly() {
        // 300% more in A, 6% more in B: the same sign, not the same size
        Finding inA = new Finding(C64, Metric.THROUGHPUT, "netty", "vertx", 4.0, 3.5, 4.5, 5, 5, Verdict.SIGNIFICANT);
        Finding inB = new Finding(C64, Metric.THROUGHPUT, "netty", "vertx", 1.06, 1.055, 1.07, 5, 5, Verdict.SIGNIFICANT);
        assertEquals(RecheckOutcome.SIZE_DIFFERS, outcome(inA, inB));
        assertEquals(RecheckOutcome.CONFIRMED, outcome(inA, inA));
    }

    @Test
    void bsFindingsThatAIsSilentOnAreListed() {
        Finding claim = cpu(C64, "netty", "vertx", 0.8, 0.88, 0.94);
        Finding tieInA = cpu(C256, "netty", "vertx", 0.8, 0.97, 1.1);
        Finding claimInB = cpu(C256, "vertx", "netty", 1.1, 1.2, 1.3);
        Finding onlyInB = cpu(C256, "netty", "undertow", 0.5, 0.6, 0.7);
        List<Recheck> fresh = Comparison.newInB(List.of(claim, tieInA), List.of(claim, claimInB, onlyInB));
        assertEquals(2, fresh.size());
        assertEquals(claimInB, fresh.get(0).inB());
        assertEquals("vertx", fresh.get(0).inA().runtimeA(), "A's finding turned to B's order");
        assertNull(fresh.get(1).inA());
    }

    @Test
    void runtimesAndCellsOfAMissingInB() {
        Interval i = new Interval(9, 10, 11, 5);
        List<CellInterval> a = List.of(new CellInterval(C64, "netty", Metric.THROUGHPUT, i),
                new CellInterval(C64, "vertx", Metric.THROUGHPUT, i), new CellInterval(C256, "netty", Metric.THROUGHPUT, i));
        List<CellInterval> b = List.of(new CellInterval(C64, "netty", Metric.THROUGHPUT, i));
        Comparison.Missing missing = Comparison.missingInB(a, b);
        assertEquals(List.of("vertx"), missing.runtimes());
        assertEquals(List.of(C256), missing.cells());
        assertFalse(Comparison.missingInB(a, a).any());
    }

    @Test
    void theCellsThatMoveByChanceAreStated() {
        // five trials a side: two ranges of one distribution miss each other when all five of one lie below all five of
        // the other, 2 of the 252 ways to order them
        Bootstrap bootstrap = new Bootstrap(2_000, Bootstrap.DEFAULT_SEED);
        List<CellInterval> cells = new java.util.ArrayList<>();
        for (int c = 0; c < 110; c++) {
            cells.add(new CellInterval(CellKey.closedLoop("plaintext", c + 1), "netty", Metric.THROUGHPUT,
                    new Interval(9, 10, 11, 5)));
        }
        assertEquals(110 * 2.0 / 252, Comparison.expectedNonOverlapping(cells, bootstrap, cells, bootstrap), 1e-9);
        assertEquals(1.0 / 252, Comparison.below(5, 5, 5, 1), 1e-12);
        // by simulation: 50,000 pairs of five-trial ranges (the median intervals at n = 5) of one distribution
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int apart = 0;
        for (int k = 0; k < 50_000; k++) {
            double[] x = Samples.logNormal(random, 5, 100, 0.1);
            double[] y = Samples.logNormal(random, 5, 100, 0.1);
            java.util.Arrays.sort(x);
            java.util.Arrays.sort(y);
            apart += x[4] < y[0] || y[4] < x[0] ? 1 : 0;
        }
        assertEquals(2.0 / 252, apart / 50_000.0, 0.0015);
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
