package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A server host that is another one with something added (a cgroup around each server, other JVM
 * flags): every method forwards to the inner host; a subclass overrides what it adds to.
 */
abstract class ForwardingServerHost implements ServerHost {
    protected final ServerHost inner;

    ForwardingServerHost(ServerHost inner) {
        this.inner = inner;
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
        return inner.site();
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

    @Override
    public void close() {
        inner.close();
    }
}
