package io.greetbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.core.GreetingContract;
import io.greetbench.core.RunningServer;
import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The load driver against real servers of this project, and against servers that misbehave on purpose. */
@Timeout(120)
class LoadDriverTest {
    private static final byte[] HELLO_WORLD = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);

    private static RunningServer start(String runtime, Duration wait) throws Exception {
        return Runtimes.byName(runtime).start(ServerConfig.defaults().withRequestWait(wait));
    }

    private static Target target(int port, String path) {
        return Target.parse("http://127.0.0.1:" + port + path, false);
    }

    /** Runs and checks the run ended within its warm-up + duration + a small bound. */
    private static LoadResult timedRun(LoadSpec spec) throws Exception {
        long t0 = System.nanoTime();
        LoadResult r = LoadDriver.run(spec);
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        long bound = spec.warmupMax().plus(spec.duration()).plusSeconds(5).toSeconds();
        assertTrue(seconds <= bound, "the run took " + seconds + " s, more than its " + bound + " s bound");
        return r;
    }

    @Test
    void countsWhatTheServerSaw() throws Exception {
        try (RunningServer server = start("netty", Duration.ZERO);
             CountingProxy proxy = new CountingProxy(new InetSocketAddress("127.0.0.1", server.port()))) {
            LoadSpec spec = LoadSpec.closedLoop(target(proxy.port(), "/world"), 8, Duration.ofSeconds(2), HELLO_WORLD)
                    .toBuilder().warmup(Duration.ofMillis(500)).pipeline(4).build();
            LoadResult r = timedRun(spec);
            assertEquals(0, r.errorCount(), String.valueOf(r));
            assertTrue(r.requests() > 1000, "only " + r.requests() + " answers through the proxy");
            assertEquals(null, r.warmupSettled(), "a fixed warm-up is not judged");
            assertTrue(r.warmupSeconds() >= 0.5 && r.warmupSeconds() < 1.5, "warm-up " + r.warmupSeconds());
            // The proxy saw exactly what the driver wrote, warm-up included ...
            long seen = awaitStable(proxy);
            assertEquals(r.sentTotal(), seen, "requests written by the driver vs. seen by the server");
            // ... and the driver answered for all but what was unanswered when it stopped.
            long unanswered = r.sentTotal() - r.answeredTotal();
            assertTrue(unanswered >= 0 && unanswered <= 8L * 4, "unanswered at the end: " + unanswered);
            assertTrue(r.requests() <= r.answeredTotal(), "window answers exceed all answers");
        }
    }

    private static long awaitStable(CountingProxy proxy) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 50 && proxy.requests() != last; i++) {
            last = proxy.requests();
            Thread.sleep(100);
        }
        return proxy.requests();
    }

    @Test
    void openLoopLatencyIncludesTheQueueingAClosedLoopHides() throws Exception {
        // One connection to a server that waits 20 ms per request: it can answer at most 50 req/s.
        Duration wait = Duration.ofMillis(20);
        try (RunningServer server = start("netty", wait)) {
            Target t = target(server.port(), "/world");
            LoadSpec closed = LoadSpec.closedLoop(t, 1, Duration.ofSeconds(2), HELLO_WORLD);
            LoadResult c = timedRun(closed);
            assertEquals(0, c.errorCount());
            assertTrue(c.latencyMicros(50) >= 20_000 && c.latencyMicros(50) < 40_000, "closed p50 " + c.latencyMicros(50));
            double capacity = c.requestsPerSecond(); // just under 50/s

            // Below capacity, the open loop sees the wait and no queue.
            LoadResult under = timedRun(closed.toBuilder().rate(capacity / 2.5).build());
            assertEquals(0, under.errorCount());
            assertTrue(under.latencyMicros(99) < 45_000, "p99 below capacity: " + under.latencyMicros(99));

            // At twice capacity for T = 3 s, the k-th request is due at k/R but answered at k/C: the
            // last answered in the window waited about T (1 - C/R) = 1.5 s. A closed loop would say 20 ms.
            double rate = 2 * capacity;
            LoadSpec open = LoadSpec.builder(t).duration(Duration.ofSeconds(3)).rate(rate).expectedBody(HELLO_WORLD)
                    .timeout(Duration.ofSeconds(10)).build();
            LoadResult o = timedRun(open);
            double expectedMaxMicros = 3e6 * (1 - capacity / rate);
            long max = o.latency().getMaxValue();
            assertTrue(max > 0.75 * expectedMaxMicros && max < 1.35 * expectedMaxMicros,
                    "open-loop max " + max + " us, expected about " + (long) expectedMaxMicros);
            // Latency grows steadily through the window, so its median is about half the maximum.
            assertTrue(o.latencyMicros(50) > 0.3 * expectedMaxMicros, "open-loop p50 " + o.latencyMicros(50));
            // One connection, 20 ms per answer: never more than 50 answers a second.
            assertTrue(o.requestsPerSecond() <= 1000.0 / wait.toMillis() * 1.02, "more than 50/s: " + o.requestsPerSecond());
        }
    }

    @Test
    void poissonArrivalsKeepTheAskedRate() throws Exception {
        try (RunningServer server = start("netty", Duration.ZERO)) {
            LoadSpec spec = LoadSpec.builder(target(server.port(), "/world")).connections(4).warmup(Duration.ofMillis(500))
                    .duration(Duration.ofSeconds(3)).rate(2000).poisson(true).expectedBody(HELLO_WORLD).build();
            LoadResult r = timedRun(spec);
            assertEquals(0, r.errorCount());
            assertTrue(Math.abs(r.requestsPerSecond() - 2000) < 200, "rate " + r.requestsPerSecond());
        }
    }

    @Test
    void anAdaptiveWarmupEndsByItselfAndSaysWhetherItSettled() throws Exception {
        try (RunningServer server = start("netty", Duration.ZERO)) {
            LoadSpec spec = LoadSpec.builder(target(server.port(), "/world")).connections(4)
                    .warmup(Duration.ofMillis(500), Duration.ofSeconds(20)).duration(Duration.ofSeconds(1))
                    .expectedBody(HELLO_WORLD).build();
            // A server whose CPU per answer keeps halving never settles: the maximum ends the warm-up.
            LoadSpec short_ = spec.toBuilder().warmup(Duration.ofMillis(500), Duration.ofSeconds(3)).build();
            LoadResult never = LoadDriver.runObserved(short_, new LoadDriver.WindowObserver() {
                private int calls;

                @Override
                public double serverCpuSeconds() {
                    return 1 - Math.pow(0.5, calls++);
                }
            });
            assertEquals(Boolean.FALSE, never.warmupSettled());
            assertTrue(never.warmupSeconds() >= 3 && never.warmupSeconds() < 4.5, "warm-up " + never.warmupSeconds());
            assertEquals(false, never.warmupSettled());
            // The server itself settles well before 20 s (an in-process server, already warm from above).
            LoadResult r = timedRun(spec);
            assertEquals(Boolean.TRUE, r.warmupSettled());
            assertTrue(r.warmupSeconds() >= 0.5 && r.warmupSeconds() < 20, "warm-up " + r.warmupSeconds());
            assertEquals(0, r.errorCount());
        }
    }

    @Test
    void wrongBodiesAreErrorsNotSuccesses() throws Exception {
        try (RunningServer server = start("netty-nio", Duration.ZERO)) {
            LoadSpec spec = LoadSpec.closedLoop(target(server.port(), "/world"), 4, Duration.ofSeconds(1),
                    "Hello, someone else!\n".getBytes(StandardCharsets.UTF_8));
            LoadResult r = timedRun(spec);
            assertEquals(0, r.requests());
            assertTrue(r.errors().get(ErrorKind.BODY) > 100, String.valueOf(r));
        }
    }

    @Test
    void non2xxAnswersAreErrorsNotSuccesses() throws Exception {
        try (RunningServer server = start("threadpool", Duration.ZERO)) {
            LoadSpec spec = LoadSpec.closedLoop(target(server.port(), "/not/found"), 4, Duration.ofSeconds(1), null);
            LoadResult r = timedRun(spec);
            assertEquals(0, r.requests());
            assertTrue(r.errors().get(ErrorKind.STATUS) > 100, String.valueOf(r));
        }
    }

    @Test
    void aServerThatResetsConnectionsGivesErrorsNotAHang() throws Exception {
        try (HostileServer hostile = new HostileServer(true)) {
            LoadSpec spec = LoadSpec.closedLoop(target(hostile.port(), "/world"), 4, Duration.ofSeconds(2), HELLO_WORLD);
            LoadResult r = timedRun(spec);
            assertEquals(0, r.requests());
            assertTrue(r.errors().get(ErrorKind.RESET) + r.errors().get(ErrorKind.CONNECT) > 0, String.valueOf(r));
        }
    }

    @Test
    void aServerThatNeverAnswersGivesTimeoutsNotAHang() throws Exception {
        try (HostileServer silent = new HostileServer(false)) {
            LoadSpec spec = LoadSpec.closedLoop(target(silent.port(), "/world"), 4, Duration.ofSeconds(2), HELLO_WORLD)
                    .toBuilder().timeout(Duration.ofMillis(300)).build();
            LoadResult r = timedRun(spec);
            assertEquals(0, r.requests());
            assertTrue(r.errors().get(ErrorKind.TIMEOUT) >= 4, String.valueOf(r));
        }
    }

    @Test
    void nothingListeningIsConnectErrors() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LoadResult r = timedRun(LoadSpec.closedLoop(target(port, "/world"), 2, Duration.ofSeconds(1), HELLO_WORLD));
        assertEquals(0, r.requests());
        assertTrue(r.errors().get(ErrorKind.CONNECT) > 0, String.valueOf(r));
    }

    @Test
    void writesAnIntervalLogThatHdrHistogramReads(@TempDir Path dir) throws Exception {
        Path hlog = dir.resolve("run.hlog");
        try (RunningServer server = start("netty", Duration.ZERO)) {
            LoadSpec spec = LoadSpec.builder(target(server.port(), "/world")).connections(4)
                    .duration(Duration.ofMillis(2500)).expectedBody(HELLO_WORLD).hlog(hlog).build();
            LoadResult r = timedRun(spec);
            List<EncodableHistogram> intervals = new ArrayList<>();
            try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
                for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
                    intervals.add(h);
                }
            }
            assertTrue(intervals.size() >= 2, "intervals: " + intervals.size());
            long total = intervals.stream().mapToLong(h -> ((org.HdrHistogram.Histogram) h).getTotalCount()).sum();
            assertEquals(r.requests() + r.unansweredAtEnd(), total, "the log holds every recorded latency");
        }
    }

    @Test
    void refusesAnythingButLoopbackUnlessAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Target.parse("http://192.0.2.10:8080/world", false));
        assertTrue(e.getMessage().contains("--allow-remote"), e.getMessage());
        assertEquals("/world", Target.parse("http://192.0.2.10:8080/world", true).pathAndQuery());
        assertEquals("/x?y=1", Target.parse("http://[::1]:8080/x?y=1", false).pathAndQuery());
        assertThrows(IllegalArgumentException.class, () -> Target.parse("https://127.0.0.1/", false));
    }

    @Test
    void theExpectedBodyIsTheContractsGreeting() {
        assertEquals("Hello, Zoë!\n", new String(GreetingContract.answer("GET", "/Zo%C3%AB").body(), StandardCharsets.UTF_8));
    }

    /** Accepts connections and then resets them at once, or holds them without a word. */
    private static final class HostileServer implements AutoCloseable {
        private final ServerSocket listener;
        private final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        HostileServer(boolean reset) throws IOException {
            listener = new ServerSocket(0, 128, java.net.InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket s = listener.accept();
                        if (reset) {
                            s.getInputStream().read(); // wait for the request, then reset
                            s.setSoLinger(true, 0);
                            s.close();
                        } else {
                            held.add(s);
                        }
                    } catch (IOException e) {
                        // closed, or the client went first
                    }
                }
            }, "hostile-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
