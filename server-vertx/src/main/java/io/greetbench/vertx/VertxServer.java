package io.greetbench.vertx;

import io.greetbench.core.BindFailures;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/** A running Vert.x greeting server: a Vert.x instance with one {@link GreetingVerticle} per event loop. */
final class VertxServer implements RunningServer {
    private final Vertx vertx;
    private final int port;

    private VertxServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    static VertxServer start(ServerConfig config,
            BiFunction<Vertx, GreetingResponder, Handler<HttpServerRequest>> handlerFactory) throws Exception {
        int loops = config.ioThreadsOrDefault();
        Vertx vertx = Vertx.vertx(vertxOptions(loops));
        try {
            // Port 0 would give each verticle its own random port; a negative port makes them share one.
            int port = config.port() == 0 ? -1 : config.port();
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.host())
                    .setPort(port)
                    .setAcceptBacklog(config.backlog())
                    .setTcpNoDelay(true)
                    .setHandle100ContinueAutomatically(false);
            GreetingResponder responder = new GreetingResponder(config.requestWait().toMillis());
            vertx.deployVerticle(() -> new GreetingVerticle(options, responder, handlerFactory),
                    new DeploymentOptions().setInstances(loops))
                    .await(30, TimeUnit.SECONDS);
            return new VertxServer(vertx, boundPort(vertx, config));
        } catch (Throwable t) {
            vertx.close().await(30, TimeUnit.SECONDS);
            throw BindFailures.translate(t, config.host(), config.port());
        }
    }

    /** One event loop per verticle; the native (epoll) transport, as Vert.x users run it on Linux. */
    static VertxOptions vertxOptions(int eventLoops) {
        return new VertxOptions().setEventLoopPoolSize(eventLoops).setPreferNativeTransport(true);
    }

    /** The port the verticles share: asked of a throw-away server on the same shared (negative) port. */
    private static int boundPort(Vertx vertx, ServerConfig config) throws Exception {
        if (config.port() != 0) {
            return config.port();
        }
        HttpServer probe = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(-1))
                .requestHandler(r -> r.response().setStatusCode(503).end());
        int actual = probe.listen().await(30, TimeUnit.SECONDS).actualPort();
        probe.close().await(30, TimeUnit.SECONDS);
        return actual;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            vertx.close().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Vert.x did not close within 30 s", e);
        }
    }
}
