package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.SectionStyle;
import io.greetbench.bench.text.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** "What this run shows": every sentence computed from the results, none written by hand. */
final class Findings {
    private Findings() {
    }

    static List<String> of(ResultsIndex index) {
        List<String> out = new ArrayList<>();
        for (Scenario scenario : index.scenarios()) {
            if (scenario.section() == SectionStyle.CONNECTION_SWEEP) {
                sweep(index, scenario.key(), out);
            } else if (scenario.section() == SectionStyle.RATE_TABLE) {
                rates(index, scenario.key(), out);
            }
        }
        long failed = index.cells().stream().mapToLong(c -> c.failures.size()).sum();
        if (failed > 0) {
            out.add(failed + " measurement(s) failed; see the end of this page.");
        }
        if (out.isEmpty()) {
            out.add("Nothing yet: no measurement finished.");
        }
        return out;
    }

    private static void sweep(ResultsIndex index, String scenario, List<String> out) {
        List<Integer> counts = index.connectionsOf(scenario);
        List<CellTrials> cells = index.cellsOf(scenario);
        // Cheapest server CPU per request, at each connection count, among greetbench's runtimes.
        for (int c : counts) {
            List<CellTrials> ranked = cells.stream()
                    .filter(x -> x.connections() == c && !x.reference && x.cpuPerRequest().present() && x.errors() == 0)
                    .sorted(Comparator.comparingDouble(x -> x.cpuPerRequest().median())).toList();
            if (ranked.size() >= 2) {
                CellTrials a = ranked.get(0);
                CellTrials b = ranked.get(1);
                CellTrials last = ranked.get(ranked.size() - 1);
                out.add(String.format(Locale.ROOT, "%s, %,d connections: `%s` spent the least server CPU per request "
                        + "(%s µs), %.0f%% less than the next, `%s` (%s µs); the most: `%s` (%s µs).", scenario, c,
                        a.runtime(), Units.oneDecimal(a.cpuPerRequest().median()),
                        100 * (1 - a.cpuPerRequest().median() / b.cpuPerRequest().median()), b.runtime(),
                        Units.oneDecimal(b.cpuPerRequest().median()), last.runtime(),
                        Units.oneDecimal(last.cpuPerRequest().median())));
            }
        }
        // Highest throughput at the largest connection count, and errors there.
        int top = counts.get(counts.size() - 1);
        List<CellTrials> atTop = cells.stream().filter(x -> x.connections() == top && x.rps().present())
                .sorted(Comparator.comparingDouble((CellTrials x) -> -x.rps().median())).toList();
        if (!atTop.isEmpty()) {
            CellTrials best = atTop.get(0);
            CellTrials worst = atTop.get(atTop.size() - 1);
            out.add(String.format(Locale.ROOT, "%s at %,d connections: the most requests/s came from `%s` (%s%s); "
                    + "the fewest from `%s` (%s).", scenario, top, best.runtime(), Units.rate(best.rps().median()),
                    best.driverBound() ? ", driver-bound" : "", worst.runtime(), Units.rate(worst.rps().median())));
            List<String> withErrors = atTop.stream().filter(x -> x.errors() > 0)
                    .map(x -> "`" + x.runtime() + "` (" + x.errors() + ")").toList();
            if (!withErrors.isEmpty()) {
                out.add(scenario + " at " + Units.thousands(top) + " connections, errors (timeouts, "
                        + "resets) from: " + String.join(", ", withErrors) + ".");
            }
        }
        knees(index, scenario, counts, out);
        long bound = cells.stream().filter(CellTrials::driverBound).count();
        long total = cells.stream().filter(CellTrials::measured).count();
        if (bound > 0) {
            out.add(String.format(Locale.ROOT, "%s: %d of %d cells were driver-bound (†): their requests/s is the "
                    + "driver's limit, so compare those runtimes by CPU per request instead.", scenario, bound, total));
        }
    }

    /** Where each runtime stops scaling: the first connection count at which it reached 90% of its best. */
    private static void knees(ResultsIndex index, String scenario, List<Integer> counts, List<String> out) {
        if (counts.size() < 3) {
            return;
        }
        List<String> knees = new ArrayList<>();
        for (String runtime : index.runtimes()) {
            double best = 0;
            for (int c : counts) {
                CellTrials x = index.cell(runtime, scenario, c, 0.0);
                if (x != null && x.rps().present()) {
                    best = Math.max(best, x.rps().median());
                }
            }
            for (int c : counts) {
                CellTrials x = index.cell(runtime, scenario, c, 0.0);
                if (best > 0 && x != null && x.rps().present() && x.rps().median() >= 0.9 * best) {
                    knees.add("`" + runtime + "` " + Units.thousands(c));
                    break;
                }
            }
        }
        if (!knees.isEmpty()) {
            out.add(scenario + ": connections at which each runtime first reached 90% of its best throughput "
                    + "(more connections bought little after that): " + String.join(", ", knees) + ".");
        }
    }

    /** Tail latency at the same share of load. */
    private static void rates(ResultsIndex index, String scenario, List<String> out) {
        TreeSet<Double> fractions = index.cellsOf(scenario).stream().map(CellTrials::rateFraction)
                .collect(Collectors.toCollection(TreeSet::new));
        for (double f : fractions) {
            List<CellTrials> ranked = index.cellsOf(scenario).stream()
                    .filter(c -> c.rateFraction() == f && c.p99().present())
                    .sorted(Comparator.comparingDouble(c -> c.p99().median())).toList();
            if (ranked.size() >= 2) {
                CellTrials last = ranked.get(ranked.size() - 1);
                out.add(String.format(Locale.ROOT, "At %s of its own peak, the lowest p99 was `%s` (%s), the highest `%s` (%s).",
                        Units.pct(f), ranked.get(0).runtime(), Units.micros(ranked.get(0).p99().median()),
                        last.runtime(), Units.micros(last.p99().median())));
            }
        }
    }
}
