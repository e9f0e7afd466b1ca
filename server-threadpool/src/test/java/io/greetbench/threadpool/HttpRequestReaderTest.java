package io.greetbench.threadpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader's limits and buffering, which the kits reach only from the outside. */
class HttpRequestReaderTest {

    @Test
    void theRequestLineLimitCountsTheBytesBeforeTheLineFeed() throws Exception {
        // 8192 bytes before the LF: a CR counts, so with CRLF the line itself may have 8191.
        String fits = requestLineOf(HttpRequestReader.MAX_REQUEST_LINE - 1);
        assertEquals(8191, fits.length());
        assertEquals("GET", reader(fits + "\r\n\r\n").next().method);
        String longer = requestLineOf(HttpRequestReader.MAX_REQUEST_LINE);
        assertEquals("GET", reader(longer + "\n\n").next().method); // a bare LF: all 8192 are the line

        BadRequestException tooLong = assertThrows(BadRequestException.class,
                () -> reader(longer + "\r\n\r\n").next());
        assertEquals(414, tooLong.answer.status());
    }

    @Test
    void theHeaderLimitCountsEveryHeaderLineWithItsCrLfAndTheEmptyLineMustFitToo() throws Exception {
        // Header lines and their CRLFs add up against 8192; the CR of the empty line that ends the head counts too.
        String fits = "GET /a HTTP/1.1\r\n" + header(4093) + header(4093); // 8190
        assertEquals("/a", reader(fits + "\r\n").next().target);

        String full = "GET /a HTTP/1.1\r\n" + header(4094) + header(4094); // 8192: no room for the CR
        BadRequestException tooLarge = assertThrows(BadRequestException.class, () -> reader(full + "\r\n").next());
        assertEquals(431, tooLarge.answer.status());
    }

    @Test
    void readsTheSameRequestsOneByteAtATime() throws Exception {
        String requests = "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
                + "HEAD /b HTTP/1.0\r\nconnection: Keep-Alive\r\n\r\n";
        HttpRequestReader reader = new HttpRequestReader(oneByteReads(requests));
        HttpRequestHead post = reader.next();
        assertTrue(post.chunked);
        reader.skipBody(post);
        HttpRequestHead head = reader.next();
        assertEquals("HEAD", head.method);
        assertEquals("/b", head.target);
        assertTrue(head.http10);
        assertTrue(head.keepAlive);
        assertNull(reader.next());
    }

    @Test
    void aPipelinedRequestAlreadyReadIsSeenWithoutAskingTheSocket() throws Exception {
        HttpRequestReader reader = reader("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
        assertEquals("/a", reader.next().target);
        assertTrue(reader.hasBufferedBytes());
        assertEquals("/b", reader.next().target);
        assertFalse(reader.hasBufferedBytes());
    }

    @Test
    void malformedContentLengthsAreBadRequests() {
        for (String value : new String[] {"", "+1", "-1", "1 2", "0x1", "99999999999999999999"}) {
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> reader("GET /a HTTP/1.1\r\nContent-Length: " + value + "\r\n\r\n").next(), value);
            assertEquals(400, e.answer.status(), value);
        }
    }

    private static String header(int length) {
        return "X-A: " + "v".repeat(length - 5) + "\r\n";
    }

    private static String requestLineOf(int length) {
        String start = "GET /";
        String end = " HTTP/1.1";
        return start + "a".repeat(length - start.length() - end.length()) + end;
    }

    private static HttpRequestReader reader(String bytes) {
        return new HttpRequestReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static InputStream oneByteReads(String bytes) {
        ByteArrayInputStream all = new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1));
        return new InputStream() {
            @Override
            public int read() {
                return all.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return all.read(b, off, Math.min(len, 1));
            }
        };
    }
}
