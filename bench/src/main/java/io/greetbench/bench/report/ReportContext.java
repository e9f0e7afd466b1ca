package io.greetbench.bench.report;

import java.nio.file.Path;

/** What every section of a report reads: the results folder (charts go there too) and its measurements. */
record ReportContext(Path dir, ResultsIndex index) {
}
