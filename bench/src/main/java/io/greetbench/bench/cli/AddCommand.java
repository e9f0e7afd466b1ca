package io.greetbench.bench.cli;

import io.greetbench.bench.report.ReportWriter;
import io.greetbench.bench.results.AddedRun;
import io.greetbench.bench.results.RunAddition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code greetbench add DIR PART}: a run of other scenarios added to a run's folder, then its report again. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add PART, a run of other scenarios made on the same machine (e.g. the memory scenario, "
                + "measured in a run of its own), to the run in DIR, as 'jmh --out DIR' adds JMH's scores: its results, "
                + "its logs and its environment (under 'added' in DIR/environment.json); then DIR's report again. "
                + "Refused when a scenario is in both (a cell's trials all come from one run) or the machines differ. "
                + "PART is left as it was."})
final class AddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The run to add to (a folder 'greetbench run' wrote).")
    Path dir;

    @Parameters(index = "1", paramLabel = "PART", description = "The run to add (a folder 'greetbench run' wrote).")
    Path part;

    @Override
    public Integer call() throws Exception {
        AddedRun added;
        try {
            added = RunAddition.add(dir, part, Instant.now()); // checks first: a refused folder is left as it was
        } catch (IllegalArgumentException refused) {
            System.err.println("greetbench: cannot add " + part + " to " + dir + ": " + refused.getMessage());
            return ExitCode.USAGE;
        }
        System.out.println("added " + added.lines() + " lines of " + String.join(", ", added.scenarios()) + " from " + part
                + " (measured " + added.environment().startedAt() + ") to " + dir + "; " + part + " is unchanged");
        Path readme = ReportWriter.write(dir);
        System.out.print(ReportWriter.summaryTable(dir));
        System.out.println("report: " + readme);
        return 0;
    }
}
