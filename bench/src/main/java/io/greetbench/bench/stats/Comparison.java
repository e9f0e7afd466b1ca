package io.greetbench.bench.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Two runs held against each other (greetbench compare RUN_A RUN_B): which claims survive, which cells moved. */
public final class Comparison {
    private Comparison() {
    }

    /**
     * Each finding of A (its claims: {@link Verdict#SIGNIFICANT}; the rest claim no size and are left
     * out), matched in B by cell, metric and the pair in either order, and judged by B's own verdict.
     *
     * @throws IllegalArgumentException when B has two findings for the same cell, metric and pair
     */
    public static List<Recheck> recheck(List<Finding> runA, List<Finding> runB) {
        Map<FindingKey, Finding> inB = byKey(runB, "B");
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
     * B's findings that A did not state: B's claims ({@link Verdict#SIGNIFICANT}) whose pair in A is
     * anything else or absent, each with A's finding turned to B's order (null when A has none).
     */
    public static List<Recheck> newInB(List<Finding> runA, List<Finding> runB) {
        Map<FindingKey, Finding> inA = byKey(runA, "A");
        List<Recheck> fresh = new ArrayList<>();
        for (Finding b : runB) {
            Finding a = inA.get(FindingKey.of(b));
            if (b.significant() && (a == null || !a.significant())) {
                Finding oriented = a == null || a.runtimeA().equals(b.runtimeA()) ? a : a.reversed();
                fresh.add(new Recheck(oriented, b, null));
            }
        }
        return fresh;
    }

    /** What A measured that B did not: runtimes absent from B altogether, and cells absent from B altogether. */
    public record Missing(List<String> runtimes, List<CellKey> cells) {
        public boolean any() {
            return !runtimes.isEmpty() || !cells.isEmpty();
        }
    }

    /** The runtimes and the cells of A's intervals that B has no interval for at all. */
    public static Missing missingInB(List<CellInterval> runA, List<CellInterval> runB) {
        Set<String> runtimesB = new LinkedHashSet<>();
        Set<CellKey> cellsB = new LinkedHashSet<>();
        runB.forEach(c -> {
            runtimesB.add(c.runtime());
            cellsB.add(c.cell());
        });
        Set<String> runtimes = new LinkedHashSet<>();
        Set<CellKey> cells = new LinkedHashSet<>();
        for (CellInterval a : runA) {
            if (!runtimesB.contains(a.runtime())) {
                runtimes.add(a.runtime());
            }
            if (!cellsB.contains(a.cell())) {
                cells.add(a.cell());
            }
        }
        return new Missing(List.copyOf(runtimes), List.copyOf(cells));
    }

    /**
     * The cells (cell, runtime, metric present in both runs) whose intervals do not overlap. Cells with a
     * single trial in either run have no interval and are left out: two bare points almost never coincide.
     *
     * @throws IllegalArgumentException when B has two intervals for the same cell, runtime and metric
     */
    public static List<CellShift> nonOverlapping(List<CellInterval> runA, List<CellInterval> runB) {
        List<CellShift> shifts = new ArrayList<>();
        for (CellInterval[] pair : matched(runA, runB)) {
            Interval a = pair[0].interval();
            Interval b = pair[1].interval();
            if (!a.overlaps(b)) {
                shifts.add(new CellShift(pair[0].cell(), pair[0].runtime(), pair[0].metric(), a, b));
            }
        }
        return shifts;
    }

    /**
     * How many of {@link #nonOverlapping}'s cells two runs would give if nothing had changed: the sum
     * over matched cells of the chance that two intervals of the median, from independent trials of one
     * distribution, miss each other. The intervals are order statistics of the trials (the bootstrap's
     * percentiles of a median fall on them; at five trials or fewer they are the range), so the chance
     * depends only on the trial counts: at 5 and 5, 2/252 = 0.79%.
     */
    public static double expectedNonOverlapping(List<CellInterval> runA, Bootstrap bootstrapA, List<CellInterval> runB,
            Bootstrap bootstrapB) {
        Map<Integer, int[]> ranksA = new HashMap<>();
        Map<Integer, int[]> ranksB = new HashMap<>();
        double expected = 0;
        for (CellInterval[] pair : matched(runA, runB)) {
            int n = pair[0].interval().n();
            int m = pair[1].interval().n();
            int[] a = ranksA.computeIfAbsent(n, k -> intervalRanks(k, bootstrapA));
            int[] b = ranksB.computeIfAbsent(m, k -> intervalRanks(k, bootstrapB));
            expected += below(n, a[1], m, b[0]) + below(m, b[1], n, a[0]);
        }
        return expected;
    }

    /** The order statistics (1-based, outward where the bootstrap ends between two) its median interval spans at n trials. */
    static int[] intervalRanks(int n, Bootstrap bootstrap) {
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = i + 1;
        }
        Interval i = bootstrap.median(ranks);
        return new int[] {(int) Math.floor(i.low() + 1e-9), (int) Math.ceil(i.high() - 1e-9)};
    }

    /**
     * P(X_(u) &lt; Y_(l)) for n and m independent draws of one continuous distribution: at least u of the
     * X's come before the l-th smallest Y. The number K of X's before it is negative hypergeometric:
     * P(K = k) = C(k + l − 1, k) · C(n − k + m − l, n − k) / C(n + m, n).
     */
    static double below(int n, int u, int m, int l) {
        double total = PermutationTest.binomial(n + m, n);
        double p = 0;
        for (int k = u; k <= n; k++) {
            p += PermutationTest.binomial(k + l - 1, k) * PermutationTest.binomial(n - k + m - l, n - k) / total;
        }
        return p;
    }

    /** A's intervals with B's for the same cell, runtime and metric, where both have an interval. */
    private static List<CellInterval[]> matched(List<CellInterval> runA, List<CellInterval> runB) {
        Map<IntervalKey, CellInterval> inB = new HashMap<>();
        for (CellInterval c : runB) {
            if (inB.put(IntervalKey.of(c), c) != null) {
                throw new IllegalArgumentException("run B has two intervals for " + c.runtime() + " "
                        + c.metric().label() + " in " + c.cell().label());
            }
        }
        List<CellInterval[]> pairs = new ArrayList<>();
        for (CellInterval a : runA) {
            CellInterval b = inB.get(IntervalKey.of(a));
            if (b != null && a.interval().resolved() && b.interval().resolved()) {
                pairs.add(new CellInterval[] {a, b});
            }
        }
        return pairs;
    }

    private static RecheckOutcome outcome(Finding a, Finding orientedB) {
        boolean sameWay = (a.ratio() < 1) == (orientedB.ratio() < 1);
        if (orientedB.different() && !sameWay) {
            return RecheckOutcome.CONTRADICTED;
        }
        return switch (orientedB.verdict()) {
            case SIGNIFICANT -> a.ratioInterval().overlaps(orientedB.ratioInterval()) ? RecheckOutcome.CONFIRMED
                    : RecheckOutcome.SIZE_DIFFERS;
            case SIZE_UNCLEAR -> RecheckOutcome.SIZE_UNCLEAR_IN_B;
            case BELOW_THRESHOLD -> RecheckOutcome.UNDER_THRESHOLD_IN_B;
            case NOT_SIGNIFICANT -> RecheckOutcome.NOT_SIGNIFICANT_IN_B;
            case TOO_FEW_TRIALS -> RecheckOutcome.TOO_FEW_TRIALS_IN_B;
            case CANNOT_TELL_APART -> RecheckOutcome.NO_DIFFERENCE_IN_B;
        };
    }

    private static Map<FindingKey, Finding> byKey(List<Finding> run, String name) {
        Map<FindingKey, Finding> map = new HashMap<>();
        for (Finding f : run) {
            if (map.put(FindingKey.of(f), f) != null) {
                throw new IllegalArgumentException("run " + name + " has two findings for " + f.runtimeA() + "/" + f.runtimeB()
                        + " " + f.metric().label() + " in " + f.cell().label());
            }
        }
        return map;
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
