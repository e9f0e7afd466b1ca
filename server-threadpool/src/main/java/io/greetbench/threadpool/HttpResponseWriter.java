package io.greetbench.threadpool;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import io.greetbench.core.HttpDate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the contract's answer as HTTP/1.1 bytes; the fixed header lines are encoded once. */
final class HttpResponseWriter {
    private static final byte[] FIXED_HEADERS = ("Content-Type: " + GreetingContract.CONTENT_TYPE + "\r\n"
            + GreetingContract.NOSNIFF_HEADER + ": " + GreetingContract.NOSNIFF + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ALLOW = ("Allow: " + GreetingContract.ALLOW + "\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;

    HttpResponseWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * @param connection {@code CLOSE}, {@code KEEP_ALIVE} (HTTP/1.0 keep-alive) or null for none
     */
    void write(Answer answer, boolean head, ConnectionHeader connection) throws IOException {
        byte[] body = answer.body();
        out.write(("HTTP/1.1 " + answer.status() + " " + answer.reason() + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Date: " + HttpDate.now() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(FIXED_HEADERS);
        if (answer.needsAllowHeader()) {
            out.write(ALLOW);
        }
        if (connection == ConnectionHeader.CLOSE) {
            out.write(CLOSE);
        } else if (connection == ConnectionHeader.KEEP_ALIVE) {
            out.write(KEEP_ALIVE);
        }
        out.write('\r');
        out.write('\n');
        if (!head) {
            out.write(body);
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The {@code Connection} header a response carries, if any. */
    enum ConnectionHeader { NONE, CLOSE, KEEP_ALIVE }
}
