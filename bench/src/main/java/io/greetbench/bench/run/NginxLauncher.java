package io.greetbench.bench.run;

import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.server.Executables;
import io.greetbench.bench.server.ServerCommand;
import io.greetbench.bench.server.ServerSite;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The reference row {@code ref-nginx}: nginx with one worker process answering {@code return 200}
 * with the greeting for {@code /world}, the ceiling of what this machine's loopback can carry.
 */
final class NginxLauncher implements ServerLauncher {
    static final String NAME = "ref-nginx";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reference() {
        return true;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Executables.onPath("nginx") ? Optional.empty() : Optional.of("nginx is not installed (apt-get install nginx-light)");
    }

    @Override
    public boolean supports(Scenario scenario) {
        return !scenario.waits(); // plain nginx has no way to wait per request
    }

    @Override
    public ServerCommand command(Duration wait, ServerSite site, Path log) throws IOException {
        LocalOnly.check(NAME, site);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path dir = log.getParent().resolve(log.getFileName().toString().replace(".log", ".nginx"));
        Files.createDirectories(dir);
        Path conf = dir.resolve("nginx.conf");
        // One process (no master) so that it is the process sampled; keep-alive without a request cap,
        // as the other servers; the same body and Content-Type as the contract.
        Files.writeString(conf, String.join("\n",
                "worker_processes 1;",
                "master_process off;",
                "daemon off;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + ";",
                "events { worker_connections 20000; }",
                "http {",
                "  access_log off;",
                "  keepalive_requests 100000000;",
                "  keepalive_timeout 600s;",
                "  client_body_temp_path " + dir + ";",
                "  proxy_temp_path " + dir + ";",
                "  fastcgi_temp_path " + dir + ";",
                "  uwsgi_temp_path " + dir + ";",
                "  scgi_temp_path " + dir + ";",
                "  server {",
                "    listen 127.0.0.1:" + port + " backlog=8192;",
                "    location = /world { default_type \"text/plain; charset=utf-8\"; add_header X-Content-Type-Options nosniff;",
                "      return 200 \"Hello, world!\\n\"; }",
                "  }",
                "}", ""));
        String nginx = Executables.find("nginx").map(Path::toString).orElse("nginx");
        return new ServerCommand(List.of(nginx, "-c", conf.toString(), "-e", dir.resolve("error.log").toString()), port, null);
    }
}
