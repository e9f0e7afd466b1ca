package io.greetbench.bench.report;

import io.greetbench.bench.stats.Findings;

/** "What this run shows": the computed findings as a list, what they rest on, and where all of them are. */
final class FindingsSection implements ReportSection {
    @Override
    public void render(ReportContext ctx, StringBuilder md) {
        md.append("## What this run shows\n\n");
        if (ctx.rankings().firstLook()) {
            md.append("**A first look:** one trial per cell, so there are no intervals and this run can tell no two "
                    + "runtimes apart; the values below are what a single trial saw. For findings, measure several trials "
                    + "per cell (`greetbench run`, 3 by default).\n\n");
        } else {
            md.append("Each comparison is the ratio of two runtimes' medians with its 95% confidence interval (")
                    .append(ReportStatistics.described()).append("). A difference is stated only where that interval lies wholly on one side of 1 and the ")
                    .append(String.format(java.util.Locale.ROOT, "difference is at least %.0f%%", ReportStatistics.RULE.threshold() * 100))
                    .append("; otherwise the runtimes \"cannot be told apart\". Reference rows (`ref-*`) are not ranked. ")
                    .append("Every pair of every cell, with its interval: [`").append(Findings.FILE).append("`](")
                    .append(Findings.FILE).append(") (check a second run against it with `greetbench compare`).\n\n");
        }
        for (String finding : ctx.rankings().page()) {
            md.append("- ").append(finding).append('\n');
        }
        md.append('\n');
    }
}
