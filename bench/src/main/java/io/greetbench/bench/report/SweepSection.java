package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.text.Units;
import java.io.IOException;
import java.time.Duration;

/** A closed-loop scenario over its connection counts: throughput, CPU per request, p99 and errors. */
final class SweepSection implements ReportSection {
    private final Scenario scenario;

    SweepSection(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public void render(ReportContext ctx, StringBuilder md) throws IOException {
        String key = scenario.key();
        if (ctx.index().connectionsOf(key).isEmpty()) {
            return;
        }
        Duration wait = ctx.index().recordedWait(scenario);
        String title = scenario.title(wait);
        md.append("## ").append(title).append("\n\n").append(scenario.intro(wait)).append("\n\n");
        SweepChart.render(ctx, md, key + "-throughput.png", title + ": throughput", "requests/s", ChartAxes::compact, key,
                CellTrials::rps, false);
        SweepTable.render(ctx, md, "Requests per second", key,
                c -> ctx.figure(c.rps(), Units::rate) + (c.driverBound() ? " †" : ""));
        SweepChart.render(ctx, md, key + "-cpu.png", title + ": server CPU per request", "CPU µs per request",
                ChartAxes::plain, key, CellTrials::cpuPerRequest, true);
        SweepTable.render(ctx, md, "Server CPU time per request (µs, user + system)", key,
                c -> ctx.figure(c.cpuPerRequest(), Units::oneDecimal));
        SweepChart.render(ctx, md, key + "-p99.png", title + ": p99 latency", "p99 latency", ChartAxes::micros, key,
                CellTrials::p99, true);
        SweepTable.render(ctx, md, "p99 latency", key, c -> ctx.figure(c.p99(), Units::micros));
        SweepTable.render(ctx, md, "Errors (all trials)", key, CellTrials::errorsText);
        java.util.List<CellTrials> cells = new java.util.ArrayList<>();
        for (String runtime : ctx.index().runtimes()) {
            for (int c : ctx.index().connectionsOf(key)) {
                cells.add(ctx.index().cell(runtime, key, c, 0.0));
            }
        }
        md.append(CellTrials.setupNote(cells));
    }
}
