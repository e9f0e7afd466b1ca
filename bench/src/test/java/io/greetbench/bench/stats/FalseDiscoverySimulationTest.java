package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many comparisons accounted for, by simulation: whole runs of runtimes measured in rounds, every pair
 * compared by {@link Finding#measure} and the run's pairs judged together by {@link FalseDiscovery},
 * as the report does. Seeded: the same shares every time.
 */
class FalseDiscoverySimulationTest {
    private static final int RUNTIMES = 12;
    private static final int TRIALS = 5;
    /** Fewer resamples than the report's 10,000 keep it quick; at five rounds a paired interval is the range either way. */
    private static final Bootstrap BOOTSTRAP = new Bootstrap(400, Bootstrap.DEFAULT_SEED);
    private static final FindingRule RULE = new FindingRule();
    private static final CellKey CELL = CellKey.closedLoop("plaintext", 64);

    /** One simulated run: each runtime's trials by round (log-normal noise around its true median), every pair judged together. */
    private static List<Finding> run(SplittableRandom random, double[] medians, double cv) {
        List<Map<Integer, Double>> trials = new ArrayList<>();
        for (double median : medians) {
            double[] values = Samples.logNormal(random, TRIALS, median, cv);
            Map<Integer, Double> rounds = new HashMap<>();
            for (int r = 0; r < TRIALS; r++) {
                rounds.put(r + 1, values[r]);
            }
            trials.add(rounds);
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < medians.length; i++) {
            for (int j = i + 1; j < medians.length; j++) {
                findings.add(Finding.measure(CELL, Metric.CPU_PER_REQUEST, "r" + i, trials.get(i), "r" + j, trials.get(j),
                        BOOTSTRAP, RULE));
            }
        }
        return FalseDiscovery.adjust(findings, RULE);
    }

    @Test
    void twelveEqualRuntimesStateAFindingInNoMoreRunsThanTheTargetAllows() {
        double[] equal = new double[RUNTIMES];
        java.util.Arrays.fill(equal, 10.0);
        int runs = 1_000;
        // each run from its own seed, so that running them in parallel gives the same counts
        int[][] counts = IntStream.range(0, runs).parallel().mapToObj(run -> {
            List<Finding> findings = run(new SplittableRandom(21_000 + run), equal, 0.10);
            assertEquals(66, findings.size());
            return new int[] {findings.stream().anyMatch(Finding::significant) ? 1 : 0,
                findings.stream().anyMatch(Finding::different) ? 1 : 0,
                // each pair's interval alone, as the rule did before it counted the run's pairs
                findings.stream().anyMatch(f -> RULE.judge(f.ratioInterval()) == Verdict.SIGNIFICANT) ? 1 : 0};
        }).toArray(int[][]::new);
        int withFinding = java.util.Arrays.stream(counts).mapToInt(c -> c[0]).sum();
        int withDifference = java.util.Arrays.stream(counts).mapToInt(c -> c[1]).sum();
        int judgedAlone = java.util.Arrays.stream(counts).mapToInt(c -> c[2]).sum();
        double share = (double) withFinding / runs;
        System.out.printf(Locale.ROOT, "%d runs of %d equal runtimes, %d trials each (66 pairs a run): a finding stated in "
                + "%.1f%% of runs, any difference stated in %.1f%% (target %.0f%%); each pair's interval judged alone would "
                + "state one in %.1f%%%n", runs, RUNTIMES, TRIALS, 100 * share, 100.0 * withDifference / runs,
                100 * RULE.fdr(), 100.0 * judgedAlone / runs);
        // with every runtime equal, every stated difference is false: the false discovery rate is the share of runs with any
        assertTrue(share <= RULE.fdr(), "runs with a finding: " + share);
        assertTrue((double) withDifference / runs <= RULE.fdr(), "runs with a difference: " + withDifference);
        assertTrue(judgedAlone > withFinding, "the account of many pairs is what holds them back");
    }

    @Test
    void realDifferencesAreStillFoundAndFewOfTheFindingsAreFalse() {
        // half the runtimes cost 25% more: 36 pairs differ, 30 do not
        double[] medians = new double[RUNTIMES];
        for (int i = 0; i < RUNTIMES; i++) {
            medians[i] = i % 2 == 0 ? 10.0 : 12.5;
        }
        int runs = 200;
        double falseShareSum = 0;
        int stated = 0;
        SplittableRandom random = new SplittableRandom(34);
        for (int run = 0; run < runs; run++) {
            List<Finding> findings = run(random, medians, 0.05);
            long found = findings.stream().filter(Finding::significant).count();
            long wrong = findings.stream().filter(f -> f.different() && sameMedian(f)).count();
            stated += found;
            falseShareSum += found == 0 ? 0 : (double) wrong / Math.max(1, findings.stream().filter(Finding::different).count());
        }
        double power = stated / (36.0 * runs);
        double fdr = falseShareSum / runs;
        System.out.printf(Locale.ROOT, "%d runs, 36 real differences of 25%% and 30 equal pairs: %.0f%% of the real ones stated "
                + "as findings, false share of stated differences %.2f%% (target %.0f%%)%n", runs, 100 * power, 100 * fdr,
                100 * RULE.fdr());
        assertTrue(power > 0.5, "power " + power);
        assertTrue(fdr <= RULE.fdr(), "false discovery proportion " + fdr);
    }

    /** Runtimes r0, r2, … share one median and r1, r3, … the other. */
    private static boolean sameMedian(Finding f) {
        return Integer.parseInt(f.runtimeA().substring(1)) % 2 == Integer.parseInt(f.runtimeB().substring(1)) % 2;
    }
}
