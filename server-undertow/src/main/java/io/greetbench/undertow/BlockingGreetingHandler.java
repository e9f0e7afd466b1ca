package io.greetbench.undertow;

import io.greetbench.core.Answer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The blocking style: run behind Undertow's {@code BlockingHandler}, so each request is dispatched to
 * the worker pool and written through a blocking stream, the way servlet-era code uses Undertow.
 * A wait is {@code Thread.sleep} on the worker.
 */
final class BlockingGreetingHandler implements HttpHandler {
    private final long waitMillis;

    BlockingGreetingHandler(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException, InterruptedException {
        Answer answer = GreetingHandler.answerFor(exchange);
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        if (GreetingHandler.setHead(exchange, answer)) {
            OutputStream out = exchange.getOutputStream();
            out.write(answer.body());
        }
    }
}
