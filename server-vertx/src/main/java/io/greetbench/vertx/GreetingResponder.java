package io.greetbench.vertx;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import io.greetbench.core.HttpDate;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes the contract's answer to a Vert.x request, shared by the router and the plain handler so
 * the two runtimes differ only in routing. Header names and values are pre-encoded
 * ({@link HttpHeaders#createOptimized}), as the TechEmpower Vert.x entry does.
 */
final class GreetingResponder {
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized(GreetingContract.CONTENT_TYPE);
    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized(GreetingContract.NOSNIFF_HEADER);
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized(GreetingContract.NOSNIFF);
    private static final CharSequence ALLOW = HttpHeaders.createOptimized(GreetingContract.ALLOW);

    private final long waitMillis;

    GreetingResponder(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    /** Answers the request now, or after the configured wait on a timer of its own event loop. */
    void respond(io.vertx.core.Vertx vertx, HttpServerRequest request) {
        Answer answer = GreetingContract.answer(request.method().name(), request.uri());
        if (waitMillis > 0) {
            vertx.setTimer(waitMillis, id -> send(request, answer));
        } else {
            send(request, answer);
        }
    }

    static void send(HttpServerRequest request, Answer answer) {
        HttpServerResponse response = request.response().setStatusCode(answer.status());
        MultiMap headers = response.headers();
        byte[] body = answer.body();
        headers.add(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .add(NOSNIFF_NAME, NOSNIFF)
                .add(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length))
                .add(HttpHeaders.DATE, HttpDate.now());
        if (answer.needsAllowHeader()) {
            headers.add(HttpHeaders.ALLOW, ALLOW);
        }
        if (request.method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }
}
