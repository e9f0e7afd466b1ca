package io.greetbench.core.kit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The catalogue of bad input every runtime is sent (docs/reliability.md). Most must be refused: a
 * 4xx or a closed connection, never a 5xx, a hang, or a second response nobody asked for. The two
 * decoded-name cases are not bad HTTP: the contract greets them with the text in the body, and the
 * kit checks that nothing of it leaks into the headers.
 */
public enum BadInput {
    MALFORMED_REQUEST_LINE("a request line that is not one", "GARBAGE\r\n\r\n"),
    UNKNOWN_VERSION("an unknown HTTP version (HTTP/9.9)", "GET /world HTTP/9.9\r\nHost: localhost\r\n\r\n"),
    HEADER_64_KIB("one 64 KiB header", "GET /world HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n"),
    URI_1_MIB("a 1 MiB URI", "GET /" + "a".repeat(1024 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    INVALID_CONTENT_LENGTH("Content-Length: abc", "POST /world HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\nhello"),
    NEGATIVE_CONTENT_LENGTH("Content-Length: -1", "POST /world HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n"),
    BAD_CHUNKED_BODY("a chunk size that is not hex",
            "GET /world HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
    TLS_CLIENT_HELLO("the first bytes of a TLS handshake", null),
    RAW_NUL_IN_TARGET("a raw NUL byte in the target", "GET /a\0b HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    NUL_IN_NAME("%00 in the name: greeted, NUL in the body", "GET /a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    CRLF_IN_NAME("%0D%0A in the name: greeted, CR LF in the body only",
            "GET /a%0D%0ASet-Cookie:%20x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n");

    public final String what;
    private final String request;

    BadInput(String what, String request) {
        this.what = what;
        this.request = request;
    }

    /** Whether the contract greets this one (the text goes into the body) instead of refusing it. */
    public boolean greeted() {
        return this == NUL_IN_NAME || this == CRLF_IN_NAME;
    }

    /** The body a greeted case must get. */
    public byte[] expectedBody() {
        return switch (this) {
            case NUL_IN_NAME -> "Hello, a\0b!\n".getBytes(StandardCharsets.UTF_8);
            case CRLF_IN_NAME -> "Hello, a\r\nSet-Cookie: x=1!\n".getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalStateException(this + " is refused, not greeted");
        };
    }

    public byte[] bytes() {
        return this == TLS_CLIENT_HELLO ? clientHello() : request.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A real TLS ClientHello, as the JDK's own TLS client sends it first. */
    private static byte[] clientHello() {
        try {
            SSLEngine engine = SSLContext.getDefault().createSSLEngine("localhost", 443);
            engine.setUseClientMode(true);
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.beginHandshake();
            engine.wrap(ByteBuffer.allocate(0), out);
            out.flip();
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (Exception e) {
            throw new IllegalStateException("the JDK could not produce a ClientHello", e);
        }
    }
}
