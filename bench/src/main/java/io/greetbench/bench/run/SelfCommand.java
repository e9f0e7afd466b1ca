package io.greetbench.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs greetbench itself again: {@code java FLAGS -cp CLASSPATH GreetbenchCommand ARGS}. */
public final class SelfCommand {
    private static final String MAIN = io.greetbench.bench.server.ServerSite.MAIN;

    private SelfCommand() {
    }

    /** {@code java} with {@code jvmFlags}, this process's class path, and greetbench's {@code args}. */
    public static List<String> of(Path java, List<String> jvmFlags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.addAll(args);
        return command;
    }

    /** The java executable running this process. */
    public static Path thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
