package io.greetbench.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Reads HTTP/1.1 responses off a connection's cumulated bytes, looking only at what the driver
 * needs: the status code, {@code Content-Length}, and the body when it is to be checked. Nothing is
 * allocated per response; an incomplete response is left in the buffer for the next read.
 */
final class ResponseParser {
    /** What a parsed response was. */
    enum Outcome { INCOMPLETE, OK, BAD_STATUS, BAD_BODY, MALFORMED }

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "connection: close".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_HEAD = 64 * 1024;

    private final byte[] expectedBody;
    private boolean closing;

    ResponseParser(byte[] expectedBody) {
        this.expectedBody = expectedBody;
    }

    /** Whether the last complete response said {@code Connection: close} (the server closes after it). */
    boolean serverCloses() {
        return closing;
    }

    /**
     * Parses one response at {@code in}'s reader index; on anything but INCOMPLETE, the response has
     * been consumed (for MALFORMED the connection must be closed).
     */
    Outcome next(ByteBuf in, boolean checkBody) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int lineEnd = in.forEachByte(start, end - start, ByteProcessor.FIND_LF);
        if (lineEnd < 0) {
            return end - start > MAX_HEAD ? Outcome.MALFORMED : Outcome.INCOMPLETE;
        }
        // "HTTP/1.1 200 OK": the status code sits at bytes 9..11
        if (lineEnd - start < 12 || in.getByte(start) != 'H' || in.getByte(start + 8) != ' ') {
            return Outcome.MALFORMED;
        }
        int status = digit(in, start + 9) * 100 + digit(in, start + 10) * 10 + digit(in, start + 11);
        if (status < 100) {
            return Outcome.MALFORMED;
        }
        long contentLength = -1;
        boolean close = false;
        int lineStart = lineEnd + 1;
        while (true) {
            lineEnd = in.forEachByte(lineStart, end - lineStart, ByteProcessor.FIND_LF);
            if (lineEnd < 0) {
                return end - start > MAX_HEAD ? Outcome.MALFORMED : Outcome.INCOMPLETE;
            }
            int length = lineEnd - lineStart; // includes the CR, if any
            if (length <= 1) {
                break; // the empty line: end of the head
            }
            if (length > CONTENT_LENGTH.length && startsWithIgnoreCase(in, lineStart, CONTENT_LENGTH)) {
                contentLength = parseLength(in, lineStart + CONTENT_LENGTH.length, lineEnd);
                if (contentLength < 0) {
                    return Outcome.MALFORMED;
                }
            } else if (length >= CONNECTION_CLOSE.length && startsWithIgnoreCase(in, lineStart, CONNECTION_CLOSE)) {
                close = true;
            }
            lineStart = lineEnd + 1;
        }
        if (contentLength < 0) {
            return Outcome.MALFORMED; // chunked or close-delimited: not what greetbench servers send
        }
        int bodyStart = lineEnd + 1;
        if (end - bodyStart < contentLength) {
            return Outcome.INCOMPLETE;
        }
        in.readerIndex(bodyStart + (int) contentLength);
        closing = close;
        if (status < 200 || status > 299) {
            return Outcome.BAD_STATUS;
        }
        if (checkBody && expectedBody != null && !bodyMatches(in, bodyStart, (int) contentLength)) {
            return Outcome.BAD_BODY;
        }
        return Outcome.OK;
    }

    private boolean bodyMatches(ByteBuf in, int from, int length) {
        if (length != expectedBody.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (in.getByte(from + i) != expectedBody[i]) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive ASCII prefix match; {@code lower} is lower-case ({@code | 0x20} keeps ':', ' ' and '-'). */
    private static boolean startsWithIgnoreCase(ByteBuf in, int from, byte[] lower) {
        for (int i = 0; i < lower.length; i++) {
            if ((in.getByte(from + i) | 0x20) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    private static long parseLength(ByteBuf in, int from, int lineEnd) {
        long value = -1;
        for (int i = from; i < lineEnd; i++) {
            byte b = in.getByte(i);
            if (b >= '0' && b <= '9') {
                value = (value < 0 ? 0 : value * 10) + (b - '0');
                if (value > Integer.MAX_VALUE) {
                    return -1;
                }
            } else if (b != ' ' && b != '\t' && b != '\r') {
                return -1;
            }
        }
        return value;
    }

    private static int digit(ByteBuf in, int index) {
        int d = in.getByte(index) - '0';
        return d >= 0 && d <= 9 ? d : -1000;
    }
}
