package io.greetbench.bench.report;

import io.greetbench.bench.text.Units;
import java.util.List;
import java.util.function.Function;

/** A table of one figure: a row per runtime, a column per connection count of a scenario. */
final class SweepTable {
    private SweepTable() {
    }

    static void render(ReportContext ctx, StringBuilder md, String title, String scenario, Function<CellTrials, String> value) {
        List<Integer> counts = ctx.index().connectionsOf(scenario);
        md.append("**").append(title).append("**\n\n| runtime |");
        counts.forEach(c -> md.append(' ').append(Units.thousands(c)).append(" |"));
        md.append("\n|---|");
        counts.forEach(c -> md.append("---:|"));
        md.append('\n');
        for (String runtime : ctx.index().runtimes()) {
            StringBuilder row = new StringBuilder("| ").append(runtime).append(" |");
            boolean any = false;
            for (int c : counts) {
                CellTrials cell = ctx.index().cell(runtime, scenario, c, 0.0);
                String v = "";
                if (cell != null) {
                    any = true;
                    v = cell.measured() ? value.apply(cell) : "failed";
                }
                row.append(' ').append(v).append(" |");
            }
            if (any) {
                md.append(row).append('\n');
            }
        }
        md.append('\n');
    }
}
