package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bootstrap on data whose answer is known: exact order statistics, and samples from known distributions. */
class BootstrapTest {
    private final Bootstrap bootstrap = new Bootstrap();
    private final FindingRule rule = new FindingRule();

    @Test
    void medianIntervalOfSevenTrialsIsTheSecondAndSixthValue() {
        // For n = 7 a resampled median is at most the k-th smallest value with probability
        // P(Binomial(7, k/7) >= 4): 1.0% for k = 1, 10.8% for k = 2. So the 2.5% point is the 2nd value,
        // and by symmetry the 97.5% point the 6th. A normal approximation or wrong percentile would miss it.
        Interval median = bootstrap.median(new double[] {40, 10, 70, 20, 60, 30, 50});
        assertEquals(new Interval(20, 40, 60, 7), median);
        assertTrue(median.resolved());
    }

    @Test
    void atFiveTrialsOrFewerTheMedianIntervalIsTheRange() {
        for (int n = 2; n <= 5; n++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = 10 + 3 * i * i;
            }
            Interval i = bootstrap.median(values);
            assertEquals(values[0], i.low(), 1e-12, "n=" + n);
            assertEquals(values[n - 1], i.high(), 1e-12, "n=" + n);
            assertTrue(Bootstrap.medianIntervalIsRange(n));
        }
        Interval seven = bootstrap.median(new double[] {40, 10, 70, 20, 60, 30, 50});
        assertTrue(seven.low() > 10 && seven.high() < 70, "beyond five it is narrower than the range");
        assertFalse(Bootstrap.medianIntervalIsRange(6));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, bootstrap.median(List.of(4.0, 1.0, 3.0, 2.0)).point());
    }

    @Test
    void oneTrialIsAPointAndNotAnInterval() {
        Interval one = bootstrap.median(new double[] {42});
        assertEquals(Interval.single(42), one);
        assertEquals(1, one.n());
        assertFalse(one.resolved());
    }

    @Test
    void aRatioWithOneTrialOnEitherSideIsAPointThatCannotTellApart() {
        Interval ratio = bootstrap.ratioOfMedians(new double[] {50}, new double[] {100, 101, 99});
        assertEquals(0.5, ratio.point());
        assertEquals(ratio.point(), ratio.low());
        assertEquals(ratio.point(), ratio.high());
        assertFalse(ratio.resolved());
        // a 50% difference, but one trial says nothing about the noise
        assertEquals(Verdict.TOO_FEW_TRIALS, rule.judge(ratio));
    }

    @Test
    void ratioIntervalContainsTheTrueRatio() {
        SplittableRandom random = new SplittableRandom(2024);
        double[] a = Samples.logNormal(random, 10, 100, 0.05);
        double[] b = Samples.logNormal(random, 10, 120, 0.05);
        Interval ratio = bootstrap.ratioOfMedians(a, b);
        double trueRatio = 100.0 / 120;
        assertFalse(ratio.excludes(trueRatio), () -> ratio + " misses " + trueRatio);
        // about ±6% expected for medians of ten trials with 5% noise; 20% noise would give about ±25%
        assertTrue(ratio.high() / ratio.low() < 1.25, () -> "too wide for 5% noise: " + ratio);
        assertEquals(Verdict.SIGNIFICANT, rule.judge(ratio));
    }

    @Test
    void ratioIntervalCoversTheTrueRatioAboutAsOftenAsItShould() {
        Bootstrap quick = new Bootstrap(2_000, Bootstrap.DEFAULT_SEED);
        double trueRatio = 100.0 / 120;
        int covered = 0;
        int pairs = 200;
        for (int i = 0; i < pairs; i++) {
            SplittableRandom random = new SplittableRandom(i);
            Interval ratio = quick.ratioOfMedians(Samples.logNormal(random, 10, 100, 0.05),
                    Samples.logNormal(random, 10, 120, 0.05));
            covered += ratio.excludes(trueRatio) ? 0 : 1;
        }
        // nominally 95%; TrialCountSimulation gives about 97% at n = 10 (and 90.7% at n = 3)
        assertTrue(covered >= 0.90 * pairs, "covered " + covered + " of " + pairs);
    }

    @Test
    void veryDifferentMediansExcludeOne() {
        SplittableRandom random = new SplittableRandom(7);
        Interval ratio = bootstrap.ratioOfMedians(Samples.logNormal(random, 5, 100, 0.02),
                Samples.logNormal(random, 5, 200, 0.02));
        assertTrue(ratio.high() < 1, ratio::toString);
        assertEquals(0.5, ratio.point(), 0.03);
        assertEquals(Verdict.SIGNIFICANT, rule.judge(ratio));
    }

    @Test
    void identicalDistributionsCannotBeToldApart() {
        SplittableRandom random = new SplittableRandom(11);
        Interval ratio = bootstrap.ratioOfMedians(Samples.logNormal(random, 10, 100, 0.20),
                Samples.logNormal(random, 10, 100, 0.20));
        assertFalse(ratio.excludes(1), ratio::toString);
        assertEquals(Verdict.CANNOT_TELL_APART, rule.judge(ratio));
    }

    @Test
    void identicalDistributionsRarelyComeOutSignificant() {
        Bootstrap quick = new Bootstrap(2_000, Bootstrap.DEFAULT_SEED);
        int significant = 0;
        int pairs = 200;
        for (int i = 0; i < pairs; i++) {
            SplittableRandom random = new SplittableRandom(1_000 + i);
            Interval ratio = quick.ratioOfMedians(Samples.logNormal(random, 10, 100, 0.20),
                    Samples.logNormal(random, 10, 100, 0.20));
            significant += rule.judge(ratio) == Verdict.SIGNIFICANT ? 1 : 0;
        }
        // one pair judged alone by its interval; a run's many pairs are accounted for by FalseDiscovery (its simulation test)
        assertTrue(significant <= 0.10 * pairs, significant + " of " + pairs + " false positives");
    }

    @Test
    void sameSeedSameInterval() {
        SplittableRandom random = new SplittableRandom(3);
        double[] a = Samples.logNormal(random, 10, 100, 0.2);
        double[] b = Samples.logNormal(random, 10, 110, 0.2);
        Interval first = new Bootstrap(10_000, 99).ratioOfMedians(a, b);
        Bootstrap again = new Bootstrap(10_000, 99);
        again.median(b); // earlier calls must not change later results
        assertEquals(first, again.ratioOfMedians(a, b));
        assertEquals(new Bootstrap(10_000, 99).median(a), again.median(a));
        assertNotEquals(first, new Bootstrap(10_000, 100).ratioOfMedians(a, b));
    }

    @Test
    void rejectsWhatIsNotASample() {
        assertThrows(IllegalArgumentException.class, () -> bootstrap.median(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> bootstrap.median(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> bootstrap.ratioOfMedians(new double[] {1, 2}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 1));
    }
}
