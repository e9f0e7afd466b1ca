package io.greetbench.bench.cli;

import io.greetbench.bench.load.CpuBusy;
import io.greetbench.bench.results.CpuReadings;
import io.greetbench.bench.run.CpuChoice;
import io.greetbench.bench.run.CpuCheck;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greetbench cpus}: how fast and how steady each CPU is right now, and where a run would put the server. */
@Command(name = "cpus", mixinStandardHelpOptions = true, description = {
    "Time a fixed piece of work on each CPU, in turn, and say how steady each one is and which one a run would give "
        + "the server.",
    "On a shared virtual machine the host slows CPUs down one at a time, for seconds; run this to see it."})
final class CpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to read the CPUs (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (CpuCheck check = new CpuCheck(CpuBusy.allowedCpus())) {
            Map<Integer, CpuReadings> survey = check.survey(duration);
            out.println(CpuChoice.table(survey));
            if (survey.size() >= 2) {
                out.println(CpuChoice.choose(survey, 1).explanation());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
