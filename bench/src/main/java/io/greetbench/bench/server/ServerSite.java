package io.greetbench.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a launcher needs to know of the host a server will run on to write its command: the java
 * there and the JVM flags for it, greetbench's class path there, the address a server listens on,
 * and where a server's own files (its GC log) go.
 *
 * @param host        the host's name in results and messages: {@code local}, or as named on the command line
 * @param local       whether it is this machine
 * @param java        the java executable there
 * @param classPath   greetbench's class path there
 * @param jvmFlags    the flags every server JVM there gets
 * @param bindAddress the address servers listen on: loopback here, the address the load goes to on another host
 * @param scratch     on another host, the folder for a server's files; null here (they go beside its log)
 */
public record ServerSite(String host, boolean local, Path java, String classPath, List<String> jvmFlags,
        String bindAddress, Path scratch) {
    /** The heap every server JVM gets, stated, on every host. */
    public static final List<String> HEAP = List.of("-Xms64m", "-Xmx1g");

    /** greetbench's entry point. */
    public static final String MAIN = "io.greetbench.bench.cli.GreetbenchCommand";

    public ServerSite {
        jvmFlags = List.copyOf(jvmFlags);
    }

    /** This machine: {@code java} with {@code jvmFlags}, this process's class path, loopback. */
    public static ServerSite local(Path java, List<String> jvmFlags) {
        return new ServerSite("local", true, java, System.getProperty("java.class.path"), jvmFlags, "127.0.0.1", null);
    }

    /** The command that runs greetbench there: {@code java FLAGS -cp CLASSPATH MAIN ARGS}. */
    public List<String> greetbench(List<String> flags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN);
        command.addAll(args);
        return command;
    }

    /** Where a server's file ending in {@code suffix} goes: beside its log here, in the scratch folder there. */
    public Path file(Path log, String suffix) {
        String name = log.getFileName().toString().replaceAll("\\.log$", "") + suffix;
        return local ? log.resolveSibling(name) : scratch.resolve(name);
    }
}
