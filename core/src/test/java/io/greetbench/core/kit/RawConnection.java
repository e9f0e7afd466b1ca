package io.greetbench.core.kit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
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

/**
 * A client that speaks raw bytes over one socket, so the kit sees exactly what a server sends:
 * no client library normalises headers, retries, or hides a close.
 */
public final class RawConnection implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 20_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawConnection(String host, int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    /** A plain {@code GET target HTTP/1.1} with a Host header. */
    public static String get(String target) {
        return request("GET", target);
    }

    /** {@code METHOD target HTTP/1.1} with a Host header and no body. */
    public static String request(String method, String target) {
        return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    public RawConnection send(String raw) throws IOException {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawConnection send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
        return this;
    }

    /** Reads one response to a request that may have a body (anything but HEAD). */
    public RawResponse read() throws IOException {
        return read(false);
    }

    /** Reads one response; a response to HEAD has headers only, whatever its Content-Length says. */
    public RawResponse read(boolean toHead) throws IOException {
        String statusLine = line();
        List<String[]> headers = new ArrayList<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + line);
            }
            headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        RawResponse head = new RawResponse(statusLine, headers, new byte[0]);
        if (toHead) {
            return head;
        }
        String length = head.header("Content-Length");
        if (length == null) {
            throw new IOException("response without Content-Length: " + statusLine + " " + headersText(headers));
        }
        byte[] body = in.readNBytes(Integer.parseInt(length));
        if (body.length < Integer.parseInt(length)) {
            throw new EOFException("connection closed inside a body");
        }
        return new RawResponse(statusLine, headers, body);
    }

    /** Waits for the server to close: true when the stream ends (or is reset) before the timeout. */
    public boolean closedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: closed too
        } finally {
            socket.setSoTimeout(TIMEOUT_MILLIS);
        }
    }

    /** Whether bytes beyond what was read already wait on the connection (e.g. a body sent after HEAD). */
    public boolean hasUnreadBytes(int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        try {
            in.mark(1);
            int b = in.read();
            in.reset();
            return b != -1;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(TIMEOUT_MILLIS);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b == -1) {
                throw new EOFException("connection closed after " + line.size() + " bytes of a line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }

    private static String headersText(List<String[]> headers) {
        StringBuilder sb = new StringBuilder();
        headers.forEach(h -> sb.append(h[0]).append('=').append(h[1]).append("; "));
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
