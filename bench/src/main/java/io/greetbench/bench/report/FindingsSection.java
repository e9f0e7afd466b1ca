package io.greetbench.bench.report;

/** "What this run shows": the computed findings as a list. */
final class FindingsSection implements ReportSection {
    @Override
    public void render(ReportContext ctx, StringBuilder md) {
        md.append("## What this run shows\n\n");
        for (String finding : Findings.of(ctx.index())) {
            md.append("- ").append(finding).append('\n');
        }
        md.append('\n');
    }
}
