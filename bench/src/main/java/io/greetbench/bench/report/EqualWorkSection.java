package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.text.Units;
import java.util.List;
import java.util.Locale;

/**
 * Equal work: per offered rate, a row per runtime with its CPU per request, its latency tail and its
 * errors; CPU per request as bars with their intervals, and the latency by percentile.
 */
final class EqualWorkSection implements ReportSection {
    private final Scenario scenario;

    EqualWorkSection(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public void render(ReportContext ctx, StringBuilder md) throws java.io.IOException {
        ResultsIndex index = ctx.index();
        List<Double> rates = index.ratesOf(scenario.key());
        if (rates.isEmpty()) {
            return;
        }
        md.append("## ").append(scenario.title(scenario.requestWait())).append("\n\n")
                .append(scenario.intro(scenario.requestWait())).append("\n\n");
        for (double rate : rates) {
            List<CellTrials> cells = index.cellsOf(scenario.key()).stream().filter(c -> c.key.rate() == rate).toList();
            md.append("**").append(Units.rate(rate)).append(" requests/s offered, ")
                    .append(Units.thousands(cells.get(0).connections())).append(" connections**\n\n")
                    .append("| runtime | answered req/s | server CPU µs/req | p50 | p99 | p99.9 | errors | late at end |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (CellTrials c : cells) {
                if (!c.measured()) {
                    md.append("| ").append(c.runtime()).append(" | failed | | | | | | |\n");
                    continue;
                }
                md.append("| ").append(c.runtime()).append(" | ").append(ctx.figure(c.rps(), Units::rate)).append(" | ")
                        .append(ctx.figure(c.cpuPerRequest(), Units::oneDecimal)).append(" | ")
                        .append(ctx.figure(c.p50(), Units::micros)).append(" | ")
                        .append(ctx.figure(c.p99(), Units::micros)).append(" | ")
                        .append(ctx.figure(c.p999(), Units::micros)).append(" | ")
                        .append(c.errorsText()).append(" | ")
                        .append(c.unansweredAtEnd()).append(" |\n");
            }
            md.append('\n');
            String key = scenario.key() + String.format(Locale.ROOT, "-%.0f", rate);
            List<Charts.Bar> bars = cells.stream().filter(c -> c.measured() && c.cpuPerRequest().present())
                    .map(c -> Charts.Bar.of(c.runtime(), c.cpuPerRequest())).toList();
            String cpuTitle = "Server CPU per request at " + Units.rate(rate) + " requests/s";
            if (Charts.bars(ctx.dir().resolve(key + "-cpu.png"), cpuTitle, Charts.whiskers(ctx.index().usualTrials()), "CPU µs per request",
                    ChartAxes::plain, bars)) {
                md.append("![").append(cpuTitle).append("](").append(key).append("-cpu.png)\n\n");
            }
            String latencyTitle = "Latency by percentile at " + Units.rate(rate) + " requests/s, "
                    + Units.thousands(cells.get(0).connections()) + " connections";
            if (Charts.percentiles(ctx.dir().resolve(key + "-latency.png"), latencyTitle, RateSection.histograms(cells))) {
                md.append("![").append(latencyTitle).append("](").append(key).append("-latency.png)\n\n");
            }
        }
        md.append(CellTrials.setupNote(index.cellsOf(scenario.key())));
    }
}
