package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.SectionStyle;
import io.greetbench.bench.text.Units;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Resident memory and threads of the server over the connection counts of every sweep scenario, and
 * the GC pauses of its windows (count, total, longest) with the collector each JVM ran with.
 */
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
            if (ctx.index().cellsOf(key).stream().anyMatch(c -> c.spread(m -> m.server() == null ? null
                    : m.server().gcPauses()).present())) {
                SweepTable.render(ctx, md, key + ": GC pauses per window (count · total · longest; median over trials) and "
                        + "the collector", key, MemorySection::gc);
            }
        }
    }

    /** A cell's GC pauses per window and its collector: "12 · 40 ms · max 6.1 ms (Serial)". */
    private static String gc(CellTrials c) {
        Spread count = c.spread(m -> m.server() == null ? null : m.server().gcPauses());
        if (!count.present()) {
            return Units.NONE;
        }
        Spread total = c.spread(m -> m.server() == null ? null : m.server().gcPauseMillis());
        Spread max = c.spread(m -> m.server() == null ? null : m.server().gcPauseMaxMillis());
        String collector = c.ok.stream().map(m -> m.server() == null ? null : m.server().gcCollector()).filter(Objects::nonNull)
                .findFirst().orElse(null);
        return pauses(count, total, max) + (collector == null ? "" : " (" + collector + ")");
    }

    /** "12 · 40 ms · max 6.1 ms": medians of the pause count, their total and the longest (absent in older results). */
    static String pauses(Spread count, Spread total, Spread max) {
        return String.format(Locale.ROOT, "%.0f · %s", count.median(), millis(total.median()))
                + (max.present() ? " · max " + millis(max.median()) : "");
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? Units.NONE : ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms)
                : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
