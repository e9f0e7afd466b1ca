package io.greetbench.bench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/** A chart of one figure over a scenario's connection counts: a line per runtime (medians). */
final class SweepChart {
    private SweepChart() {
    }

    static void render(ReportContext ctx, StringBuilder md, String file, String title, String yLabel,
            DoubleFunction<String> yFormat, String scenario, Function<CellTrials, Spread> figure, boolean logY)
            throws IOException {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (CellTrials c : ctx.index().cellsOf(scenario)) {
            Spread s = figure.apply(c);
            if (s.present()) {
                series.computeIfAbsent(c.runtime(), k -> new ArrayList<>()).add(new double[] {c.connections(), s.median()});
            }
        }
        series.values().forEach(points -> points.sort(Comparator.comparingDouble(p -> p[0])));
        if (Charts.lines(ctx.dir().resolve(file), title, "connections", ChartAxes::compact, true, yLabel, yFormat, logY,
                series)) {
            md.append("![").append(title).append("](").append(file).append(")\n\n");
        }
    }
}
