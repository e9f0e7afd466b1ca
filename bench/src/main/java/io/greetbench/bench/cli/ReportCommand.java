package io.greetbench.bench.cli;

import io.greetbench.bench.report.ReportWriter;
import io.greetbench.bench.results.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code greetbench report DIR}: the report again, from the raw results of a run. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Regenerate DIR/README.md and its charts from DIR/results.jsonl and environment.json.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A results folder written by 'greetbench run' or 'quick'.")
    Path dir;

    @picocli.CommandLine.Option(names = "--update-headline", paramLabel = "FILE",
            description = "Also rewrite the headline block of FILE (e.g. README.md) from this run.")
    Path headlineFile;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(dir.resolve(ResultsFile.NAME)) && !Files.isRegularFile(dir.resolve("jmh-result.json"))) {
            System.err.println("greetbench: " + dir + " holds neither " + ResultsFile.NAME
                    + " nor jmh-result.json; give the folder a run wrote (e.g. docs/results/<id>)");
            return ExitCode.USAGE;
        }
        Path readme = ReportWriter.write(dir);
        if (headlineFile != null) {
            ReportWriter.updateHeadline(dir, headlineFile);
            System.out.println("headline: " + headlineFile);
        }
        System.out.print(ReportWriter.summaryTable(dir));
        System.out.println("report: " + readme);
        return 0;
    }
}
