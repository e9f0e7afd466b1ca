package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pairing by round, by simulation: two runtimes measured in the same rounds, each round's values moved
 * by a disturbance they share (another tenant, the host's speed), on top of each trial's own noise.
 * Paired, the disturbance cancels in the per-round ratios; unpaired, it widens the interval.
 */
class PairingSimulationTest {
    private static final Bootstrap BOOTSTRAP = new Bootstrap(1_000, Bootstrap.DEFAULT_SEED);
    private static final FindingRule RULE = new FindingRule();
    private static final CellKey CELL = CellKey.closedLoop("plaintext", 64);
    private static final double TRUE_RATIO = 1.10;
    /** The default run's rounds: here a median's percentile interval is the range (coverage 93.75%, see Bootstrap). */
    private static final int ROUNDS = 5;

    private record Tally(double width, double logError, double covered) {
        Tally plus(Tally o) {
            return new Tally(width + o.width, logError + o.logError, covered + o.covered);
        }
    }

    /** Mean width (log high − log low), mean error of log(point), and coverage of the true ratio, over {@code pairs} pairs. */
    private static Tally[] simulate(int pairs, double shared, double own, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tally paired = new Tally(0, 0, 0);
        Tally unpaired = new Tally(0, 0, 0);
        for (int k = 0; k < pairs; k++) {
            Map<Integer, Double> a = new HashMap<>();
            Map<Integer, Double> b = new HashMap<>();
            double[] arrayA = new double[ROUNDS];
            double[] arrayB = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                double round = shared * random.nextGaussian();
                arrayA[r] = 10 * TRUE_RATIO * Math.exp(round + own * random.nextGaussian());
                arrayB[r] = 10 * Math.exp(round + own * random.nextGaussian());
                a.put(r + 1, arrayA[r]);
                b.put(r + 1, arrayB[r]);
            }
            Finding p = Finding.measure(CELL, Metric.CPU_PER_REQUEST, "a", a, "b", b, BOOTSTRAP, RULE);
            Finding u = Finding.measure(CELL, Metric.CPU_PER_REQUEST, "a", arrayA, "b", arrayB, BOOTSTRAP, RULE);
            assertEquals(Pairing.PAIRED_BY_ROUND, p.pairing());
            assertEquals(Pairing.UNPAIRED, u.pairing());
            paired = paired.plus(tally(p));
            unpaired = unpaired.plus(tally(u));
        }
        return new Tally[] {scale(paired, pairs), scale(unpaired, pairs)};
    }

    private static Tally tally(Finding f) {
        return new Tally(Math.log(f.ratioHigh()) - Math.log(f.ratioLow()), Math.log(f.ratio()) - Math.log(TRUE_RATIO),
                f.ratioInterval().excludes(TRUE_RATIO) ? 0 : 1);
    }

    private static Tally scale(Tally t, int pairs) {
        return new Tally(t.width / pairs, t.logError / pairs, t.covered / pairs);
    }

    @Test
    void pairingNarrowsTheIntervalUnderASharedDisturbanceWithoutBias() {
        Tally[] t = simulate(400, 0.20, 0.03, 77);
        System.out.printf(Locale.ROOT, "shared disturbance 20%%, own noise 3%%, %d rounds: width (log) paired %.3f, unpaired "
                + "%.3f; bias of log ratio paired %+.4f, unpaired %+.4f; coverage of the true ratio paired %.0f%%, unpaired %.0f%%%n",
                ROUNDS, t[0].width, t[1].width, t[0].logError, t[1].logError, 100 * t[0].covered, 100 * t[1].covered);
        assertTrue(t[0].width < t[1].width / 4, "paired " + t[0].width + " vs unpaired " + t[1].width);
        assertEquals(0, t[0].logError, 0.005, "paired: no bias");
        assertTrue(t[0].covered >= 0.90, "paired coverage " + t[0].covered);
    }

    @Test
    void withoutASharedDisturbancePairingNeitherBiasesNorNarrowsMuch() {
        Tally[] t = simulate(400, 0, 0.05, 78);
        System.out.printf(Locale.ROOT, "no shared disturbance, own noise 5%%: width paired %.3f, unpaired %.3f; bias paired "
                + "%+.4f; coverage paired %.0f%%%n", t[0].width, t[1].width, t[0].logError, 100 * t[0].covered);
        assertEquals(0, t[0].logError, 0.005, "paired: no bias");
        assertTrue(t[0].covered >= 0.90, "paired coverage " + t[0].covered);
        assertTrue(t[0].width > t[1].width * 0.6, "no disturbance to cancel: about as wide");
    }
}
