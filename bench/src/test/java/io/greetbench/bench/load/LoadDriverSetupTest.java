package io.greetbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How set-up ends: when every connection is served or has failed, or when none has been for
 * {@link LoadDriver#SETUP_STALL_NANOS} (well before the deadline), and what it counts: connections
 * never served apart from those that failed.
 */
@Timeout(60)
class LoadDriverSetupTest {
    private static final byte[] HELLO_WORLD = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);

    private static Target target(int port) {
        return Target.parse("http://127.0.0.1:" + port + "/world", false);
    }

    private static LoadSpec spec(int port, int connections) {
        return LoadSpec.closedLoop(target(port), connections, Duration.ofSeconds(1), HELLO_WORLD).toBuilder()
                .warmup(Duration.ofMillis(300)).eventLoops(2).build();
    }

    @Test
    void connectionsTheServerNeverServesEndSetUpByAStallAndAreNeverServedNotErrors() throws Exception {
        int served = 20;
        int unserved = 50;
        try (FirstKServer server = new FirstKServer(served)) {
            LoadSpec spec = spec(server.port(), served + unserved);
            long deadline = LoadDriver.setupDeadlineSeconds(spec.connections());
            long t0 = System.nanoTime();
            LoadResult r = LoadDriver.run(spec);
            double took = (System.nanoTime() - t0) / 1e9;
            assertEquals("stalled", r.setupEnded(), String.valueOf(r));
            assertEquals(deadline, r.setupDeadlineSeconds(), 0.0);
            double stall = LoadDriver.SETUP_STALL_NANOS / 1e9;
            assertTrue(r.setupSeconds() >= stall * 0.9 && r.setupSeconds() < stall + 2,
                    "set-up took " + r.setupSeconds() + " s, not about the stall's " + stall + " s");
            assertTrue(r.setupSeconds() < deadline / 2.0, "set-up waited toward its " + deadline + " s deadline");
            assertEquals(unserved, r.neverServed(), String.valueOf(r));
            assertEquals(0, r.setupErrors(), String.valueOf(r));
            assertEquals(served + unserved, server.accepted(), "every connection was opened and accepted");
            // The served connections carried the load, and their answers counted.
            assertTrue(r.requests() > 100, "only " + r.requests() + " answers in the window");
            assertEquals(0, r.errorCount() - r.errors().get(ErrorKind.TIMEOUT), String.valueOf(r.errors()));
            assertTrue(took < r.setupSeconds() + 1.3 + 5, "the run took " + took + " s");
        }
    }

    @Test
    void setUpEndsAsSoonAsEveryConnectionIsServed() throws Exception {
        try (FirstKServer server = new FirstKServer(Integer.MAX_VALUE)) {
            LoadResult r = LoadDriver.run(spec(server.port(), 30));
            assertEquals("all", r.setupEnded(), String.valueOf(r));
            assertTrue(r.setupSeconds() < 1.5, "set-up took " + r.setupSeconds() + " s");
            assertEquals(0, r.neverServed());
            assertEquals(0, r.setupErrors());
            assertEquals(0, r.errorCount(), String.valueOf(r.errors()));
        }
    }

    @Test
    void refusedConnectionsAreSetupErrorsNotNeverServed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LoadResult r = LoadDriver.run(spec(port, 3));
        assertEquals("all", r.setupEnded(), String.valueOf(r));
        assertEquals(3, r.setupErrors(), String.valueOf(r));
        assertEquals(0, r.neverServed(), String.valueOf(r));
    }

    /**
     * Accepts every connection on 127.0.0.1 but answers only on the first {@code k} it accepted; the
     * others are held open and never read from.
     */
    private static final class FirstKServer implements AutoCloseable {
        private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                + HELLO_WORLD.length + "\r\n\r\nHello, world!\n").getBytes(StandardCharsets.US_ASCII);
        private final ServerSocket listener;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();
        private final Thread acceptor;

        FirstKServer(int k) throws IOException {
            listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket s = listener.accept();
                        sockets.add(s);
                        if (accepted.getAndIncrement() < k) {
                            Thread t = new Thread(() -> serve(s), "first-k-server-connection");
                            t.setDaemon(true);
                            t.start();
                        }
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "first-k-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** Answers each request (a head ending in an empty line) until the client goes. */
        private static void serve(Socket s) {
            try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
                int matched = 0; // of "\r\n\r\n"
                int b;
                while ((b = in.read()) >= 0) {
                    matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
                    if (matched == 4) {
                        matched = 0;
                        out.write(ANSWER);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the client went
            }
        }

        int port() {
            return listener.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws Exception {
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
            acceptor.join(5000);
        }
    }
}
