package io.greetbench.threadpool;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import io.greetbench.core.HttpDate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the contract's answer as HTTP/1.1 bytes into a buffer of its own, as a careful JDK-socket
 * server does: the status lines and fixed header lines are encoded once, the {@code Date} line once a
 * second, the {@code Content-Length} digits straight into the buffer; no String per response. The
 * buffer goes to the socket in one write on {@link #flush()} (or when it is full), so pipelined
 * answers leave together.
 */
final class HttpResponseWriter {
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] FIXED_HEADERS = ascii("Content-Type: " + GreetingContract.CONTENT_TYPE + "\r\n"
            + GreetingContract.NOSNIFF_HEADER + ": " + GreetingContract.NOSNIFF + "\r\n");
    private static final byte[] ALLOW = ascii("Allow: " + GreetingContract.ALLOW + "\r\n");
    private static final byte[] CLOSE = ascii("Connection: close\r\n");
    private static final byte[] KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
    /** Status line, Content-Length line, Date line and the headers above, with room to spare. */
    private static final int MAX_HEAD = 512;

    private final OutputStream out;
    private final byte[] buf = new byte[8192];
    private int count;

    HttpResponseWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * @param connection {@code CLOSE}, {@code KEEP_ALIVE} (HTTP/1.0 keep-alive) or null for none
     */
    void write(Answer answer, boolean head, ConnectionHeader connection) throws IOException {
        byte[] body = answer.body();
        if (count + MAX_HEAD > buf.length) {
            drain();
        }
        put(StatusLines.of(answer));
        put(CONTENT_LENGTH);
        putDigits(body.length);
        buf[count++] = '\r';
        buf[count++] = '\n';
        put(DateLine.now());
        put(FIXED_HEADERS);
        if (answer.needsAllowHeader()) {
            put(ALLOW);
        }
        if (connection == ConnectionHeader.CLOSE) {
            put(CLOSE);
        } else if (connection == ConnectionHeader.KEEP_ALIVE) {
            put(KEEP_ALIVE);
        }
        buf[count++] = '\r';
        buf[count++] = '\n';
        if (!head) {
            if (body.length > buf.length - count) {
                drain();
                if (body.length > buf.length) {
                    out.write(body);
                    return;
                }
            }
            put(body);
        }
    }

    /** Sends what is buffered. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    private void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, count, bytes.length);
        count += bytes.length;
    }

    private void putDigits(int value) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = count + digits;
        for (int i = end - 1, v = value; i >= count; i--, v /= 10) {
            buf[i] = (byte) ('0' + v % 10);
        }
        count = end;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The {@code Connection} header a response carries, if any. */
    enum ConnectionHeader { NONE, CLOSE, KEEP_ALIVE }

    /** {@code HTTP/1.1 <status> <reason>\r\n}, encoded once for each status the contract answers with. */
    static final class StatusLines {
        private static final byte[][] BY_STATUS = new byte[600][];

        static {
            for (Answer a : new Answer[] {GreetingContract.answer("GET", "/"), GreetingContract.badRequest(),
                    GreetingContract.answer("GET", "/a/b"), GreetingContract.answer("POST", "/"),
                    GreetingContract.requestLineTooLong(), GreetingContract.headersTooLarge()}) {
                BY_STATUS[a.status()] = encode(a);
            }
        }

        static byte[] of(Answer answer) {
            byte[] line = answer.status() < BY_STATUS.length ? BY_STATUS[answer.status()] : null;
            return line != null ? line : encode(answer);
        }

        private static byte[] encode(Answer answer) {
            return ascii("HTTP/1.1 " + answer.status() + " " + answer.reason() + "\r\n");
        }
    }

    /** {@code Date: <IMF-fixdate>\r\n} as bytes, encoded again only when {@link HttpDate}'s value changes. */
    static final class DateLine {
        private static volatile DateLine cached = new DateLine("", new byte[0]);

        private final String source;
        private final byte[] line;

        private DateLine(String source, byte[] line) {
            this.source = source;
            this.line = line;
        }

        static byte[] now() {
            String date = HttpDate.now();
            DateLine c = cached;
            if (c.source != date) { // HttpDate hands out the same String until the second changes
                c = new DateLine(date, ascii("Date: " + date + "\r\n"));
                cached = c;
            }
            return c.line;
        }
    }
}
