package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Servers on this machine, each pinned with {@code taskset} to the server CPUs, on loopback. */
public final class LocalServerHost implements ServerHost {
    private final String cpus;
    private final ServerSite site;
    private final ChildProcesses children = new ChildProcesses();

    /** @param cpus a taskset CPU list for the servers, e.g. {@code 0} or {@code 0-3}; JVM servers on this JVM's java */
    public LocalServerHost(String cpus) {
        this(cpus, ServerSite.local(Path.of(System.getProperty("java.home"), "bin", "java"), List.of()));
    }

    /** @param site the java and flags JVM servers run with */
    public LocalServerHost(String cpus, ServerSite site) {
        this.cpus = cpus;
        this.site = site;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String address() {
        return "127.0.0.1";
    }

    @Override
    public ServerSite site() {
        return site;
    }

    @Override
    public HostShell shell() {
        return HostShell.LOCAL;
    }

    @Override
    public ServerInstance start(ServerCommand command, Path log) throws IOException {
        List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpus));
        pinned.addAll(command.argv());
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(pinned).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p.toHandle()); // stops it at once if the run is being interrupted
        return new LocalServerInstance(p, command, log, address(), children);
    }

    @Override
    public boolean closed() {
        return children.closed();
    }

    @Override
    public void close() {
        children.stopAll();
    }
}
