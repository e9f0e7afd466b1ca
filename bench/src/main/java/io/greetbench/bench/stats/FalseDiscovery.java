package io.greetbench.bench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Many comparisons accounted for: Benjamini–Hochberg q-values over all pairs of a run. A pair stated
 * as different at q ≤ the target (5%) keeps the expected share of stated differences that are not
 * differences at most that target, however many pairs the run compares.
 */
public final class FalseDiscovery {
    private FalseDiscovery() {
    }

    /** q_i = min over j with p_j ≥ p_i of p_j · m / rank(j), at most 1 (the step-up adjusted p-values). */
    public static double[] qValues(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double smallest = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            smallest = Math.min(smallest, p[i] * m / rank);
            q[i] = smallest;
        }
        return q;
    }

    /**
     * The run's findings with their q-values over every pair that has a p-value (pairs with too few
     * trials have none and are not counted) and their verdicts judged with them, in the same order.
     */
    public static List<Finding> adjust(List<Finding> findings, FindingRule rule) {
        List<Integer> tested = IntStream.range(0, findings.size()).filter(i -> findings.get(i).p() != null).boxed().toList();
        double[] q = qValues(tested.stream().mapToDouble(i -> findings.get(i).p()).toArray());
        List<Finding> adjusted = new ArrayList<>(findings);
        for (int k = 0; k < tested.size(); k++) {
            int i = tested.get(k);
            adjusted.set(i, findings.get(i).withQ(q[k], rule));
        }
        return adjusted;
    }
}
