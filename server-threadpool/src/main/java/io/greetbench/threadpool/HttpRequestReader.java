package io.greetbench.threadpool;

import io.greetbench.core.GreetingContract;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small, strict HTTP/1.x request reader on a blocking socket stream: the part of a servlet
 * container this model needs, written with the JDK only. It reads into a buffer of its own and scans
 * the bytes there, as a careful JDK-socket server does: one socket read per request in the common
 * case, no lock or call per byte, and Strings only for the method and the target. Request bodies
 * are read and dropped (Content-Length or chunked), so the next pipelined request starts where it should.
 */
final class HttpRequestReader {
    /** Longest request line; a longer one is answered 414 and the connection closed. */
    static final int MAX_REQUEST_LINE = 8192;
    /** Most bytes of header lines together; more is answered 431 and the connection closed. */
    static final int MAX_HEADER_BYTES = 8192;

    private static final byte[] GET = ascii("GET");
    private static final byte[] HEAD = ascii("HEAD");
    private static final byte[] HTTP_1_1 = ascii("HTTP/1.1");
    private static final byte[] HTTP_1_0 = ascii("HTTP/1.0");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private final InputStream in;
    /** Room for the longest line (and its CR LF) wherever it starts, after compaction. */
    private final byte[] buf = new byte[2 * Math.max(MAX_REQUEST_LINE, MAX_HEADER_BYTES)];
    private int pos;
    private int limit;
    /** Where the line {@link #readLine} returned starts in {@link #buf}. */
    private int lineStart;

    HttpRequestReader(InputStream in) {
        this.in = in;
    }

    /** Whether request bytes already read wait in the buffer (a pipelined request): no socket call. */
    boolean hasBufferedBytes() {
        return pos < limit;
    }

    /** The next request head, or null when the client closed the connection between requests. */
    HttpRequestHead next() throws IOException, BadRequestException {
        int length;
        int emptyLines = 0;
        do { // RFC 9112 2.2: ignore empty lines before a request line
            length = readLine(MAX_REQUEST_LINE, true);
            if (length < 0) {
                return null;
            }
        } while (length == 0 && ++emptyLines < 4);
        int start = lineStart;
        int end = start + length;
        int sp1 = indexOf(buf, start, end, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(buf, sp1 + 1, end, (byte) ' ');
        if (sp1 <= start || sp2 <= sp1 + 1 || indexOf(buf, sp2 + 1, end, (byte) ' ') >= 0) {
            throw new BadRequestException(GreetingContract.badRequest(), "malformed request line");
        }
        String method = equals(buf, start, sp1, GET) ? "GET" : equals(buf, start, sp1, HEAD) ? "HEAD"
                : new String(buf, start, sp1 - start, StandardCharsets.ISO_8859_1);
        String target = new String(buf, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.ISO_8859_1);
        boolean http10 = equals(buf, sp2 + 1, end, HTTP_1_0);
        if (!http10 && !equals(buf, sp2 + 1, end, HTTP_1_1)) {
            throw new BadRequestException(GreetingContract.badRequest(),
                    "unsupported version " + new String(buf, sp2 + 1, end - sp2 - 1, StandardCharsets.ISO_8859_1));
        }

        boolean close = false;
        boolean keepAlive = false;
        long contentLength = 0;
        boolean chunked = false;
        int headerBytes = 0;
        while (true) {
            int n = readLine(MAX_HEADER_BYTES - headerBytes, false);
            if (n < 0) {
                throw new EOFException("connection closed inside a request head");
            }
            if (n == 0) {
                break;
            }
            headerBytes += n + 2;
            int from = lineStart;
            int to = from + n;
            int colon = indexOf(buf, from, to, (byte) ':');
            if (colon <= from || buf[from] == ' ' || buf[from] == '\t' || buf[colon - 1] == ' ') {
                throw new BadRequestException(GreetingContract.badRequest(), "malformed header line");
            }
            // The value without leading and trailing whitespace and controls, as String.trim() has it.
            int valueFrom = colon + 1;
            int valueTo = to;
            while (valueFrom < valueTo && (buf[valueFrom] & 0xff) <= ' ') {
                valueFrom++;
            }
            while (valueTo > valueFrom && (buf[valueTo - 1] & 0xff) <= ' ') {
                valueTo--;
            }
            if (equalsIgnoreCase(buf, from, colon, CONNECTION)) {
                close |= containsIgnoreCase(buf, valueFrom, valueTo, CLOSE);
                keepAlive |= containsIgnoreCase(buf, valueFrom, valueTo, KEEP_ALIVE);
            } else if (equalsIgnoreCase(buf, from, colon, CONTENT_LENGTH)) {
                contentLength = parseContentLength(buf, valueFrom, valueTo, contentLength);
            } else if (equalsIgnoreCase(buf, from, colon, TRANSFER_ENCODING)) {
                chunked = equalsIgnoreCase(buf, valueFrom, valueTo, CHUNKED);
                if (!chunked) {
                    throw new BadRequestException(GreetingContract.badRequest(), "unsupported transfer coding");
                }
            }
        }
        boolean persistent = http10 ? keepAlive && !close : !close;
        return new HttpRequestHead(method, target, http10, persistent, chunked ? -1 : contentLength, chunked);
    }

    /** Reads and drops the body of {@code head}, so the stream stands at the next request. */
    void skipBody(HttpRequestHead head) throws IOException, BadRequestException {
        if (head.chunked) {
            while (true) {
                int n = readLine(256, false);
                if (n <= 0) {
                    throw new BadRequestException(GreetingContract.badRequest(), "malformed chunk size");
                }
                int end = indexOf(buf, lineStart, lineStart + n, (byte) ';');
                long size;
                try {
                    size = Long.parseLong(new String(buf, lineStart, (end < 0 ? lineStart + n : end) - lineStart,
                            StandardCharsets.ISO_8859_1).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new BadRequestException(GreetingContract.badRequest(), "malformed chunk size");
                }
                if (size == 0) {
                    while (readLine(MAX_HEADER_BYTES, false) > 0) {
                        // trailer fields: dropped
                    }
                    return;
                }
                skip(size);
                if (readLine(2, false) != 0) {
                    throw new BadRequestException(GreetingContract.badRequest(), "chunk without CRLF");
                }
            }
        }
        skip(head.contentLength);
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            if (pos == limit && !fill()) {
                throw new EOFException("connection closed inside a request body");
            }
            int n = (int) Math.min(left, limit - pos);
            pos += n;
            left -= n;
        }
    }

    /**
     * Finds the next line in the buffer, reading more as needed, and returns its length without its
     * CRLF (a bare LF is accepted), or -1 if the stream ended before the line's first byte. The line
     * starts at {@link #lineStart}. A line whose bytes before the LF number more than {@code max} is
     * refused, as a byte-by-byte reader that stops at {@code max} would refuse it.
     */
    private int readLine(int limitBytes, boolean requestLine) throws IOException, BadRequestException {
        int max = Math.max(limitBytes, 0); // the header budget can run 2 below zero: only a bare LF fits then
        int scanned = 0;
        while (true) {
            int searchEnd = Math.min(limit, pos + max + 1);
            for (int i = pos + scanned; i < searchEnd; i++) {
                if (buf[i] == '\n') {
                    int start = pos;
                    int n = i - start;
                    pos = i + 1;
                    lineStart = start;
                    return n > 0 && buf[i - 1] == '\r' ? n - 1 : n;
                }
            }
            scanned = searchEnd - pos;
            if (scanned > max) {
                throw requestLine
                        ? new BadRequestException(GreetingContract.requestLineTooLong(), "request line too long")
                        : new BadRequestException(GreetingContract.headersTooLarge(), "headers too large");
            }
            if (!fill()) {
                if (scanned == 0) {
                    return -1;
                }
                throw new EOFException("connection closed inside a line");
            }
        }
    }

    /** Reads more bytes after those buffered, moving the unread ones to the front first if needed. */
    private boolean fill() throws IOException {
        if (pos == limit) {
            pos = 0;
            limit = 0;
        } else if (limit == buf.length) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        return true;
    }

    private static long parseContentLength(byte[] b, int from, int to, long previous) throws BadRequestException {
        long length = from < to ? 0 : -1;
        for (int i = from; i < to && length >= 0; i++) {
            int d = b[i] - '0';
            length = d < 0 || d > 9 || length > (Long.MAX_VALUE - d) / 10 ? -1 : length * 10 + d;
        }
        if (length < 0 || (previous != 0 && previous != length)) {
            throw new BadRequestException(GreetingContract.badRequest(), "invalid Content-Length");
        }
        return length;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static boolean equals(byte[] b, int from, int to, byte[] expected) {
        if (to - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** ASCII case-insensitive comparison with a lower-case {@code expected}. */
    private static boolean equalsIgnoreCase(byte[] b, int from, int to, byte[] expected) {
        return to - from == expected.length && regionMatchesIgnoreCase(b, from, expected);
    }

    private static boolean containsIgnoreCase(byte[] b, int from, int to, byte[] expected) {
        for (int i = from; i + expected.length <= to; i++) {
            if (regionMatchesIgnoreCase(b, i, expected)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatchesIgnoreCase(byte[] b, int from, byte[] lowerCase) {
        for (int i = 0; i < lowerCase.length; i++) {
            int c = b[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
