package io.greetbench.bench.remote;

import io.greetbench.bench.server.HostShell;
import io.greetbench.bench.server.ServerCommand;
import io.greetbench.bench.server.ServerHost;
import io.greetbench.bench.server.ServerInstance;
import io.greetbench.bench.server.ServerSite;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Servers on another host, over ssh: each pinned there with {@code taskset} to the server CPUs (when
 * given), listening only on the address the load goes to ({@link #address}, resolved to one of the
 * host's own), so that nothing else it can be reached at adds to a measured window. Closing it stops
 * every server it started, by PID there, and removes this run's scratch folder there.
 */
public final class SshServerHost implements ServerHost {
    private static final java.time.Duration PID_BOUND = java.time.Duration.ofSeconds(30);

    private final RemoteHost host;
    private final String cpus;
    private final String address;
    private final String listenAddress;
    private final PrintStream messages;
    private final Set<SshServerInstance> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param cpus          a taskset CPU list there, or null for all its CPUs
     * @param address       the address the load goes to
     * @param listenAddress that address as the host's own, for its servers to listen on
     */
    SshServerHost(RemoteHost host, String cpus, String address, String listenAddress, PrintStream messages) {
        this.host = host;
        this.cpus = cpus;
        this.address = address;
        this.listenAddress = listenAddress;
        this.messages = messages;
    }

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public ServerSite site() {
        return host.site(listenAddress);
    }

    @Override
    public HostShell shell() {
        return host.shell();
    }

    @Override
    public ServerInstance start(ServerCommand command, Path log) throws IOException {
        if (closed) {
            throw new IOException("the run is being stopped");
        }
        List<String> argv = new ArrayList<>();
        if (cpus != null) {
            argv.addAll(List.of("taskset", "-c", cpus));
        }
        argv.addAll(command.argv());
        Files.createDirectories(log.getParent());
        BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        SshServerInstance[] instance = new SshServerInstance[1];
        RemoteSession session;
        try {
            session = RemoteSession.start(host.ssh(), host.name(), RemoteSession.Wrapper.WATCHED, argv, true, line -> {
                synchronized (out) {
                    try {
                        out.write(line);
                        out.newLine();
                        out.flush();
                    } catch (IOException e) {
                        // the log is best effort; the session goes on
                    }
                }
            });
        } catch (IOException e) {
            out.close();
            throw e;
        }
        instance[0] = new SshServerInstance(host, session, command, log, address, messages, () -> {
            live.remove(instance[0]);
            synchronized (out) {
                try {
                    out.close();
                } catch (IOException e) {
                    // nothing more to write
                }
            }
        });
        live.add(instance[0]);
        if (closed) { // stopped while it started: it goes at once
            instance[0].close();
            throw new IOException("the run is being stopped");
        }
        try {
            session.awaitPid(PID_BOUND); // its PID is known from here on, for messages and a stop
        } catch (IOException e) {
            instance[0].close();
            throw new IOException("could not start the server on " + host.name() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            instance[0].close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the server started on " + host.name());
        }
        return instance[0];
    }

    @Override
    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        boolean first;
        synchronized (this) {
            first = !closed;
            closed = true;
        }
        for (SshServerInstance s : Set.copyOf(live)) {
            s.close();
        }
        if (first) {
            host.removeScratch();
        }
    }
}
