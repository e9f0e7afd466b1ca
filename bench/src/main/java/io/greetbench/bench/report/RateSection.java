package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.text.Units;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An open-loop scenario: a row per runtime and rate with the offered rate and the latency tail. */
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
        if (Charts.line(ctx.dir().resolve(chart), "p99 latency vs offered rate", "offered requests/s",
                "p99 latency (µs)", p99, true, true)) {
            md.append("![p99 latency vs offered rate](").append(chart).append(")\n\n");
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
}
