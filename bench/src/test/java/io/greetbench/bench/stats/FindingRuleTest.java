package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The rule on fixed intervals, at and either side of the 5% edge. */
class FindingRuleTest {
    private final FindingRule rule = new FindingRule();

    private Verdict judge(double low, double point, double high) {
        return rule.judge(new Interval(low, point, high, 5));
    }

    @Test
    void exactlyFivePercentIsSignificantInBothDirections() {
        assertEquals(Verdict.SIGNIFICANT, judge(0.90, 0.95, 0.99));
        assertEquals(Verdict.SIGNIFICANT, judge(1.01, 1.05, 1.10));
    }

    @Test
    void justUnderFivePercentIsNot() {
        assertEquals(Verdict.CANNOT_TELL_APART, judge(0.90, 0.9501, 0.99));
        assertEquals(Verdict.CANNOT_TELL_APART, judge(1.01, 1.0499, 1.10));
    }

    @Test
    void anEffectExactlyEqualToTheThresholdCounts() {
        // 0.75, 1.25 and 0.25 are exact in binary: the effect equals the threshold to the last bit
        FindingRule quarter = new FindingRule(0.25);
        assertEquals(Verdict.SIGNIFICANT, quarter.judge(new Interval(0.5, 0.75, 0.9, 5)));
        assertEquals(Verdict.SIGNIFICANT, quarter.judge(new Interval(1.1, 1.25, 1.5, 5)));
        assertEquals(Verdict.CANNOT_TELL_APART, quarter.judge(new Interval(0.5, 0.7501, 0.9, 5)));
    }

    @Test
    void theEdgeHoldsForOtherThresholdsDespiteRounding() {
        // 1 - 0.9 is 0.09999999999999998 in binary
        assertEquals(Verdict.SIGNIFICANT, new FindingRule(0.10).judge(new Interval(0.85, 0.9, 0.95, 5)));
        assertEquals(Verdict.CANNOT_TELL_APART, new FindingRule(0.10).judge(new Interval(0.85, 0.9001, 0.95, 5)));
    }

    @Test
    void anIntervalThatReachesOneIsNotSignificantHoweverLargeTheEffect() {
        assertEquals(Verdict.CANNOT_TELL_APART, judge(0.60, 0.80, 1.02));
        assertEquals(Verdict.CANNOT_TELL_APART, judge(0.60, 0.80, 1.00));
        assertEquals(Verdict.SIGNIFICANT, judge(0.60, 0.80, 0.999));
    }

    @Test
    void aPointOnTheOtherSideOfOneFromItsIntervalIsNotSignificant() {
        assertEquals(Verdict.CANNOT_TELL_APART, judge(1.01, 0.90, 1.20));
    }

    @Test
    void aSingleTrialIsNeverSignificant() {
        assertEquals(Verdict.CANNOT_TELL_APART, rule.judge(Interval.single(0.5)));
    }
}
