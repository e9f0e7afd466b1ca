package io.greetbench.core;

import java.nio.charset.StandardCharsets;

/**
 * The greeting contract, written once for every server: {@code GET /{name}} answers
 * {@code Hello, {name}!\n}. See {@code docs/contract.md} for the rules and why.
 *
 * <p>Servers hand over the method and the request target exactly as received (path and query,
 * still percent-encoded); this class decides the status and the body. The headers are the same
 * on every answer: {@link #CONTENT_TYPE}, {@link #NOSNIFF}, an exact {@code Content-Length}, a
 * {@code Date}, and {@link #ALLOW} on a 405.
 */
public final class GreetingContract {
    /** Longest decoded name, in bytes, that is greeted; a longer one gets 414. */
    public static final int MAX_NAME_BYTES = 1024;
    /** The name greeted for {@code GET /}, as in the seed's {@code match_info.get('name', 'Anonymous')}. */
    public static final String DEFAULT_NAME = "Anonymous";

    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";
    public static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    public static final String NOSNIFF = "nosniff";
    public static final String ALLOW = "GET, HEAD";

    private static final byte[] PREFIX = "Hello, ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "!\n".getBytes(StandardCharsets.US_ASCII);

    static final Answer BAD_REQUEST = error(400, "Bad Request");
    static final Answer NOT_FOUND = error(404, "Not Found");
    static final Answer METHOD_NOT_ALLOWED = error(405, "Method Not Allowed");
    static final Answer URI_TOO_LONG = error(414, "URI Too Long");
    static final Answer HEADERS_TOO_LARGE = error(431, "Request Header Fields Too Large");

    private static final Answer ANONYMOUS = greeting(DEFAULT_NAME.getBytes(StandardCharsets.UTF_8), 0,
            DEFAULT_NAME.length());

    private GreetingContract() {
    }

    /**
     * The answer to one request.
     *
     * @param method the request method, case-sensitive as HTTP says ({@code GET}, {@code HEAD}, ...)
     * @param target the request target as received: {@code /Zo%C3%AB?x=1}, or absolute-form
     *               {@code http://host/name}
     */
    public static Answer answer(String method, String target) {
        int start = pathStart(target);
        if (start < 0) {
            return BAD_REQUEST;
        }
        int end = pathEnd(target, start);
        // The route is "/{name}": exactly one segment. Counted on the raw path, so "%2F" is part of a name.
        for (int i = start + 1; i < end; i++) {
            if (target.charAt(i) == '/') {
                return NOT_FOUND;
            }
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return METHOD_NOT_ALLOWED;
        }
        if (end - start == 1) {
            return ANONYMOUS;
        }
        return greetingFor(target, start + 1, end);
    }

    /** The answer for a request the runtime's parser refused because its request line was too long. */
    public static Answer requestLineTooLong() {
        return URI_TOO_LONG;
    }

    /** The answer for a request the runtime's parser refused because its headers were too large. */
    public static Answer headersTooLarge() {
        return HEADERS_TOO_LARGE;
    }

    /** The answer for a request the runtime's parser could not read at all. */
    public static Answer badRequest() {
        return BAD_REQUEST;
    }

    /** Where the path starts in an origin-form or absolute-form target, or -1 if it is neither. */
    private static int pathStart(String target) {
        if (target.startsWith("/")) {
            return 0;
        }
        int scheme = target.startsWith("http://") ? 7 : target.startsWith("https://") ? 8 : -1;
        if (scheme < 0) {
            return -1;
        }
        int slash = target.indexOf('/', scheme);
        return slash; // "http://host" with no path is -1: refused like any other malformed target
    }

    private static int pathEnd(String target, int start) {
        for (int i = start; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return target.length();
    }

    /** Percent-decodes {@code target[from, to)} as one name and wraps it in the greeting. */
    private static Answer greetingFor(String target, int from, int to) {
        // Each decoded byte takes one or three characters, so the raw length bounds the decoded one.
        byte[] name = new byte[to - from];
        int length = 0;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return BAD_REQUEST; // controls, space and raw non-ASCII are not URI characters
            }
            if (c == '%') {
                if (i + 2 >= to) {
                    return BAD_REQUEST;
                }
                int hi = hexValue(target.charAt(i + 1));
                int lo = hexValue(target.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return BAD_REQUEST;
                }
                int b = (hi << 4) | lo;
                ascii &= b < 0x80;
                name[length++] = (byte) b;
                i += 2;
            } else {
                name[length++] = (byte) c; // '+' stays a plus: form encoding is not path encoding
            }
        }
        if (!ascii && !Utf8.isValid(name, 0, length)) {
            return BAD_REQUEST;
        }
        if (length > MAX_NAME_BYTES) {
            return URI_TOO_LONG;
        }
        return greeting(name, 0, length);
    }

    private static Answer greeting(byte[] name, int offset, int length) {
        byte[] body = new byte[PREFIX.length + length + SUFFIX.length];
        System.arraycopy(PREFIX, 0, body, 0, PREFIX.length);
        System.arraycopy(name, offset, body, PREFIX.length, length);
        System.arraycopy(SUFFIX, 0, body, PREFIX.length + length, SUFFIX.length);
        return new Answer(200, "OK", body);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static Answer error(int status, String reason) {
        return new Answer(status, reason, (reason + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
