package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rule on fixed intervals: symmetric in log, on the interval's nearer end, with q and trial counts. */
class FindingRuleTest {
    private final FindingRule rule = new FindingRule();

    private Verdict judge(double low, double point, double high) {
        return rule.judge(new Interval(low, point, high, 5), 5, 5, 0.01);
    }

    /** The same interval read the other way round (B/A). */
    private Verdict judgeInverse(double low, double point, double high) {
        Interval inverse = new Interval(low, point, high, 5).inverted();
        return rule.judge(inverse, 5, 5, 0.01);
    }

    @Test
    void fivePercentEitherWayRoundIsTheEdgeAndBothOrientationsAgree() {
        assertEquals(Verdict.SIGNIFICANT, judge(1.05, 1.08, 1.10));
        assertEquals(Verdict.SIGNIFICANT, judgeInverse(1.05, 1.08, 1.10), "0.909–0.952: the same pair read B/A");
        assertEquals(Verdict.SIGNIFICANT, judge(1 / 1.10, 1 / 1.08, 1 / 1.05));
        // 0.95 is a 5.26% difference read the other way round: beyond the edge, not on it
        assertEquals(Verdict.SIGNIFICANT, judge(0.90, 0.93, 0.95));
        assertEquals(Verdict.SIZE_UNCLEAR, judge(0.90, 0.93, 0.953));
        assertEquals(Verdict.SIZE_UNCLEAR, judgeInverse(0.90, 0.93, 0.953));
        assertEquals(Verdict.SIZE_UNCLEAR, judge(1.0499, 1.08, 1.10));
        assertEquals(Verdict.SIZE_UNCLEAR, judgeInverse(1.0499, 1.08, 1.10));
    }

    @Test
    void theThresholdIsTestedOnTheIntervalNotThePoint() {
        // the referee's case: "21% more (95% CI 0.01–50%)" is a difference of unclear size, not a finding of at least 5%
        assertEquals(Verdict.SIZE_UNCLEAR, judge(1.0001, 1.21, 1.50));
        assertEquals(Verdict.BELOW_THRESHOLD, judge(1.01, 1.03, 1.04));
        assertEquals(Verdict.BELOW_THRESHOLD, judgeInverse(1.01, 1.03, 1.04));
    }

    @Test
    void anEffectExactlyEqualToTheThresholdCounts() {
        // 1.25 is exact in binary; 0.8 (its inverse) is not, and still counts
        FindingRule quarter = new FindingRule(0.25);
        assertEquals(Verdict.SIGNIFICANT, quarter.judge(new Interval(1.25, 1.3, 1.5, 5), 5, 5, 0.01));
        assertEquals(Verdict.SIGNIFICANT, quarter.judge(new Interval(0.5, 0.6, 0.8, 5), 5, 5, 0.01));
        assertEquals(Verdict.SIZE_UNCLEAR, quarter.judge(new Interval(0.5, 0.6, 0.8001, 5), 5, 5, 0.01));
    }

    @Test
    void anIntervalThatReachesOneIsNoDifferenceHoweverLargeThePoint() {
        assertEquals(Verdict.CANNOT_TELL_APART, judge(0.60, 0.80, 1.02));
        assertEquals(Verdict.CANNOT_TELL_APART, judge(0.60, 0.80, 1.00), "an interval ending exactly at 1 (ties) includes it");
        assertEquals(Verdict.SIGNIFICANT, judge(0.60, 0.80, 0.94));
    }

    @Test
    void aQValueAboveTheTargetStatesNoDifference() {
        Interval clear = new Interval(0.60, 0.80, 0.90, 5);
        assertEquals(Verdict.SIGNIFICANT, rule.judge(clear, 5, 5, 0.05));
        assertEquals(Verdict.NOT_SIGNIFICANT, rule.judge(clear, 5, 5, 0.0501));
        assertEquals(Verdict.SIGNIFICANT, rule.judge(clear, 5, 5, null), "no q known (an older run): the interval alone");
        assertFalse(Verdict.NOT_SIGNIFICANT.different());
        assertTrue(Verdict.SIZE_UNCLEAR.different() && Verdict.BELOW_THRESHOLD.different());
    }

    @Test
    void fewerThanFiveTrialsOnEitherSideClaimNothing() {
        Interval clear = new Interval(0.60, 0.80, 0.90, 4);
        assertEquals(Verdict.TOO_FEW_TRIALS, rule.judge(clear, 4, 5, 0.001));
        assertEquals(Verdict.TOO_FEW_TRIALS, rule.judge(clear, 5, 4, 0.001));
        assertEquals(Verdict.TOO_FEW_TRIALS, rule.judge(Interval.single(0.5)));
        assertEquals(Verdict.TOO_FEW_TRIALS, rule.judge(new Interval(0.5, 0.5, 0.5, 3)));
    }

    @Test
    void theStatementSaysWhatTheCodeTests() {
        assertEquals("A finding means: its q-value over all pairs of the run is at most 5%, and its ratio's 95% interval "
                + "excludes 1 with the end nearer to 1 at least 5% away from it, either way round (beyond 1.05 or "
                + "1/1.05 = 0.952).", rule.statement());
        assertTrue(rule.reaches(1.05) && rule.reaches(1 / 1.05) && !rule.reaches(1.0499) && !rule.reaches(0.953));
    }
}
