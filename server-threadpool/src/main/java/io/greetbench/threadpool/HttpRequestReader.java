package io.greetbench.threadpool;

import io.greetbench.core.GreetingContract;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small, strict HTTP/1.x request reader on a buffered blocking stream: the part of a servlet
 * container this model needs, written with the JDK only. Request bodies are read and dropped
 * (Content-Length or chunked), so the next pipelined request starts where it should.
 */
final class HttpRequestReader {
    /** Longest request line; a longer one is answered 414 and the connection closed. */
    static final int MAX_REQUEST_LINE = 8192;
    /** Most bytes of header lines together; more is answered 431 and the connection closed. */
    static final int MAX_HEADER_BYTES = 8192;

    private final InputStream in;
    private final byte[] line = new byte[Math.max(MAX_REQUEST_LINE, MAX_HEADER_BYTES)];

    HttpRequestReader(InputStream in) {
        this.in = in;
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
        String requestLine = new String(line, 0, length, StandardCharsets.ISO_8859_1);
        int sp1 = requestLine.indexOf(' ');
        int sp2 = requestLine.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
            throw new BadRequestException(GreetingContract.badRequest(), "malformed request line");
        }
        String method = requestLine.substring(0, sp1);
        String target = requestLine.substring(sp1 + 1, sp2);
        String version = requestLine.substring(sp2 + 1);
        boolean http10 = version.equals("HTTP/1.0");
        if (!http10 && !version.equals("HTTP/1.1")) {
            throw new BadRequestException(GreetingContract.badRequest(), "unsupported version " + version);
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
            int colon = indexOf(line, n, (byte) ':');
            if (colon <= 0 || line[0] == ' ' || line[0] == '\t' || line[colon - 1] == ' ') {
                throw new BadRequestException(GreetingContract.badRequest(), "malformed header line");
            }
            String name = new String(line, 0, colon, StandardCharsets.ISO_8859_1);
            String value = new String(line, colon + 1, n - colon - 1, StandardCharsets.ISO_8859_1).trim();
            if (name.equalsIgnoreCase("Connection")) {
                String v = value.toLowerCase(java.util.Locale.ROOT);
                close |= v.contains("close");
                keepAlive |= v.contains("keep-alive");
            } else if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = parseContentLength(value, contentLength);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
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
                int end = indexOf(line, n, (byte) ';');
                long size;
                try {
                    size = Long.parseLong(new String(line, 0, end < 0 ? n : end, StandardCharsets.ISO_8859_1).trim(), 16);
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
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside a request body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /**
     * Reads one line into {@link #line} without its CRLF (a bare LF is accepted) and returns its
     * length, or -1 if the stream ended before the line's first byte.
     */
    private int readLine(int max, boolean requestLine) throws IOException, BadRequestException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (n == 0) {
                    return -1;
                }
                throw new EOFException("connection closed inside a line");
            }
            if (b == '\n') {
                return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
            }
            if (n >= max) {
                throw requestLine
                        ? new BadRequestException(GreetingContract.requestLineTooLong(), "request line too long")
                        : new BadRequestException(GreetingContract.headersTooLarge(), "headers too large");
            }
            line[n++] = (byte) b;
        }
    }

    private static long parseContentLength(String value, long previous) throws BadRequestException {
        long length;
        try {
            length = value.isEmpty() || !value.chars().allMatch(Character::isDigit) ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || (previous != 0 && previous != length)) {
            throw new BadRequestException(GreetingContract.badRequest(), "invalid Content-Length");
        }
        return length;
    }

    private static int indexOf(byte[] bytes, int length, byte b) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
