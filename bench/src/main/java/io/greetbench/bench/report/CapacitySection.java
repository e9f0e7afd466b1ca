package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.stats.Metric;
import io.greetbench.bench.text.Units;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Capacity at a CPU budget: per connection count, requests/s per CPU of budget, each runtime against
 * {@code ref-nginx} at the same budget, the CPU the server really used, p99 and errors.
 */
final class CapacitySection implements ReportSection {
    /** A server whose CPU use is more than this below its limit was not capacity-bound. */
    static final double AT_BUDGET = 0.10;
    static final String NGINX = "ref-nginx";

    private final Scenario scenario;

    /**
     * {@code cell}'s requests/s per CPU over {@code nginx}'s with its 95% interval, paired by round where
     * they share rounds (the same as the finding against ref-nginx in findings.json); null when either
     * is missing, or {@code cell} is nginx's own.
     */
    static Interval timesNginx(CellTrials cell, CellTrials nginx) {
        if (cell == null || nginx == null || cell == nginx || !cell.positive(Metric.REQUESTS_PER_CPU).present()
                || !nginx.positive(Metric.REQUESTS_PER_CPU).present()) {
            return null;
        }
        return Rankings.measure(Rankings.cellKey(cell), Metric.REQUESTS_PER_CPU, cell, nginx).ratioInterval();
    }

    /** The CFS period of the run's limits, µs: as recorded, else 10 ms (what every run used before it was recorded). */
    static double period(ResultsIndex index) {
        return index.cellsOf(Scenarios.CAPACITY.key()).stream().flatMap(c -> c.ok.stream())
                .map(io.greetbench.bench.results.Measurement::cpuPeriodMicros).filter(java.util.Objects::nonNull)
                .mapToDouble(Long::doubleValue).findFirst().orElse(10_000);
    }

    /** "38% · 1.21 s": the median share of periods throttled and time held; "–" where not recorded. */
    static String throttled(CellTrials cell) {
        Spread share = cell.spread(m -> m.server() == null || m.server().cpuPeriods() == null || m.server().cpuPeriods() == 0
                ? null : m.server().cpuThrottledPeriods() / (double) m.server().cpuPeriods());
        Spread millis = cell.spread(m -> m.server() == null ? null : m.server().cpuThrottledMillis());
        if (!share.present()) {
            return Units.NONE;
        }
        return Units.pct(share.median()) + " · " + Units.micros(millis.median() * 1000);
    }

    CapacitySection(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public void render(ReportContext ctx, StringBuilder md) throws IOException {
        ResultsIndex index = ctx.index();
        List<Integer> counts = index.connectionsOf(scenario.key());
        if (counts.isEmpty()) {
            return;
        }
        double budget = index.cellsOf(scenario.key()).stream().mapToDouble(CellTrials::cpuLimit).filter(d -> !Double.isNaN(d))
                .findFirst().orElse(Double.NaN);
        md.append("## ").append(scenario.title(scenario.requestWait())).append("\n\n")
                .append(scenario.intro(scenario.requestWait())).append(String.format(Locale.ROOT, " Budget here: **%s CPU** "
                        + "per server (cgroup quota, %s ms period%s).", Units.oneDecimal(budget).replace(".0", ""),
                        Units.count(period(index) / 1000), period(index) >= 100_000 ? ", as Docker and Kubernetes set it" : ""))
                .append("\n\n");
        boolean throttling = index.cellsOf(scenario.key()).stream().flatMap(c -> c.ok.stream())
                .anyMatch(m -> m.server() != null && m.server().cpuPeriods() != null);
        for (int c : counts) {
            List<Charts.Bar> bars = new ArrayList<>();
            CellTrials nginx = index.cell(NGINX, scenario.key(), c, 0.0);
            md.append("**").append(Units.thousands(c)).append(" connections**\n\n")
                    .append("| runtime | req/s per CPU | × ref-nginx | server CPU used | p99 |").append(throttling ? " throttled |" : "")
                    .append(" errors |\n").append("|---|---:|---:|---:|---:|").append(throttling ? "---:|" : "").append("---:|\n");
            for (String runtime : index.runtimes()) {
                CellTrials cell = index.cell(runtime, scenario.key(), c, 0.0);
                if (cell == null) {
                    continue;
                }
                if (!cell.measured()) {
                    md.append("| ").append(runtime).append(" | failed | | | | |").append(throttling ? " |" : "").append('\n');
                    continue;
                }
                boolean bound = cell.atBudget(AT_BUDGET);
                Interval ratio = timesNginx(cell, nginx);
                md.append("| ").append(runtime).append(" | ").append(ctx.figure(cell.perCpu(), Units::rate))
                        .append(bound ? "" : " ‡").append(" | ")
                        .append(runtime.equals(NGINX) ? "1.00" : ratio == null ? Units.NONE : SpreadText.ratio(ratio)).append(" | ")
                        .append(ctx.figure(cell.cpuUse(), Units::twoDecimals)).append(" | ")
                        .append(ctx.figure(cell.p99(), Units::micros)).append(" | ")
                        .append(throttling ? throttled(cell) + " | " : "")
                        .append(cell.errorsText()).append(" |\n");
                bars.add(Charts.Bar.of(runtime, cell.perCpu()));
            }
            md.append('\n');
            String file = scenario.key() + "-c" + c + ".png";
            if (Charts.bars(ctx.dir().resolve(file), String.format(Locale.ROOT, "Requests/s per CPU of budget, %,d connections", c),
                    Charts.whiskers(index.usualTrials()), "requests/s per CPU of budget", ChartAxes::compact, bars)) {
                md.append("![capacity at ").append(c).append(" connections](").append(file).append(")\n\n");
            }
        }
        md.append(!throttling ? "" : "`throttled`: the share of the window's CFS periods in which the server had spent its "
                + "quota and was held until the next (`nr_throttled` / `nr_periods`), and how long it was held in all "
                + "(`throttled_time`); medians over trials. ");
        md.append("`× ref-nginx`: the ratio to ref-nginx with its 95% bootstrap interval, as findings.json has it: the "
                        + "median of the per-round ratios where the two were measured in the same rounds, else the ratio of the medians. ")
                .append("`‡`: the server used less than ").append(Units.pct(1 - AT_BUDGET))
                .append(" of its budget in some trial, so something other than its CPU set the pace there.\n\n");
        md.append(CellTrials.setupNote(index.cellsOf(scenario.key())));
    }
}
