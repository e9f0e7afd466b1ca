package io.greetbench.bench.jmh;

import io.greetbench.core.RunningServer;
import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerConfig;
import io.greetbench.core.ServerRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request and its full answer on a keep-alive connection, per runtime, in one JVM: the server on
 * an ephemeral port for the trial, one connection per benchmark thread. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the bytes allocated per request, server and client together (the
 * client allocates nothing per request, so the figure is the server's).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoundTripBenchmark {
    private static final byte[] REQUEST = "GET /world HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "Hello, world!\n".getBytes(StandardCharsets.US_ASCII);

    /** The server, for the whole trial. */
    @State(Scope.Benchmark)
    public static class Server {
        /** Runtime names from the SPI; {@code ./greetbench jmh} passes those available on this JVM. */
        @Param({"netty", "netty-iouring", "netty-nio", "vertx-web", "vertx-core", "undertow", "undertow-worker",
            "threadpool", "threadpool-virtual", "tomcat", "tomcat-virtual", "helidon"})
        public String runtime;

        RunningServer server;

        @Setup(Level.Trial)
        public void start() throws Exception {
            ServerRuntime r = Runtimes.byName(runtime);
            if (r.unavailableReason().isPresent()) {
                throw new IllegalStateException(runtime + " is unavailable here: " + r.unavailableReason().get());
            }
            server = r.start(ServerConfig.defaults());
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.close();
        }
    }

    /** One keep-alive connection per benchmark thread, and the buffer its answers are read into. */
    @State(Scope.Thread)
    public static class Connection {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final byte[] buffer = new byte[4096];

        @Setup(Level.Trial)
        public void open(Server server) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", server.server.port()), 5000);
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            socket.close();
        }

        /** Sends the request and reads the whole answer; fails if it is not the greeting. */
        int roundTrip() throws IOException {
            out.write(REQUEST);
            int n = 0;
            int headEnd = -1;
            long contentLength = -1;
            while (true) {
                int r = in.read(buffer, n, buffer.length - n);
                if (r < 0) {
                    throw new IOException("the server closed the connection");
                }
                n += r;
                if (headEnd < 0) {
                    headEnd = indexOfHeadEnd(buffer, n);
                    if (headEnd >= 0) {
                        contentLength = contentLength(buffer, headEnd);
                    }
                }
                if (headEnd >= 0 && n >= headEnd + contentLength) {
                    break;
                }
            }
            if (buffer[9] != '2' || contentLength != BODY.length || n != headEnd + contentLength
                    || buffer[headEnd + 7] != 'w') {
                throw new IOException("not the greeting: " + new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            return n;
        }

        private static int indexOfHeadEnd(byte[] b, int n) {
            for (int i = 3; i < n; i++) {
                if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                    return i + 1;
                }
            }
            return -1;
        }

        private static long contentLength(byte[] b, int headEnd) {
            for (int i = 0; i + 15 < headEnd; i++) {
                if ((b[i] | 0x20) == 'c' && (b[i + 8] | 0x20) == 'l' && (b[i + 14]) == ':'
                        && (b[i + 7] == '-') && (b[i + 1] | 0x20) == 'o' && (b[i + 9] | 0x20) == 'e') {
                    long v = 0;
                    for (int j = i + 15; j < headEnd && b[j] != '\r'; j++) {
                        if (b[j] >= '0' && b[j] <= '9') {
                            v = v * 10 + (b[j] - '0');
                        }
                    }
                    return v;
                }
            }
            return -1;
        }
    }

    @Benchmark
    public int greeting(Connection connection) throws IOException {
        return connection.roundTrip();
    }
}
