package io.greetbench.bench.remote;

import io.greetbench.bench.server.HostShell;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Another host's shell, one ssh connection per command. */
final class SshShell implements HostShell {
    private final Ssh ssh;
    private final String host;

    SshShell(Ssh ssh, String host) {
        this.ssh = ssh;
        this.host = host;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public Result run(List<String> argv, Duration bound) throws IOException {
        return ssh.run(host, argv, bound);
    }
}
