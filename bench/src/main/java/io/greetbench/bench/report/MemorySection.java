package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.SectionStyle;
import io.greetbench.bench.text.Units;
import java.io.IOException;

/** Resident memory and threads of the server over the connection counts of every sweep scenario. */
final class MemorySection implements ReportSection {
    @Override
    public void render(ReportContext ctx, StringBuilder md) throws IOException {
        boolean any = false;
        for (Scenario scenario : ctx.index().scenarios()) {
            String key = scenario.key();
            if (scenario.section() != SectionStyle.CONNECTION_SWEEP || ctx.index().connectionsOf(key).isEmpty()) {
                continue;
            }
            if (!any) {
                md.append("## Memory and threads\n\n")
                        .append("Resident memory and thread count of the server process, sampled every 100 ms during the window.\n\n");
                any = true;
            }
            SweepChart.render(ctx, md, key + "-rss.png", key + ": peak resident memory", "RSS (MiB)", ChartAxes::plain, key,
                    c -> c.rssPeakKb().scaled(1 / 1024.0), false);
            SweepTable.render(ctx, md, key + ": peak RSS", key, c -> ctx.figure(c.rssPeakKb(), Units::mibFromKb));
            SweepChart.render(ctx, md, key + "-threads.png", key + ": threads", "threads", ChartAxes::plain, key,
                    CellTrials::threadsPeak, true);
            SweepTable.render(ctx, md, key + ": peak threads", key, c -> ctx.figure(c.threadsPeak(), Units::count));
        }
    }
}
