package io.greetbench.core.kit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One HTTP/1.x response as it came off the wire: status line, headers in order, body bytes. */
public final class RawResponse {
    public final String statusLine;
    public final int status;
    public final List<String[]> headers;
    public final byte[] body;

    RawResponse(String statusLine, List<String[]> headers, byte[] body) {
        this.statusLine = statusLine;
        String[] parts = statusLine.split(" ", 3);
        this.status = parts.length >= 2 ? Integer.parseInt(parts[1]) : -1;
        this.headers = headers;
        this.body = body;
    }

    /** The values of a header, by case-insensitive name, in the order received. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    /** The single value of a header, or null; fails if the header is repeated. */
    public String header(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new AssertionError("header " + name + " sent " + values.size() + " times: " + values);
        }
        return values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the server said it will close the connection. */
    public boolean saysClose() {
        String connection = header("Connection");
        return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(statusLine).append("\n");
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\n");
        }
        return sb.append("\n").append(bodyText()).toString();
    }
}
