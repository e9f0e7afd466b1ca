package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.text.Units;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An open-loop scenario at shares of each runtime's peak: a row per runtime and rate with the offered
 * rate and the latency tail, p99 against the offered rate, and per share the latency by percentile.
 */
final class RateSection implements ReportSection {
    private final Scenario scenario;

    RateSection(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public void render(ReportContext ctx, StringBuilder md) throws IOException {
        List<CellTrials> cells = ctx.index().cellsOf(scenario.key());
        if (cells.isEmpty()) {
            return;
        }
        md.append("## ").append(scenario.title(ctx.index().recordedWait(scenario))).append("\n\n")
                .append(scenario.intro(ctx.index().recordedWait(scenario))).append("\n\n");
        Map<String, List<double[]>> p99 = new LinkedHashMap<>();
        for (CellTrials c : cells) {
            if (c.p99().present()) {
                p99.computeIfAbsent(c.runtime(), k -> new ArrayList<>()).add(new double[] {c.offeredRate().median(), c.p99().median()});
            }
        }
        String chart = scenario.key() + "-p99.png";
        if (Charts.lines(ctx.dir().resolve(chart), "p99 latency vs offered rate", "offered requests/s", ChartAxes::compact,
                true, "p99 latency", ChartAxes::micros, true, p99)) {
            md.append("![p99 latency vs offered rate](").append(chart).append(")\n\n");
        }
        for (double share : ctx.index().ratesOf(scenario.key())) {
            List<CellTrials> at = cells.stream().filter(c -> c.rateFraction() == share).toList();
            String file = String.format(Locale.ROOT, "%s-%.0fpct-latency.png", scenario.key(), share * 100);
            String title = String.format(Locale.ROOT, "Latency by percentile at %s of each runtime's own peak, %s connections",
                    Units.pct(share), Units.thousands(at.get(0).connections()));
            if (Charts.percentiles(ctx.dir().resolve(file), title, histograms(at))) {
                md.append("![").append(title).append("](").append(file).append(")\n\n");
            }
        }
        md.append("| runtime | share of its peak | offered req/s | p50 | p99 | p99.9 | errors |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (CellTrials c : cells) {
            md.append("| ").append(c.runtime()).append(" | ").append(Units.pct(c.rateFraction())).append(" | ")
                    .append(Units.rate(c.offeredRate().median())).append(" | ")
                    .append(ctx.figure(c.p50(), Units::micros)).append(" | ")
                    .append(ctx.figure(c.p99(), Units::micros)).append(" | ")
                    .append(ctx.figure(c.p999(), Units::micros)).append(" | ").append(c.errors()).append(" |\n");
        }
        md.append('\n');
    }

    /** Each runtime's merged latency histogram in these cells; runtimes without one (older results) are left out. */
    static Map<String, org.HdrHistogram.Histogram> histograms(List<CellTrials> cells) {
        Map<String, org.HdrHistogram.Histogram> byRuntime = new LinkedHashMap<>();
        for (CellTrials c : cells) {
            org.HdrHistogram.Histogram h = c.measured() ? c.latencyHistogram() : null;
            if (h != null) {
                byRuntime.put(c.runtime(), h);
            }
        }
        return byRuntime;
    }
}
