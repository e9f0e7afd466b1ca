package io.greetbench.vertx;

import io.greetbench.core.GreetingContract;
import io.greetbench.core.NamedServerRuntime;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.BiFunction;

/** The greeting server on Vert.x 5, routed by vertx-web's {@link Router} or by a plain request handler. */
abstract class VertxRuntime extends NamedServerRuntime {
    @Override
    public List<String> libraries() {
        return List.of("io.vertx:vertx-core", "io.vertx:vertx-web");
    }

    private final BiFunction<Vertx, GreetingResponder, Handler<HttpServerRequest>> handlerFactory;

    VertxRuntime(String name, String description,
            BiFunction<Vertx, GreetingResponder, Handler<HttpServerRequest>> handlerFactory) {
        super(name, description);
        this.handlerFactory = handlerFactory;
    }

    @Override
    public RunningServer start(ServerConfig config) throws Exception {
        return VertxServer.start(config, handlerFactory);
    }

    /** {@code vertx-web}: the route {@code /:name} of a vertx-web Router, as a Vert.x web app is written. */
    public static final class Web extends VertxRuntime {
        public Web() {
            super("vertx-web", "Vert.x 5, vertx-web Router, one verticle per event loop", Web::router);
        }

        private static Handler<HttpServerRequest> router(Vertx vertx, GreetingResponder responder) {
            Router router = Router.router(vertx);
            Handler<RoutingContext> greet = ctx -> responder.respond(vertx, ctx.request());
            router.route("/").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(greet);
            router.route("/:name").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(greet);
            // What the router refuses (no route: 404, wrong method: 405, a query it cannot decode: 400)
            // is answered by the contract, which has the last word: it ignores the query, for one.
            Handler<RoutingContext> refused = ctx -> GreetingResponder.send(ctx.request(),
                    GreetingContract.answer(ctx.request().method().name(), ctx.request().uri()));
            router.errorHandler(404, refused);
            router.errorHandler(405, refused);
            router.errorHandler(400, refused);
            return router;
        }
    }

    /** {@code vertx-core}: a request handler on the bare HTTP server, no router. */
    public static final class Core extends VertxRuntime {
        public Core() {
            super("vertx-core", "Vert.x 5, plain vertx-core request handler, one verticle per event loop",
                    (vertx, responder) -> request -> responder.respond(vertx, request));
        }
    }
}
