package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.text.Units;
import java.util.List;

/** A scenario at one setting: a row per runtime with throughput, CPU per request, p99 and errors. */
final class SingleTableSection implements ReportSection {
    private final Scenario scenario;

    SingleTableSection(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public void render(ReportContext ctx, StringBuilder md) {
        List<CellTrials> cells = ctx.index().cellsOf(scenario.key());
        if (cells.isEmpty()) {
            return;
        }
        md.append("## ").append(scenario.title(ctx.index().recordedWait(scenario))).append("\n\n")
                .append(scenario.intro(ctx.index().recordedWait(scenario))).append("\n\n")
                .append("| runtime | connections | req/s | server CPU µs/req | p99 | errors |\n|---|---:|---:|---:|---:|---:|\n");
        for (CellTrials c : cells) {
            md.append("| ").append(c.runtime()).append(" | ").append(c.connections()).append(" | ")
                    .append(ctx.figure(c.rps(), Units::rate)).append(c.driverBound() ? " †" : "").append(" | ")
                    .append(ctx.figure(c.cpuPerRequest(), Units::oneDecimal)).append(" | ")
                    .append(ctx.figure(c.p99(), Units::micros)).append(" | ").append(c.errors()).append(" |\n");
        }
        md.append('\n');
    }
}
