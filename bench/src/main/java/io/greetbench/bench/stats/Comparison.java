package io.greetbench.bench.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two runs held against each other (greetbench compare RUN_A RUN_B): which claims survive, which cells moved. */
public final class Comparison {
    private Comparison() {
    }

    /**
     * Each significant finding of A (its claims; A's CANNOT_TELL_APART findings claim nothing and are
     * left out), matched in B by cell, metric and the pair in either order. Significance in B is B's
     * own recorded verdict.
     *
     * @throws IllegalArgumentException when B has two findings for the same cell, metric and pair
     */
    public static List<Recheck> recheck(List<Finding> runA, List<Finding> runB) {
        Map<FindingKey, Finding> inB = new HashMap<>();
        for (Finding f : runB) {
            if (inB.put(FindingKey.of(f), f) != null) {
                throw new IllegalArgumentException("run B has two findings for " + describe(f));
            }
        }
        List<Recheck> rechecks = new ArrayList<>();
        for (Finding a : runA) {
            if (!a.significant()) {
                continue;
            }
            Finding b = inB.get(FindingKey.of(a));
            if (b == null) {
                rechecks.add(new Recheck(a, null, RecheckOutcome.MISSING_IN_B));
                continue;
            }
            Finding oriented = b.runtimeA().equals(a.runtimeA()) ? b : b.reversed();
            rechecks.add(new Recheck(a, oriented, outcome(a, oriented)));
        }
        return rechecks;
    }

    /**
     * The cells (cell, runtime, metric present in both runs) whose intervals do not overlap. Cells with a
     * single trial in either run have no interval and are left out: two bare points almost never coincide.
     *
     * @throws IllegalArgumentException when B has two intervals for the same cell, runtime and metric
     */
    public static List<CellShift> nonOverlapping(List<CellInterval> runA, List<CellInterval> runB) {
        Map<IntervalKey, CellInterval> inB = new HashMap<>();
        for (CellInterval c : runB) {
            if (inB.put(IntervalKey.of(c), c) != null) {
                throw new IllegalArgumentException("run B has two intervals for " + c.runtime() + " "
                        + c.metric().label() + " in " + c.cell().label());
            }
        }
        List<CellShift> shifts = new ArrayList<>();
        for (CellInterval a : runA) {
            CellInterval b = inB.get(IntervalKey.of(a));
            if (b != null && a.interval().resolved() && b.interval().resolved() && !a.interval().overlaps(b.interval())) {
                shifts.add(new CellShift(a.cell(), a.runtime(), a.metric(), a.interval(), b.interval()));
            }
        }
        return shifts;
    }

    private static RecheckOutcome outcome(Finding a, Finding orientedB) {
        if (!orientedB.significant()) {
            return RecheckOutcome.NOT_SIGNIFICANT_IN_B;
        }
        boolean sameDirection = (a.ratio() < 1) == (orientedB.ratio() < 1);
        return sameDirection ? RecheckOutcome.CONFIRMED : RecheckOutcome.CONTRADICTED;
    }

    private static String describe(Finding f) {
        return f.runtimeA() + "/" + f.runtimeB() + " " + f.metric().label() + " in " + f.cell().label();
    }

    /** Cell, metric and the pair as an unordered pair (names sorted). */
    private record FindingKey(CellKey cell, Metric metric, String first, String second) {
        static FindingKey of(Finding f) {
            boolean inOrder = f.runtimeA().compareTo(f.runtimeB()) < 0;
            return new FindingKey(f.cell(), f.metric(), inOrder ? f.runtimeA() : f.runtimeB(),
                    inOrder ? f.runtimeB() : f.runtimeA());
        }
    }

    private record IntervalKey(CellKey cell, String runtime, Metric metric) {
        static IntervalKey of(CellInterval c) {
            return new IntervalKey(c.cell(), c.runtime(), c.metric());
        }
    }
}
