package io.greetbench.bench.cli;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.Scenarios;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greetbench scenarios}: what each scenario asks of a server, and what a full run measures of it. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the scenarios, what each asks of a server, and the connections and rates 'run' uses.")
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = Scenarios.all().stream().mapToInt(s -> s.key().length()).max().orElse(8);
        for (Scenario s : Scenarios.all()) {
            String settings = "connections " + s.defaultConnections().stream().map(String::valueOf).collect(Collectors.joining(","))
                    + (s.openLoop() ? ", rates " + s.defaultRates().stream().map(String::valueOf).collect(Collectors.joining(","))
                            + (s.pace() == io.greetbench.bench.scenario.Pace.SHARE_OF_PEAK ? " of the " + s.peakScenario() + " peak" : " req/s")
                            : "")
                    + ", timeout " + s.timeout().toSeconds() + " s";
            out.printf("%-" + width + "s  %s%n%-" + width + "s  (%s)%n", s.key(), s.summary(), "", settings);
        }
        out.flush();
        return ExitCode.OK;
    }
}
