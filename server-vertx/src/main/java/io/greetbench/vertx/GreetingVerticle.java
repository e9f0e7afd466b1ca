package io.greetbench.vertx;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.BiFunction;

/**
 * One HTTP server per verticle, one verticle per event loop: Vert.x spreads the listening socket
 * over the instances, the way its users (and the TechEmpower entry) scale over cores.
 */
final class GreetingVerticle extends VerticleBase {
    private final HttpServerOptions options;
    private final BiFunction<io.vertx.core.Vertx, GreetingResponder, Handler<HttpServerRequest>> handlerFactory;
    private final GreetingResponder responder;

    GreetingVerticle(HttpServerOptions options, GreetingResponder responder,
            BiFunction<io.vertx.core.Vertx, GreetingResponder, Handler<HttpServerRequest>> handlerFactory) {
        this.options = options;
        this.responder = responder;
        this.handlerFactory = handlerFactory;
    }

    @Override
    public Future<?> start() {
        HttpServer server = vertx.createHttpServer(options).requestHandler(handlerFactory.apply(vertx, responder));
        return server.listen();
    }
}
