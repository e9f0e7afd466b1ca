package io.greetbench.bench.report;

import io.greetbench.bench.stats.Findings;
import io.greetbench.bench.stats.FindingRule;
import io.greetbench.bench.text.Units;
import java.util.Locale;

/** "What this run shows": the computed findings as a list, what they rest on, and where all of them are. */
final class FindingsSection implements ReportSection {
    /**
     * A fixed warm-up of a few seconds (quick's) measures JVMs before their JIT has compiled the hot code:
     * said beside the values, since they are then far below a full run's.
     */
    static String shortWarmup(io.greetbench.bench.results.RecordedOptions opts) {
        if (opts == null || opts.warmupSeconds() == null || opts.adaptiveWarmup() || opts.warmupSeconds() >= 5) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, " Its warm-up was a fixed %s s: the JVM runtimes were measured before "
                + "their JIT had compiled the hot code (under half a CPU that takes several seconds), so their values are "
                + "well below a full run's, by factors that differ from runtime to runtime.",
                io.greetbench.bench.text.Units.oneDecimal(opts.warmupSeconds()));
    }

    @Override
    public void render(ReportContext ctx, StringBuilder md) {
        md.append("## What this run shows\n\n");
        if (ctx.rankings().firstLook()) {
            md.append("**A first look:** one trial per cell, so there are no intervals and this run can tell no two "
                    + "runtimes apart; the values below are what a single trial saw. For findings, measure at least "
                    + FindingRule.MIN_TRIALS + " trials per cell (`greetbench run --trials`)."
                    + shortWarmup(ctx.index().env().optionsOrNone()) + "\n\n");
        } else {
            FindingRule rule = ReportStatistics.RULE;
            Findings file = ctx.rankings().file();
            md.append("Each comparison is a ratio of two runtimes with its 95% confidence interval (")
                    .append(ReportStatistics.described()).append("): the median of their per-round ratios where both were ")
                    .append("measured in the same rounds (*paired by round*, so a disturbance shared within a round cancels), ")
                    .append("else the ratio of their medians (*unpaired*). **").append(rule.statement()).append("** ")
                    .append("Where the interval excludes 1 (at that q) but reaches nearer to 1 than that, the two are ")
                    .append("*different, size unclear*; where it lies wholly within ").append(Units.pct(rule.threshold()))
                    .append(", they differ by less than the threshold; with fewer than ").append(rule.minTrials())
                    .append(" trials on either side there is no claim either way. The p-value is an exact permutation test ")
                    .append("of the two runtimes' trials, the q-value Benjamini–Hochberg's over every pair of the run. ")
                    .append(String.format(Locale.ROOT, "This run tested **%d pairs**%s and states **%d findings**: with a "
                            + "false discovery rate of %s, **at most about %s of them are expected to be false** (a difference "
                            + "where there is none). ", file.pairsTested(), untested(file), file.findingsStated(),
                            Units.pct(rule.fdr()), Units.oneDecimal(file.expectedFalseFindings())))
                    .append("Reference rows (`ref-*`) are not ranked. Every pair of every cell, with its interval, p and q: [`")
                    .append(Findings.FILE).append("`](").append(Findings.FILE)
                    .append(") (check a second run against it with `greetbench compare`).\n\n");
        }
        for (String finding : ctx.rankings().page()) {
            md.append("- ").append(finding).append('\n');
        }
        md.append('\n');
    }

    /** " (and left 3 untested: too few trials)", or nothing when every pair had enough. */
    private static String untested(Findings file) {
        int untested = file.findings().size() - file.pairsTested();
        return untested == 0 ? "" : " (and left " + untested + " untested: fewer than " + ReportStatistics.RULE.minTrials()
                + " trials on a side)";
    }
}
