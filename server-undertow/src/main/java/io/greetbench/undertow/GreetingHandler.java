package io.greetbench.undertow;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The non-blocking style: answer on the I/O thread with the async {@code Sender}, as the
 * TechEmpower Undertow entry does; a wait is a timer on the same I/O thread, with the exchange
 * dispatched so Undertow keeps it open until the timer answers.
 */
final class GreetingHandler implements HttpHandler {
    static final String CONTENT_TYPE = GreetingContract.CONTENT_TYPE;
    static final HttpString NOSNIFF_NAME = HttpString.tryFromString(GreetingContract.NOSNIFF_HEADER);

    private final long waitNanos;

    GreetingHandler(long waitNanos) {
        this.waitNanos = waitNanos;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Answer answer = answerFor(exchange);
        if (waitNanos > 0) {
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread()
                    .executeAfter(() -> send(exchange, answer), waitNanos, TimeUnit.NANOSECONDS));
        } else {
            send(exchange, answer);
        }
    }

    /** The contract's answer for the request as received: Undertow keeps the raw, undecoded target. */
    static Answer answerFor(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        String target = query.isEmpty() ? exchange.getRequestURI() : exchange.getRequestURI() + "?" + query;
        return GreetingContract.answer(exchange.getRequestMethod().toString(), target);
    }

    /** Status and headers of the contract; true when a body must follow (not a HEAD). */
    static boolean setHead(HttpServerExchange exchange, Answer answer) {
        exchange.setStatusCode(answer.status());
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        headers.put(NOSNIFF_NAME, GreetingContract.NOSNIFF);
        headers.put(Headers.CONTENT_LENGTH, answer.body().length);
        if (answer.needsAllowHeader()) {
            headers.put(Headers.ALLOW, GreetingContract.ALLOW);
        }
        return !Methods.HEAD.equals(exchange.getRequestMethod());
    }

    private static void send(HttpServerExchange exchange, Answer answer) {
        if (setHead(exchange, answer)) {
            exchange.getResponseSender().send(ByteBuffer.wrap(answer.body()));
        } else {
            exchange.endExchange();
        }
    }
}
