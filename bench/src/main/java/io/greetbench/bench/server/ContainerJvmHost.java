package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Another host's servers with their JVMs sized as in a container ({@link ContainerFlags}): every launcher
 * writes its command for this host's {@link #site()}, whose flags have no fixed heap. Everything else is
 * the inner host's.
 */
public final class ContainerJvmHost implements ServerHost {
    private final ServerHost inner;
    private final ServerSite site;

    /** @param extra flags after the container heap, e.g. {@link ContainerFlags#EXIT_ON_OUT_OF_MEMORY} */
    public ContainerJvmHost(ServerHost inner, List<String> extra) {
        this.inner = inner;
        this.site = ContainerFlags.site(inner.site(), extra);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String address() {
        return inner.address();
    }

    @Override
    public ServerSite site() {
        return site;
    }

    @Override
    public HostShell shell() {
        return inner.shell();
    }

    @Override
    public ServerInstance start(ServerCommand command, Path log) throws IOException {
        return inner.start(command, log);
    }

    @Override
    public boolean closed() {
        return inner.closed();
    }

    /** Does not close the inner host: that is the run's, and outlives this one. */
    @Override
    public void close() {
    }
}
