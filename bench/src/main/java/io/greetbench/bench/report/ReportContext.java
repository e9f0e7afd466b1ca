package io.greetbench.bench.report;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What every section of a report reads: the results folder (charts go there too), its measurements,
 * and the run's comparisons of runtimes (computed once, for the page and findings.json alike).
 */
record ReportContext(Path dir, ResultsIndex index, Rankings rankings) {

    ReportContext(Path dir, ResultsIndex index) {
        this(dir, index, Rankings.of(index));
    }

    /** A figure over the trials of a cell: median and 95% interval, n where it is not the run's usual. */
    String figure(Spread s, Function<Double, String> format) {
        return SpreadText.withInterval(s, format, index.usualTrials());
    }
}
