package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The precision loop's stopping rule: when a pair counts as settled to a precision. */
class SettledPairsTest {
    @Test
    void anIntervalThatExcludesNoDifferenceIsSettledWhateverItsWidth() {
        assertTrue(FindingRule.resolved(new Interval(1.01, 1.2, 1.5, 5), 0.05));
        assertTrue(FindingRule.resolved(new Interval(0.6, 0.8, 0.99, 5), 0.05));
    }

    @Test
    void aDifferenceSettlesOnlyOnceItsPValueLetsTheReportStateIt() {
        FindingRule rule = new FindingRule();
        Interval apart = new Interval(1.081, 1.126, 1.221, 5); // netty/vertx-core after five rounds, 2026-12-02
        assertFalse(rule.settled(apart, 0.095, 0.05), "excludes 1, but at p = 0.095 the report states nothing");
        assertTrue(rule.settled(apart, 0.008, 0.05));
        assertFalse(rule.settled(apart, null, 0.05), "no p-value (too few trials): no difference settled");
        assertTrue(rule.settled(new Interval(0.96, 1.0, 1.04, 5), null, 0.05), "a tie within the precision needs no p");
        assertFalse(rule.settled(new Interval(0.97, 1.01, 1.06, 5), 0.001, 0.05), "spans both: not settled");
    }

    @Test
    void anIntervalWithinThePrecisionIsATieAndSettled() {
        assertTrue(FindingRule.resolved(new Interval(0.96, 1.0, 1.04, 5), 0.05));
    }

    @Test
    void anIntervalSpanningNoDifferenceAndADifferenceOfThePrecisionIsNotSettled() {
        assertFalse(FindingRule.resolved(new Interval(0.97, 1.01, 1.06, 5), 0.05));
        assertFalse(FindingRule.resolved(new Interval(0.90, 0.99, 1.01, 5), 0.05));
        assertFalse(FindingRule.resolved(Interval.single(1.0), 0.05), "one trial settles nothing");
    }

    @Test
    void theRuleIsTheSameReadEitherWay() {
        // 1/1.05 = 0.952: a 5% difference in B/A as in A/B
        Interval i = new Interval(0.9524, 1.0, 1.0499, 5);
        assertTrue(FindingRule.resolved(i, 0.05));
        assertEquals(FindingRule.resolved(i, 0.05), FindingRule.resolved(i.inverted(), 0.05));
        Interval j = new Interval(0.95, 1.0, 1.02, 5);
        assertEquals(FindingRule.resolved(j, 0.05), FindingRule.resolved(j.inverted(), 0.05));
    }

    @Test
    void theRuntimesToMeasureAgainAreThoseInUnsettledPairs() {
        Map<String, Map<Integer, Double>> values = new LinkedHashMap<>();
        values.put("a", rounds(100, 101, 99, 100, 100));
        values.put("b", rounds(150, 151, 149, 150, 150)); // clearly apart from a and c
        values.put("c", rounds(96, 104, 100, 93, 107));   // wide: may be 5% from a, may be a tie
        List<SettledPairs.Pair> pairs = SettledPairs.of(CellKey.closedLoop("capacity", 256), Metric.REQUESTS_PER_CPU, values,
                0.05, new Bootstrap());
        assertEquals(3, pairs.size());
        assertTrue(pairs.get(0).settled(), "a/b: " + pairs.get(0));
        assertEquals(Set.of("a", "c"), SettledPairs.unsettledRuntimes(pairs), pairs.toString());
    }

    @Test
    void pairsMeasuredInTheSameRoundsAreComparedRoundByRound() {
        // a round-wide disturbance moves both runtimes alike; round by round, b is 10% above a every time
        Map<String, Map<Integer, Double>> values = new LinkedHashMap<>();
        values.put("a", rounds(100, 70, 130, 90, 115));
        values.put("b", rounds(110, 77, 143, 99, 126.5));
        SettledPairs.Pair p = SettledPairs.of(CellKey.closedLoop("capacity", 256), Metric.REQUESTS_PER_CPU, values, 0.05,
                new Bootstrap()).get(0);
        assertTrue(p.ratio().excludes(1.0), p.toString());
        assertEquals(1 / 1.1, p.ratio().point(), 1e-9);
        // the p-value the report states a difference by compares the two runtimes' trials as they are (not
        // round by round): with rounds this far apart it is large, so the pair is not settled yet
        assertFalse(p.settled(), p.toString());
    }

    private static Map<Integer, Double> rounds(double... values) {
        Map<Integer, Double> m = new java.util.TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(i + 1, values[i]);
        }
        return m;
    }
}
