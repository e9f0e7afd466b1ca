package io.greetbench.core.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends raw bytes on a fresh connection and keeps everything that comes back until the server
 * closes, goes quiet after answering, or a bound passes: so the kit can tell a refusal from a hang,
 * and one response from two. The bytes are written from a thread of their own, since a server may
 * answer (and close) before it has read them all.
 */
final class WireExchange {
    private WireExchange() {
    }

    /**
     * What came back.
     *
     * @param responses every complete response, in order
     * @param closed    the server closed (or reset) the connection
     * @param leftover  bytes that were not a response (empty if none)
     */
    record Outcome(List<RawResponse> responses, boolean closed, String leftover) {
        /** No answer and no close within the bound. */
        boolean hung() {
            return responses.isEmpty() && !closed && leftover.isEmpty();
        }

        /** How the table in docs/reliability.md says it, e.g. {@code 400, closed}. */
        String describe() {
            List<String> parts = new ArrayList<>();
            responses.forEach(r -> parts.add(String.valueOf(r.status)));
            String answers = parts.isEmpty() ? "no answer" : String.join(" + ", parts);
            String garbage = leftover.isEmpty() ? "" : " + " + leftover.length() + " bytes that are no response";
            return answers + garbage + (closed ? ", closed" : hung() ? ", left hanging" : ", kept open");
        }
    }

    static Outcome exchange(String host, int port, byte[] request, int quietMillis, int boundMillis) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean closed = false;
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), boundMillis);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(request);
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading and closed: what it answered is what counts
                }
            }, "kit-writer");
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            long deadline = System.nanoTime() + boundMillis * 1_000_000L;
            byte[] buf = new byte[16 * 1024];
            socket.setSoTimeout(quietMillis);
            while (System.nanoTime() < deadline) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    if (got.size() > 0) {
                        break; // answered, then quiet: kept open
                    }
                    continue;
                } catch (SocketException e) {
                    closed = true; // reset
                    break;
                }
                if (n < 0) {
                    closed = true;
                    break;
                }
                got.write(buf, 0, n);
            }
            writer.interrupt();
        }
        return parse(got.toByteArray(), closed);
    }

    /** Splits received bytes into responses (Content-Length bodies; without one, the rest is the body). */
    static Outcome parse(byte[] bytes, boolean closed) {
        List<RawResponse> responses = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            String start = new String(bytes, at, Math.min(5, bytes.length - at), StandardCharsets.ISO_8859_1);
            if (headEnd < 0 || !start.equals("HTTP/")) {
                break;
            }
            String[] lines = new String(bytes, at, headEnd - at, StandardCharsets.ISO_8859_1).split("\r\n");
            List<String[]> headers = new ArrayList<>();
            long length = -1;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    String name = lines[i].substring(0, colon).trim();
                    String value = lines[i].substring(colon + 1).trim();
                    headers.add(new String[] {name, value});
                    if (name.toLowerCase(Locale.ROOT).equals("content-length")) {
                        length = Long.parseLong(value);
                    }
                }
            }
            int bodyStart = headEnd + 4;
            int bodyEnd = length < 0 ? bytes.length : (int) Math.min(bytes.length, bodyStart + length);
            byte[] body = java.util.Arrays.copyOfRange(bytes, bodyStart, bodyEnd);
            responses.add(new RawResponse(lines[0], headers, body));
            at = bodyEnd;
        }
        String leftover = new String(bytes, at, bytes.length - at, StandardCharsets.ISO_8859_1);
        return new Outcome(responses, closed, leftover);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
