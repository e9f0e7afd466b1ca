package io.greetbench.helidon;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * One handler for every method and path: the contract decides. It runs on the connection's virtual
 * thread, so the wait is a plain {@code Thread.sleep}, as Helidon's guides write blocking code.
 * The constant headers are Helidon's cached header values, as in the TechEmpower entry.
 */
final class GreetingHandler implements Handler {
    private static final Header CONTENT_TYPE = HeaderValues.createCached(HeaderNames.CONTENT_TYPE,
            GreetingContract.CONTENT_TYPE);
    private static final Header NOSNIFF = HeaderValues.createCached(GreetingContract.NOSNIFF_HEADER,
            GreetingContract.NOSNIFF);
    private static final Header ALLOW = HeaderValues.createCached(HeaderNames.ALLOW, GreetingContract.ALLOW);

    private final long waitMillis;

    GreetingHandler(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) throws InterruptedException {
        HttpPrologue prologue = request.prologue();
        // The target as received: the raw (still percent-encoded) path and query.
        String path = prologue.uriPath().rawPath();
        String target = prologue.hasQuery() ? path + "?" + prologue.query().rawValue() : path;
        Method method = prologue.method();
        Answer answer = GreetingContract.answer(method.text(), target);
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        byte[] body = answer.body();
        response.status(status(answer));
        response.header(CONTENT_TYPE);
        response.header(NOSNIFF);
        if (answer.needsAllowHeader()) {
            response.header(ALLOW);
        }
        if (Method.HEAD.equals(method)) {
            response.contentLength(body.length);
            response.send();
        } else {
            response.send(body);
        }
        if (request.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
            // Helidon 4.5.0 answers "Connection: close" but then keeps the connection, waiting for a
            // next request (helidon-io/helidon#12324, fixed after 4.5.3). Its CloseConnectionException
            // is how a handler closes the connection; the answer is written by now.
            throw new CloseConnectionException("the request said Connection: close");
        }
    }

    /** Helidon's status with the contract's reason phrase (Helidon's own says "Request-URI Too Long" for 414). */
    private static Status status(Answer answer) {
        Status known = Status.create(answer.status());
        return known.reasonPhrase().equals(answer.reason()) ? known : Status.create(answer.status(), answer.reason());
    }
}
