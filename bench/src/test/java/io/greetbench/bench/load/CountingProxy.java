package io.greetbench.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a real server that counts the requests the server is handed: each
 * request the driver sends is a head without body, so each ends with one CRLF CRLF.
 */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final AtomicLong requests = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    CountingProxy(InetSocketAddress backend) throws IOException {
        this.backend = backend;
        this.listener = new ServerSocket(0, 1024, java.net.InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "counting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    long requests() {
        return requests.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(backend.getAddress(), backend.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump(client.getInputStream(), server.getOutputStream(), true, client, server);
                pump(server.getInputStream(), client.getOutputStream(), false, client, server);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean count, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            int state = 0; // how much of CR LF CR LF has been seen
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    if (count) {
                        for (int i = 0; i < n; i++) {
                            byte c = buf[i];
                            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1
                                    : (c == '\n' && (state == 1 || state == 3)) ? state + 1
                                    : (c == '\r') ? 1 : 0;
                            if (state == 4) {
                                requests.incrementAndGet();
                                state = 0;
                            }
                        }
                    }
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "counting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
