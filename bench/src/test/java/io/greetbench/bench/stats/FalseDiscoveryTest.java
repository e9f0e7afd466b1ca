package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Benjamini–Hochberg on p-values whose q-values are known by hand. */
class FalseDiscoveryTest {
    private static final CellKey CELL = CellKey.closedLoop("plaintext", 64);

    @Test
    void qValuesAreStepUpAdjustedPValues() {
        // m = 5: 0.001*5/1 = 0.005; 0.008*5/2 = 0.02; 0.039*5/3 = 0.065; 0.041*5/4 = 0.05125; 0.9*5/5 = 0.9 -> monotone from the top
        assertArrayEquals(new double[] {0.9, 0.005, 0.05125, 0.02, 0.05125},
                FalseDiscovery.qValues(new double[] {0.9, 0.001, 0.039, 0.008, 0.041}), 1e-12);
    }

    @Test
    void aRunsPairsAreJudgedTogetherAndPairsWithoutAPValueAreNotCounted() {
        FindingRule rule = new FindingRule();
        Finding clear = new Finding(CELL, Metric.CPU_PER_REQUEST, "a", "b", 0.8, 0.7, 0.9, 5, 5, Verdict.SIGNIFICANT, 0.02,
                null, Pairing.PAIRED_BY_ROUND, 5);
        Finding alsoClear = new Finding(CELL, Metric.CPU_PER_REQUEST, "a", "c", 0.8, 0.7, 0.9, 5, 5, Verdict.SIGNIFICANT, 0.04,
                null, Pairing.PAIRED_BY_ROUND, 5);
        Finding tooFew = new Finding(CELL, Metric.CPU_PER_REQUEST, "b", "c", 1.0, 0.9, 1.1, 3, 5, Verdict.TOO_FEW_TRIALS);
        List<Finding> adjusted = FalseDiscovery.adjust(List.of(clear, tooFew, alsoClear), rule);
        assertEquals(0.04, adjusted.get(0).q(), 1e-12, "0.02 * 2 / 1, then the minimum from above: 0.04");
        assertEquals(0.04, adjusted.get(2).q(), 1e-12);
        assertEquals(Verdict.SIGNIFICANT, adjusted.get(0).verdict());
        assertNull(adjusted.get(1).q());
        assertEquals(Verdict.TOO_FEW_TRIALS, adjusted.get(1).verdict());
        Finding third = new Finding(CELL, Metric.CPU_PER_REQUEST, "a", "d", 1.0, 0.9, 1.1, 5, 5, Verdict.CANNOT_TELL_APART,
                0.9, null, Pairing.PAIRED_BY_ROUND, 5);
        List<Finding> withThird = FalseDiscovery.adjust(List.of(clear, alsoClear, third), rule);
        assertEquals(Verdict.NOT_SIGNIFICANT, withThird.get(1).verdict(), "0.04 * 3 / 2 = 0.06: above the target");
        assertEquals(Verdict.NOT_SIGNIFICANT, withThird.get(0).verdict(), "0.02 * 3 = 0.06, stepped up to 0.06");
    }
}
