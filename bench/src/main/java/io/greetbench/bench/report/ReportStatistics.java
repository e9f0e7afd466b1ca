package io.greetbench.bench.report;

import io.greetbench.bench.stats.Bootstrap;
import io.greetbench.bench.stats.FindingRule;

/**
 * The one bootstrap and the one rule of a report: every interval on the page, in findings.json and in
 * {@code greetbench compare} comes from these, so the seed the page states is the seed of them all.
 */
final class ReportStatistics {
    static final Bootstrap BOOTSTRAP = new Bootstrap();
    static final FindingRule RULE = new FindingRule();

    private ReportStatistics() {
    }

    /** "percentile bootstrap, 10,000 resamples, seed 13": how the page says where its intervals come from. */
    static String described() {
        return String.format(java.util.Locale.ROOT, "percentile bootstrap, %,d resamples, seed %d", BOOTSTRAP.resamples(),
                BOOTSTRAP.seed());
    }
}
