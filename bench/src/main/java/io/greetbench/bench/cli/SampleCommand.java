package io.greetbench.bench.cli;

import io.greetbench.bench.server.SampleSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greetbench sample}: what {@code run --server-host} starts on the server host to sample the server there. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = {
    "Sample one process's CPU, memory, threads and GC pauses on this host, between 'start' and 'stop' lines on stdin.",
    "'run --server-host' starts it on the server host over ssh: one JSON line answers each command "
        + "(cpu, start, stop, alive); it ends when stdin closes."})
final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pid", required = true, description = "The process to sample.")
    long pid;

    @Option(names = "--gc-log", description = "Its GC log (-Xlog:gc:file=...:time), to count the window's pauses.")
    Path gcLog;

    @Override
    public Integer call() throws Exception {
        SampleSession.serve(pid, gcLog, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                spec.commandLine().getOut());
        return 0;
    }
}
