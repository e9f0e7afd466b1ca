package io.greetbench.bench.cli;

import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerRuntime;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greetbench list}: every runtime on the class path, whether it can run here, and what it is. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the server runtimes and whether they can run on this JVM.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tsv", description = "One line per runtime: name, tab, empty or the reason it is unavailable.")
    boolean tsv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ServerRuntime> runtimes = Runtimes.all();
        if (tsv) {
            runtimes.forEach(r -> out.println(r.name() + "\t" + r.unavailableReason().orElse("")));
            out.flush();
            return 0;
        }
        int width = runtimes.stream().mapToInt(r -> r.name().length()).max().orElse(4);
        for (ServerRuntime runtime : runtimes) {
            Optional<String> reason = runtime.unavailableReason();
            String status = reason.map(r -> "unavailable: " + r).orElse("available");
            out.printf("%-" + width + "s  %s  %s%n", runtime.name(), status, runtime.description());
        }
        out.flush();
        return 0;
    }
}
