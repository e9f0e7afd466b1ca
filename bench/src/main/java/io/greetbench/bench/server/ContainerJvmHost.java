package io.greetbench.bench.server;

import java.util.List;

/**
 * Another host's servers with their JVMs sized as in a container ({@link ContainerFlags}): every launcher
 * writes its command for this host's {@link #site()}, whose flags have no fixed heap. Everything else is
 * the inner host's.
 */
public final class ContainerJvmHost extends ForwardingServerHost {
    private final ServerSite site;

    /** @param extra flags after the container heap, e.g. {@link ContainerFlags#EXIT_ON_OUT_OF_MEMORY} */
    public ContainerJvmHost(ServerHost inner, List<String> extra) {
        super(inner);
        this.site = ContainerFlags.site(inner.site(), extra);
    }

    @Override
    public ServerSite site() {
        return site;
    }

    /** Does not close the inner host: that is the run's, and outlives this one. */
    @Override
    public void close() {
    }
}
