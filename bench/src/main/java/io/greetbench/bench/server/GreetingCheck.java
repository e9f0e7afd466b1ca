package io.greetbench.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One plain GET with {@code Connection: close}, to see whether a server answers correctly yet. */
public final class GreetingCheck {
    private GreetingCheck() {
    }

    /** The body of a 200 answer, however it is framed; an IOException for anything else. */
    public static byte[] get(String host, int port, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int head = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 200") || head < 0) {
                throw new IOException("not a 200: " + text.lines().findFirst().orElse("(nothing)"));
            }
            return Arrays.copyOfRange(all, head + 4, all.length);
        }
    }
}
