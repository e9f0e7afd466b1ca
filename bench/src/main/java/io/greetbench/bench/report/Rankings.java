package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Pace;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.stats.Bootstrap;
import io.greetbench.bench.stats.CellInterval;
import io.greetbench.bench.stats.CellKey;
import io.greetbench.bench.stats.FalseDiscovery;
import io.greetbench.bench.stats.Finding;
import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.stats.Metric;
import io.greetbench.bench.stats.Verdict;
import io.greetbench.bench.text.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "What this run shows", computed from the results and no stronger than their intervals. Per cell
 * (scenario × connections × rate) and metric, every pair of runtimes is compared by
 * {@link Finding#measure} (paired by round where the two share rounds) and all pairs of the run are
 * judged together ({@link FalseDiscovery}, the report's {@link io.greetbench.bench.stats.FindingRule}):
 * CPU per request in the sweeps and at equal work,
 * requests/s per CPU of budget in capacity cells, p99 at equal work and at a share of peak, and
 * requests/s at a sweep's most connections. The page names the best runtime by median, those the
 * data cannot tell apart from it, and a sentence with its interval for each of the rest; findings.json
 * holds every pair. Reference rows ({@code ref-*}) are never ranked, only held against where a
 * section shows "× ref-nginx".
 */
final class Rankings {
    static final String REFERENCE_PREFIX = "ref-";

    /** One metric in one cell compared across runtimes. */
    record Ranking(CellKey cell, Metric metric, String title, Function<Double, String> format,
            Map<String, Spread> values, List<String> ranked, List<String> leftOut, List<Finding> findings,
            List<Finding> versusReference) {

        /** The best runtime by median, or null when fewer than two could be ranked. */
        String best() {
            return ranked.size() < 2 ? null : ranked.get(0);
        }

        /** The finding of the best runtime against {@code other} (the best is always A). */
        Finding bestAgainst(String other) {
            return findings.stream().filter(f -> f.runtimeA().equals(best()) && f.runtimeB().equals(other)).findFirst()
                    .orElseThrow();
        }
    }

    private final List<Ranking> rankings = new ArrayList<>();
    /** The page in order: a remark as Markdown, or (an Integer) the index of a ranking in {@link #rankings}. */
    private final List<Object> items = new ArrayList<>();
    private final List<String> page = new ArrayList<>();
    private final boolean firstLook;

    private Rankings(ResultsIndex index) {
        firstLook = index.maxTrials() == 1;
        for (Scenario scenario : index.scenarios()) {
            switch (scenario.section()) {
                case CONNECTION_SWEEP -> sweep(index, scenario);
                case RATE_TABLE -> perRate(index, scenario, List.of(Metric.P99_LATENCY));
                case EQUAL_WORK_TABLE -> perRate(index, scenario, List.of(Metric.CPU_PER_REQUEST, Metric.P99_LATENCY));
                case CAPACITY_TABLE -> capacity(index, scenario);
                case SINGLE_TABLE -> {
                }
            }
        }
        adjustTogether();
        for (Object item : items) {
            String line = item instanceof Integer i ? render(rankings.get(i)) : (String) item;
            if (line != null) {
                page.add(line);
            }
        }
        long failed = index.cells().stream().mapToLong(c -> c.failures.size()).sum();
        if (failed > 0) {
            page.add(failed + " measurement(s) failed; see the end of this page.");
        }
        if (page.isEmpty()) {
            page.add("Nothing yet: no measurement finished.");
        }
    }

    /** Every pair of the run judged together: q-values over all of them, and the verdicts they give. */
    private void adjustTogether() {
        List<Finding> all = new ArrayList<>();
        rankings.forEach(r -> {
            all.addAll(r.findings());
            all.addAll(r.versusReference());
        });
        List<Finding> adjusted = FalseDiscovery.adjust(all, ReportStatistics.RULE);
        int next = 0;
        for (int i = 0; i < rankings.size(); i++) {
            Ranking r = rankings.get(i);
            int f = r.findings().size();
            int v = r.versusReference().size();
            Ranking judged = new Ranking(r.cell(), r.metric(), r.title(), r.format(), r.values(), r.ranked(), r.leftOut(),
                    adjusted.subList(next, next + f), adjusted.subList(next + f, next + f + v));
            next += f + v;
            rankings.set(i, judged);
        }
    }

    static Rankings of(ResultsIndex index) {
        return new Rankings(index);
    }

    /** Every comparison, in the page's order. */
    List<Ranking> rankings() {
        return rankings;
    }

    /** The page's list: one Markdown item per comparison or remark (an item may hold a nested list). */
    List<String> page() {
        return page;
    }

    /** True when every cell had one trial: the run can tell nothing apart, its findings are a first look. */
    boolean firstLook() {
        return firstLook;
    }

    /** The body of findings.json: every pair of every cell and metric, and every runtime's interval there. */
    io.greetbench.bench.stats.Findings file() {
        List<Finding> all = new ArrayList<>();
        List<CellInterval> intervals = new ArrayList<>();
        for (Ranking c : rankings) {
            all.addAll(c.findings());
            all.addAll(c.versusReference());
            c.values().forEach((runtime, s) -> intervals.add(new CellInterval(c.cell(), runtime, c.metric(), s.interval())));
        }
        return io.greetbench.bench.stats.Findings.of(ReportStatistics.BOOTSTRAP, ReportStatistics.RULE, all, intervals);
    }

    // --- what is compared where ---

    private void sweep(ResultsIndex index, Scenario scenario) {
        String key = scenario.key();
        List<Integer> counts = index.connectionsOf(key);
        List<CellTrials> cells = index.cellsOf(key);
        for (int c : counts) {
            List<CellTrials> at = cells.stream().filter(x -> x.connections() == c).toList();
            add(compare(at, CellKey.closedLoop(key, c), Metric.CPU_PER_REQUEST,
                    String.format(Locale.ROOT, "%s, %s: server CPU per request", key, connections(c)), false, null));
        }
        int top = counts.get(counts.size() - 1);
        List<CellTrials> atTop = cells.stream().filter(x -> x.connections() == top).toList();
        add(compare(atTop, CellKey.closedLoop(key, top), Metric.THROUGHPUT,
                String.format(Locale.ROOT, "%s, %s: requests/s, where the driver did not set the pace", key, connections(top)),
                true, null));
        List<String> withErrors = atTop.stream().filter(x -> x.errors() > 0)
                .map(x -> "`" + x.runtime() + "` (" + x.errors() + ")").toList();
        if (!withErrors.isEmpty()) {
            items.add(key + " at " + Units.thousands(top) + " connections, errors (timeouts, resets) from: "
                    + String.join(", ", withErrors) + ".");
        }
        knees(index, key, counts);
        long bound = cells.stream().filter(CellTrials::driverBound).count();
        long total = cells.stream().filter(CellTrials::measured).count();
        if (bound > 0) {
            items.add(String.format(Locale.ROOT, "%s: %d of %d cells were driver-bound (†): their requests/s is the "
                    + "driver's limit, so compare those runtimes by CPU per request instead.", key, bound, total));
        }
    }

    /**
     * Where more connections stopped buying throughput: per runtime, the fewest connections whose
     * requests/s the data cannot tell apart from its best count's. Only with intervals (two or more
     * trials): with one, every count would "tie".
     */
    private void knees(ResultsIndex index, String key, List<Integer> counts) {
        if (counts.size() < 3) {
            return;
        }
        List<String> knees = new ArrayList<>();
        for (String runtime : index.runtimes()) {
            List<CellTrials> own = counts.stream().map(c -> index.cell(runtime, key, c, 0.0))
                    .filter(x -> x != null && x.positive(Metric.THROUGHPUT).n() >= 2).toList();
            if (own.size() < 2) {
                continue;
            }
            CellTrials best = own.stream().max(Comparator.comparingDouble(x -> x.positive(Metric.THROUGHPUT).median())).orElseThrow();
            for (CellTrials x : own) {
                Interval ratio = ReportStatistics.BOOTSTRAP.ratioOfMedians(x.positive(Metric.THROUGHPUT).array(),
                        best.positive(Metric.THROUGHPUT).array());
                if (x == best || ReportStatistics.RULE.judge(ratio) != Verdict.SIGNIFICANT) {
                    knees.add("`" + runtime + "` " + Units.thousands(x.connections()));
                    break;
                }
            }
        }
        if (!knees.isEmpty()) {
            items.add(key + ": the fewest connections at which each runtime's requests/s could not be told apart from its "
                    + "best (more connections bought nothing this run can show): " + String.join(", ", knees) + ".");
        }
    }

    /** Open loop: per rate (a share of each runtime's peak, or the same requests/s for all), the given metrics. */
    private void perRate(ResultsIndex index, Scenario scenario, List<Metric> metrics) {
        String key = scenario.key();
        boolean fixed = scenario.pace() == Pace.FIXED_RATES;
        for (double rate : index.ratesOf(key)) {
            List<CellTrials> at = index.cellsOf(key).stream().filter(c -> c.key.rate() == rate).toList();
            if (at.isEmpty()) {
                continue;
            }
            int connections = at.get(0).connections();
            CellKey cell = cellKey(at.get(0));
            String where = fixed
                    ? String.format(Locale.ROOT, "%s, %s requests/s offered to each, %s", key, Units.rate(rate), connections(connections))
                    : String.format(Locale.ROOT, "%s, %s of each runtime's own peak, %s", key, Units.pct(rate), connections(connections));
            for (Metric metric : metrics) {
                add(compare(at, cell, metric, where + ": " + (metric == Metric.P99_LATENCY ? "p99 latency" : "server CPU per request"),
                        false, null));
            }
        }
    }

    private void capacity(ResultsIndex index, Scenario scenario) {
        String key = scenario.key();
        for (int c : index.connectionsOf(key)) {
            List<CellTrials> at = index.cellsOf(key).stream().filter(x -> x.connections() == c).toList();
            add(compare(at, CellKey.closedLoop(key, c), Metric.REQUESTS_PER_CPU,
                    String.format(Locale.ROOT, "%s, %s: requests/s per CPU of budget", key, connections(c)), false,
                    CapacitySection.NGINX));
        }
    }

    /** The cell as findings.json names it, from the results' own record of its rate. */
    static CellKey cellKey(CellTrials c) {
        Pace pace = Scenarios.find(c.scenario()).map(Scenario::pace).orElse(c.key.rate() > 0 ? Pace.SHARE_OF_PEAK : Pace.CLOSED);
        return CellKey.of(pace, c.scenario(), c.connections(), c.key.rate());
    }

    // --- one comparison ---

    /** How a value of {@code metric} reads on the page: "12.0 µs", "1.65 ms", "45.4k req/s". */
    static Function<Double, String> format(Metric metric) {
        return switch (metric) {
            case CPU_PER_REQUEST -> v -> Units.oneDecimal(v) + " µs";
            case P99_LATENCY, P999_LATENCY -> Units::micros;
            case THROUGHPUT -> v -> Units.rate(v) + " req/s";
            case REQUESTS_PER_CPU -> v -> Units.rate(v) + " req/s per CPU";
            case PEAK_RSS -> Units::mibFromKb;
        };
    }

    /**
     * Compares the runtimes of one cell on one metric: references and runtimes with errors (or, when
     * asked, driver-bound) are not ranked; every pair of the ranked is measured, better median first;
     * each runtime against {@code reference} when given.
     */
    private static Ranking compare(List<CellTrials> cells, CellKey cell, Metric metric, String title,
            boolean leaveOutDriverBound, String reference) {
        Map<String, Spread> values = new LinkedHashMap<>();
        Map<String, CellTrials> trials = new LinkedHashMap<>();
        List<String> ranked = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (CellTrials c : cells) {
            Spread s = c.measured() ? c.positive(metric) : Spread.NONE;
            if (!s.present()) {
                continue;
            }
            values.put(c.runtime(), s);
            trials.put(c.runtime(), c);
            if (c.reference || c.runtime().startsWith(REFERENCE_PREFIX)) {
                continue;
            }
            if (c.errors() > 0) {
                leftOut.add("`" + c.runtime() + "` (errors)");
            } else if (leaveOutDriverBound && c.driverBound()) {
                leftOut.add("`" + c.runtime() + "` (driver-bound)");
            } else {
                ranked.add(c.runtime());
            }
        }
        Comparator<String> byMedian = Comparator.comparingDouble(r -> values.get(r).median());
        ranked.sort(metric.lowerIsBetter() ? byMedian : byMedian.reversed());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = i + 1; j < ranked.size(); j++) {
                findings.add(measure(cell, metric, trials.get(ranked.get(i)), trials.get(ranked.get(j))));
            }
        }
        List<Finding> versusReference = new ArrayList<>();
        if (reference != null && values.containsKey(reference)) {
            for (String runtime : values.keySet()) {
                if (!runtime.equals(reference) && !runtime.startsWith(REFERENCE_PREFIX)) {
                    versusReference.add(measure(cell, metric, trials.get(runtime), trials.get(reference)));
                }
            }
        }
        return new Ranking(cell, metric, title, format(metric), values, ranked, leftOut, findings, versusReference);
    }

    /**
     * Runtime {@code a} against {@code b} on {@code metric}, by the one entry point ({@link Finding#measure}):
     * paired by round where both recorded their rounds, else unpaired. Judged alone; the page and
     * findings.json judge all pairs of the run together.
     */
    static Finding measure(CellKey cell, Metric metric, CellTrials a, CellTrials b) {
        Map<Integer, Double> roundsA = a.byRound(metric);
        Map<Integer, Double> roundsB = b.byRound(metric);
        if (roundsA != null && roundsB != null) {
            return Finding.measure(cell, metric, a.runtime(), roundsA, b.runtime(), roundsB, ReportStatistics.BOOTSTRAP,
                    ReportStatistics.RULE);
        }
        return Finding.measure(cell, metric, a.runtime(), a.positive(metric).array(), b.runtime(), b.positive(metric).array(),
                ReportStatistics.BOOTSTRAP, ReportStatistics.RULE);
    }

    // --- the page ---

    private void add(Ranking c) {
        if (c.values().isEmpty()) {
            return;
        }
        items.add(rankings.size());
        rankings.add(c);
    }

    /** "1 connection", "1,024 connections". */
    private static String connections(int n) {
        return Units.thousands(n) + (n == 1 ? " connection" : " connections");
    }

    private static String name(String runtime) {
        return "`" + runtime + "`";
    }

    /**
     * One list item: the best by median, the runtimes it cannot be told from, those it differs from by
     * less than the threshold, and a sentence for each finding and each difference of unclear size.
     */
    private static String render(Ranking c) {
        String notRanked = c.leftOut().isEmpty() ? "" : " Not ranked: " + String.join(", ", c.leftOut()) + ".";
        if (c.best() == null && c.versusReference().isEmpty()) {
            // a cell with a runtime left out is still said (else the page would claim nothing was measured)
            return c.leftOut().isEmpty() ? null : "**" + c.title() + "**: fewer than two runtimes to rank." + notRanked;
        }
        StringBuilder md = new StringBuilder("**").append(c.title()).append("**");
        List<String> nested = new ArrayList<>();
        if (c.best() == null) {
            md.append(notRanked);
        } else {
            String best = c.best();
            md.append(" (").append(trials(c)).append(pairing(c.findings())).append("): ");
            boolean anyInterval = c.ranked().stream().anyMatch(r -> c.values().get(r).n() >= 2);
            String lead = (c.metric().lowerIsBetter() ? "lowest" : "highest") + " median " + name(best) + ", "
                    + valueWithInterval(c.values().get(best), c.format());
            if (!anyInterval) {
                md.append("one trial each, so no intervals: this run tells none of these runtimes apart here (")
                        .append(lead).append("; a first look).").append(notRanked);
            } else {
                md.append(lead).append('.').append(notRanked);
                List<String> ties = new ArrayList<>();
                List<String> small = new ArrayList<>();
                for (String other : c.ranked().subList(1, c.ranked().size())) {
                    Finding f = c.bestAgainst(other);
                    switch (f.verdict()) {
                        case SIGNIFICANT, SIZE_UNCLEAR -> nested.add(f.sentence(Rankings::name));
                        case BELOW_THRESHOLD -> small.add(name(other) + " (" + ratioText(f) + ")");
                        default -> ties.add(name(other) + " (" + ratioText(f) + ")");
                    }
                }
                if (!ties.isEmpty()) {
                    md.append(ties.size() == c.ranked().size() - 1 ? " The data cannot tell it apart from any of the others: "
                            : " The data cannot tell it apart from ").append(String.join(", ", ties)).append('.');
                }
                if (!small.isEmpty()) {
                    md.append(String.format(Locale.ROOT, " It differs by less than the %s threshold from ", threshold()))
                            .append(String.join(", ", small)).append('.');
                }
                if (!nested.isEmpty()) {
                    md.append(ties.isEmpty() && small.isEmpty() ? (c.ranked().size() == 2 ? " The data tells it apart from the other:"
                            : " The data tells it apart from each of the others:") : " Against the rest:");
                }
            }
        }
        for (String line : nested) {
            md.append("\n  - ").append(line);
        }
        if (!c.versusReference().isEmpty()) {
            String reference = c.versusReference().get(0).runtimeB();
            md.append(c.best() == null ? "" : "\n- **" + c.title() + "**").append(", against ").append(name(reference))
                    .append(" (a reference: held against, not ranked; the table's × ").append(reference)
                    .append(pairing(c.versusReference())).append("):");
            for (Finding f : c.versusReference()) {
                md.append("\n  - ").append(f.verdict() == Verdict.SIGNIFICANT || f.verdict() == Verdict.SIZE_UNCLEAR
                        || f.verdict() == Verdict.BELOW_THRESHOLD ? f.sentence(Rankings::name)
                        : name(f.runtimeA()) + " and " + name(f.runtimeB()) + " cannot be told apart (" + ratioText(f) + ")");
            }
        }
        return md.toString();
    }

    /** "5%": the rule's threshold as the page writes it. */
    private static String threshold() {
        return Units.pct(ReportStatistics.RULE.threshold());
    }

    /** "; paired by round", "; unpaired", or "; paired by round where rounds are shared (n of m pairs)". */
    private static String pairing(List<Finding> findings) {
        long paired = findings.stream().filter(Finding::paired).count();
        if (findings.isEmpty()) {
            return "";
        }
        return paired == findings.size() ? "; paired by round" : paired == 0 ? "; unpaired"
                : String.format(Locale.ROOT, "; paired by round in %d of %d pairs", paired, findings.size());
    }

    /**
     * Why a pair is no finding, with its interval: "ratio a/b 95% CI 83–118%", "…, q = 0.09 over the
     * run's pairs", "…, a clear difference under the 5% threshold", "3 and 5 trials: too few for a
     * claim", or for a single trial "ratio a/b 93%, one trial: no interval".
     */
    private static String ratioText(Finding f) {
        String ratio = "ratio " + f.runtimeA() + "/" + f.runtimeB();
        if (Math.min(f.trialsA(), f.trialsB()) < 2) {
            return ratio + String.format(Locale.ROOT, " %.0f%%, one trial: no interval", f.ratio() * 100);
        }
        String ci = ratio + " 95% CI " + f.ratioRange();
        return switch (f.verdict()) {
            case TOO_FEW_TRIALS -> ci + String.format(Locale.ROOT, "; %d and %d trials: too few for a claim", f.trialsA(),
                    f.trialsB());
            case NOT_SIGNIFICANT -> ci + ", q = " + Units.probability(f.q()) + " over the run's pairs";
            case BELOW_THRESHOLD -> ci + ", q = " + Units.probability(f.q());
            default -> ci;
        };
    }

    /**
     * "12.0 µs (95% CI 11.4–14.7 µs)", "873 µs (95% CI 463 µs–1.32 ms)"; with five trials or fewer
     * "12.0 µs (range 11.4–14.7 µs)" (there the bootstrap interval is the range, see
     * {@link Bootstrap#medianIntervalIsRange}); "12.0 µs (n=1, no interval)".
     */
    static String valueWithInterval(Spread s, Function<Double, String> format) {
        if (s.n() < 2) {
            return format.apply(s.median()) + " (n=1, no interval)";
        }
        Interval i = s.interval();
        return format.apply(i.point()) + " (" + (Bootstrap.medianIntervalIsRange(s.n()) ? "range " : "95% CI ")
                + range(format.apply(i.low()), format.apply(i.high())) + ")";
    }

    /** "11.4–14.7 µs" when both ends have the same unit, else "463 µs–1.32 ms". */
    static String range(String low, String high) {
        int a = low.indexOf(' ');
        int b = high.indexOf(' ');
        if (a > 0 && b > 0 && low.substring(a).equals(high.substring(b))) {
            return low.substring(0, a) + "–" + high;
        }
        return low + "–" + high;
    }

    /** "n=3 each", or "n=2–3" when the ranked runtimes had different trial counts. */
    private static String trials(Ranking c) {
        List<Integer> ns = c.ranked().stream().map(r -> c.values().get(r).n()).distinct().sorted().collect(Collectors.toList());
        return ns.size() == 1 ? "n=" + ns.get(0) + " each" : "n=" + ns.get(0) + "–" + ns.get(ns.size() - 1);
    }
}
