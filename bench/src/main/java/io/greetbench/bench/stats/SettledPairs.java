package io.greetbench.bench.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every pair of runtimes in one cell, with the ratio of their medians on the cell's metric and
 * whether it is settled to a precision ({@link FindingRule#settled}): its interval excludes no
 * difference at a p-value the report can state, or lies within ±precision of it. What the precision loop measures again, and what the
 * report says of each pair it ranks or ties.
 */
public final class SettledPairs {
    private SettledPairs() {
    }

    /** Two runtimes, their ratio A/B with its interval, and whether it is settled. */
    public record Pair(String a, String b, Interval ratio, boolean settled) {
        /** The smaller side's trial count. */
        public int n() {
            return ratio.n();
        }
    }

    /**
     * Every pair of {@code rounds} (runtime → its values by round, in the order given), A before B,
     * compared as the report compares them ({@link Finding#measure}: paired by round when they share
     * enough rounds).
     */
    public static List<Pair> of(CellKey cell, Metric metric, Map<String, Map<Integer, Double>> rounds, double precision,
            Bootstrap bootstrap) {
        FindingRule rule = new FindingRule();
        List<String> runtimes = new ArrayList<>(rounds.keySet());
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < runtimes.size(); i++) {
            for (int j = i + 1; j < runtimes.size(); j++) {
                String a = runtimes.get(i);
                String b = runtimes.get(j);
                Finding f = Finding.measure(cell, metric, a, rounds.get(a), b, rounds.get(b), bootstrap, rule);
                Interval ratio = f.ratioInterval();
                pairs.add(new Pair(a, b, ratio, rule.settled(ratio, f.p(), precision)));
            }
        }
        return pairs;
    }

    /** The runtimes in at least one unsettled pair: those a further round of the cell measures. */
    public static Set<String> unsettledRuntimes(List<Pair> pairs) {
        Set<String> names = new LinkedHashSet<>();
        for (Pair p : pairs) {
            if (!p.settled()) {
                names.add(p.a());
                names.add(p.b());
            }
        }
        return names;
    }
}
