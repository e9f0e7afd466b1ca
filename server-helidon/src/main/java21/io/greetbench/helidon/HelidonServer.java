package io.greetbench.helidon;

import io.greetbench.core.BindFailures;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import java.net.BindException;

/**
 * Helidon SE 4's WebServer as its guides set it up: a platform thread accepts, each connection is
 * served on its own virtual thread, and the handler blocks freely (so there are no I/O or worker
 * thread counts to set). Compiled only on a JDK 21+ (see the module's pom); {@link HelidonRuntime}
 * starts it by name.
 */
final class HelidonServer implements RunningServer {
    private final WebServer server;

    private HelidonServer(WebServer server) {
        this.server = server;
    }

    static RunningServer start(ServerConfig config) throws Exception {
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .backlog(config.backlog())
                .shutdownHook(false) // the CLI stops its server itself; a hook per start would pile up in tests
                .addProtocol(Http1Config.builder()
                        // per-request debug logging hooks, off as in the TechEmpower entry
                        .log(log -> log.receiveLog(false).sendLog(false))
                        // Helidon 4.5 adds "Connection: keep-alive" to every HTTP/1.1 answer unless told
                        // not to (later releases stop by default); keep-alive is HTTP/1.1's default.
                        .sendKeepAliveHeader(false)
                        // The contract reads the raw target itself: Helidon's own checks would refuse a
                        // malformed escape in the path, or anywhere in the (ignored) query, with a bare 400.
                        .validatePath(false)
                        .validatePrologue(false)
                        .build())
                .routing(routing -> routing.any(new GreetingHandler(config.requestWait().toMillis())))
                .build();
        try {
            server.start();
        } catch (Throwable t) {
            server.stop();
            throw BindFailures.translate(t, config.host(), config.port());
        }
        if (!server.isRunning()) {
            // Helidon 4.5 logs why a listener failed to start (an address in use, as a rule) and
            // returns from start() stopped; binding the socket is all its listener start does.
            throw new BindException("cannot listen on " + config.host() + ":" + config.port()
                    + ": Helidon's WebServer did not start (its log above says why)");
        }
        return new HelidonServer(server);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
