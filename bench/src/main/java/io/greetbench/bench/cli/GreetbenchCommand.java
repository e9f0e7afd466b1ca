package io.greetbench.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code greetbench}: the entry point; each job is a subcommand. */
@Command(name = "greetbench", mixinStandardHelpOptions = true, version = "greetbench 0.1.0",
        description = "The same greeting server on several JVM runtimes, measured side by side.",
        subcommands = {ListCommand.class, ScenariosCommand.class, ServeCommand.class, LoadCommand.class,
            QuickCommand.class, RunCommand.class, ReportCommand.class, AddCommand.class, CompareCommand.class, JmhCommand.class,
            SampleCommand.class, CpusCommand.class, GuideCommand.class,
            CommandLine.HelpCommand.class})
public final class GreetbenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new GreetbenchCommand())
                .setOverwrittenOptionsAllowed(true) // a pinned restart appends its own --out
                .setParameterExceptionHandler((e, args) -> {
                    e.getCommandLine().getErr().println("greetbench: " + e.getMessage()
                            + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
                    return ExitCode.USAGE;
                });
    }
}
