package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The few figures a reader looks at first, one row per runtime, chosen once for the README headline
 * and the terminal summary alike. From what the results hold: capacity per CPU of budget and × nginx
 * (else plaintext throughput, CPU per request and p99); CPU per request and p99 at equal work; and
 * io-wait at its most connections, with memory and threads there, where connections cost the most.
 *
 * @param columns what each column shows
 * @param runtimes the rows
 * @param cells    per row, per column, the text
 * @param notes    what the columns were measured at, for the line under the table
 * @param chart    the report's chart of the first column's figure (a file in the results folder), or null
 */
record Headline(List<Column> columns, List<String> runtimes, List<List<String>> cells, List<String> notes, String chart) {
    static final int PREFERRED_PLAINTEXT = 1024;
    static final int PREFERRED_CAPACITY = 256;

    /** A column: its header in the README, its short header on a terminal, and its text per runtime. */
    record Column(String header, String shortHeader, Function<String, String> text) {
    }

    static Headline of(ResultsIndex index) {
        List<Column> columns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String chart = capacity(index, columns, notes);
        if (chart == null) {
            chart = plaintext(index, columns, notes);
        }
        equalWork(index, columns, notes);
        ioWait(index, columns, notes);
        memoryLimit(index, columns, notes);
        List<String> runtimes = index.runtimes();
        List<List<String>> cells = runtimes.stream().map(r -> columns.stream().map(c -> c.text().apply(r)).toList()).toList();
        return new Headline(columns, runtimes, cells, notes, chart);
    }

    private static String capacity(ResultsIndex index, List<Column> columns, List<String> notes) {
        String key = Scenarios.CAPACITY.key();
        List<Integer> counts = index.connectionsOf(key);
        if (counts.isEmpty()) {
            return null;
        }
        int c = counts.contains(PREFERRED_CAPACITY) ? PREFERRED_CAPACITY : counts.get(0);
        Function<String, CellTrials> cell = r -> index.cell(r, key, c, 0.0);
        CellTrials nginx = index.cell(CapacitySection.NGINX, key, c, 0.0);
        double budget = index.cellsOf(key).stream().mapToDouble(CellTrials::cpuLimit).filter(d -> !Double.isNaN(d)).findFirst()
                .orElse(Double.NaN);
        columns.add(new Column("capacity req/s per CPU", "req/s/CPU",
                r -> figure(cell.apply(r), x -> Units.rate(x.perCpu().median()) + (x.atBudget(CapacitySection.AT_BUDGET) ? "" : " ‡")
                        + (x.errors() > 0 ? " !" : ""))));
        columns.add(new Column("× nginx", "×nginx", r -> figure(cell.apply(r), x -> {
            io.greetbench.bench.stats.Interval ratio = CapacitySection.timesNginx(x, nginx);
            return x == nginx ? "1.00" : ratio == null ? Units.NONE : SpreadText.ratio(ratio);
        })));
        notes.add(String.format(Locale.ROOT, "capacity at %,d connections, each server limited to %s CPU (‡ did not use its "
                + "whole budget; × nginx with its 95%% interval)", c, Units.oneDecimal(budget)));
        return key + "-c" + c + ".png";
    }

    private static String plaintext(ResultsIndex index, List<Column> columns, List<String> notes) {
        String key = Scenarios.PLAINTEXT.key();
        List<Integer> counts = index.connectionsOf(key);
        if (counts.isEmpty()) {
            return null;
        }
        int c = counts.contains(PREFERRED_PLAINTEXT) ? PREFERRED_PLAINTEXT : counts.get(counts.size() - 1);
        Function<String, CellTrials> cell = r -> index.cell(r, key, c, 0.0);
        columns.add(new Column("plaintext req/s", "plain req/s", r -> figure(cell.apply(r), x -> Units.rate(x.rps().median()) + marks(x))));
        columns.add(new Column("server CPU µs/req", "CPU µs/rq", r -> figure(cell.apply(r), x -> Units.oneDecimal(x.cpuPerRequest().median()))));
        columns.add(new Column("plaintext p99", "plain p99", r -> figure(cell.apply(r), x -> Units.micros(x.p99().median()))));
        notes.add(String.format(Locale.ROOT, "plaintext at %,d connections († driver-bound)", c));
        return key + "-throughput.png";
    }

    private static void equalWork(ResultsIndex index, List<Column> columns, List<String> notes) {
        String key = Scenarios.EQUAL_WORK.key();
        List<Double> rates = index.ratesOf(key);
        if (rates.isEmpty()) {
            return;
        }
        // The second-lowest rate: the highest the defaults mean every JVM runtime to carry.
        double rate = rates.get(Math.min(1, rates.size() - 1));
        Function<String, CellTrials> cell = r -> index.cellsOf(key).stream()
                .filter(x -> x.runtime().equals(r) && x.key.rate() == rate).findFirst().orElse(null);
        columns.add(new Column("CPU µs/req at " + Units.rate(rate) + " req/s", "CPU µs/rq",
                r -> figure(cell.apply(r), x -> Units.oneDecimal(x.cpuPerRequest().median()) + (x.errors() > 0 ? " !" : ""))));
        columns.add(new Column("p99 at " + Units.rate(rate) + " req/s", "p99@rate", r -> figure(cell.apply(r), x -> Units.micros(x.p99().median()))));
        notes.add("equal work: " + Units.rate(rate) + " requests/s offered to every runtime, no CPU limit");
    }

    private static void ioWait(ResultsIndex index, List<Column> columns, List<String> notes) {
        String key = Scenarios.IO_WAIT.key();
        List<Integer> counts = index.connectionsOf(key);
        if (counts.isEmpty()) {
            return;
        }
        int c = counts.get(counts.size() - 1);
        Function<String, CellTrials> cell = r -> index.cell(r, key, c, 0.0);
        columns.add(new Column("io-wait req/s", "wait req/s", r -> figure(cell.apply(r), x -> Units.rate(x.rps().median()) + marks(x))));
        columns.add(new Column("io-wait p99", "wait p99", r -> figure(cell.apply(r), x -> Units.micros(x.p99().median()))));
        if (!index.container().anySearch()) { // else the memory limit found says it better (memoryLimit)
            columns.add(new Column("io-wait peak RSS", "RSS", r -> figure(cell.apply(r), x -> Units.mibFromKb(x.rssPeakKb().median()))));
        }
        columns.add(new Column("io-wait threads", "threads", r -> figure(cell.apply(r), x -> Units.count(x.threadsPeak().median()))));
        notes.add(String.format(Locale.ROOT, "io-wait (%d ms per request) at %,d connections, %s there",
                index.recordedWait(Scenarios.IO_WAIT).toMillis(), c, index.container().anySearch() ? "threads" : "memory and threads"));
    }

    /**
     * The memory scenario's smallest memory limit that held its most waiting connections, with its interval
     * over rounds: what a container's memory limit must be, in place of peak RSS under a fixed heap.
     */
    private static void memoryLimit(ResultsIndex index, List<Column> columns, List<String> notes) {
        ContainerResults results = index.container();
        if (!results.anySearch()) {
            return;
        }
        columns.add(new Column("memory limit", "mem limit", r -> {
            if (results.searches(r).isEmpty()) {
                return Units.NONE;
            }
            Interval found = results.limitFound(r);
            return found != null ? SpreadText.interval(found, v -> String.format(Locale.ROOT, "%.0f MiB", v), found.n())
                    : "none held";
        }));
        notes.add(String.format(Locale.ROOT, "memory limit: the smallest container memory limit (a memory cgroup, the heap "
                + "sized from it) at which it served %,d waiting connections as without one: the median over rounds, and an interval "
                + "(with 5 rounds or fewer, the range) from the searches' last failed steps up to the limits found",
                results.searchedAt()));
    }

    /** "–" when not measured, "failed" when every trial failed, else the figure. */
    private static String figure(CellTrials c, Function<CellTrials, String> text) {
        return c == null ? Units.NONE : c.measured() ? text.apply(c) : "failed";
    }

    /** † driver-bound, ! with errors. */
    static String marks(CellTrials c) {
        return (c.driverBound() ? " †" : "") + (c.errors() > 0 ? " !" : "");
    }
}
