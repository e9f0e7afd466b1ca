package io.greetbench.bench.report;

import java.io.IOException;

/** One part of a results page. */
interface ReportSection {
    /** Appends this part's Markdown (nothing when it has nothing to say); charts go into the results folder. */
    void render(ReportContext ctx, StringBuilder md) throws IOException;
}
