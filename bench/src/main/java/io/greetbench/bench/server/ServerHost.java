package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where servers run: starts one server process per measurement and hands back a
 * {@link ServerInstance} to await, sample and stop it. {@link LocalServerHost} runs it here, pinned
 * to the server CPUs; a CPU-limited or a remote host is another implementation of this interface.
 */
public interface ServerHost extends AutoCloseable {
    /** A short name for results and messages ({@code local}, a host name). */
    String name();

    /** The address the load driver connects to. */
    String address();

    /** How a server command is written for this host: its java, greetbench's class path there, the address to listen on. */
    ServerSite site();

    /** Runs short commands on this host: a question to its JVM, the set-up of a cgroup. */
    HostShell shell();

    /** Starts {@code command}; its output goes to {@code log}. Nothing is left running if this throws. */
    ServerInstance start(ServerCommand command, Path log) throws IOException;

    /** Whether {@link #close()} ran: the run is being stopped, and no server may start any more. */
    boolean closed();

    /** Stops every server this host started and has not stopped yet; safe from a shutdown hook. */
    @Override
    void close();
}
