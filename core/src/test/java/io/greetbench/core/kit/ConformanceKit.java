package io.greetbench.core.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.core.GreetingContract;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import io.greetbench.core.ServerRuntime;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance kit: every runtime of every server module runs this same suite. A server module
 * subclasses it once per runtime and names the runtime; the kit finds it through the SPI (so the
 * {@code ServiceLoader} registration is tested too), starts it on an ephemeral port, and checks the
 * contract of {@code docs/contract.md} on the raw bytes of the wire.
 *
 * <p>A runtime that reports itself unavailable (virtual threads on JDK 17) is skipped with its
 * reason; CI runs the kit again on a JDK where it is available.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
public abstract class ConformanceKit {
    private static final String HOST = "127.0.0.1";

    private ServerRuntime runtime;
    private RunningServer server;

    /** The registered name of the runtime under test. */
    protected abstract String runtimeName();

    /**
     * Where the runtime's own HTTP layer answers before the contract can, listed in
     * {@code docs/contract.md}. The kit then checks the declared behaviour instead of the contract's.
     */
    protected Set<Deviation> deviations() {
        return Set.of();
    }

    @BeforeAll
    void startServer() throws Exception {
        runtime = KitRuntimes.availableOrSkip(runtimeName());
        server = runtime.start(ServerConfig.defaults());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    protected RawConnection connect() throws IOException {
        return new RawConnection(HOST, server.port());
    }

    private RawResponse exchange(String request) throws IOException {
        try (RawConnection c = connect()) {
            return c.send(request).read();
        }
    }

    private RawResponse get(String target) throws IOException {
        return exchange(RawConnection.get(target));
    }

    // ---- the greeting ---------------------------------------------------------------------------

    @Test
    void greetsByNameWithExactHeadersAndBody() throws IOException {
        RawResponse r = get("/world");
        assertEquals(deviations().contains(Deviation.STATUS_LINE_WITHOUT_REASON_PHRASE) ? "HTTP/1.1 200 " : "HTTP/1.1 200 OK",
                r.statusLine);
        assertEquals("Hello, world!\n", r.bodyText());
        assertContractHeaders(r, 14);
    }

    @Test
    void decodesPercentEncodedUtf8() throws IOException {
        RawResponse r = get("/Zo%C3%AB");
        assertEquals(200, r.status);
        assertArrayEquals("Hello, Zoë!\n".getBytes(StandardCharsets.UTF_8), r.body);
        assertContractHeaders(r, 13);
    }

    @Test
    void keepsPlusAsPlus() throws IOException {
        assertEquals("Hello, a+b!\n", get("/a+b").bodyText());
    }

    @Test
    void greetsAnonymousAtTheRoot() throws IOException {
        RawResponse r = get("/");
        assertEquals(200, r.status);
        assertEquals("Hello, Anonymous!\n", r.bodyText());
        assertContractHeaders(r, 18);
    }

    @Test
    void ignoresTheQueryString() throws IOException {
        assertEquals("Hello, world!\n", get("/world?name=other&x=1").bodyText());
        assertEquals("Hello, Anonymous!\n", get("/?name=other").bodyText());
        assertEquals("Hello, world!\n", get("/world?a/b/c").bodyText());
    }

    @Test
    void ignoresEvenAMalformedQueryString() throws IOException {
        RawResponse r = get("/world?x=%ZZ");
        if (deviations().contains(Deviation.PARSER_REFUSES_MALFORMED_ESCAPES)) {
            assertEquals(400, r.status, "declared: the parser refuses a malformed escape anywhere in the target");
        } else {
            assertEquals("Hello, world!\n", r.bodyText());
        }
    }

    @Test
    void keepsAnEncodedSlashInsideTheName() throws IOException {
        assertEquals("Hello, a/b!\n", get("/a%2Fb").bodyText());
    }

    @Test
    void greetsANameOfExactlyTheLimit() throws IOException {
        String name = "n".repeat(GreetingContract.MAX_NAME_BYTES);
        RawResponse r = get("/" + name);
        assertEquals(200, r.status);
        assertEquals("Hello, " + name + "!\n", r.bodyText());
    }

    @Test
    void nameIsOnlyBodyTextEvenWithCrLf() throws IOException {
        RawResponse r = get("/a%0D%0ASet-Cookie:%20pwned=1");
        assertEquals(200, r.status);
        assertEquals("Hello, a\r\nSet-Cookie: pwned=1!\n", r.bodyText());
        assertTrue(r.all("Set-Cookie").isEmpty(), "the name reached a header: " + r);
    }

    // ---- errors ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/a/b", "/world/", "//", "/a/b/c"})
    void moreThanOneSegmentIsNotFound(String target) throws IOException {
        RawResponse r = get(target);
        assertEquals(404, r.status, target);
        assertContractHeaders(r, r.body.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsAreNotAllowed(String method) throws IOException {
        RawResponse r = exchange(method + " /world HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
        assertEquals(405, r.status, method);
        assertEquals(GreetingContract.ALLOW, r.header("Allow"));
        assertContractHeaders(r, r.body.length);
    }

    @Test
    void aPostWithABodyIsRefusedAndTheConnectionStaysUsable() throws IOException {
        try (RawConnection c = connect()) {
            c.send("POST /world HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");
            assertEquals(405, c.read().status);
            c.send(RawConnection.get("/after"));
            assertEquals("Hello, after!\n", c.read().bodyText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%ZZ", "/abc%4", "/abc%", "/%G0"})
    void malformedPercentEscapesAreABadRequest(String target) throws IOException {
        RawResponse r = get(target);
        assertEquals(400, r.status, target);
        if (!deviations().contains(Deviation.PARSER_REFUSES_MALFORMED_ESCAPES)
                && !deviations().contains(Deviation.CONTAINER_REFUSES_UNDECODABLE_PATHS)) {
            assertContractHeaders(r, r.body.length);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%C3", "/%C0%AF", "/%E0%80%AF", "/%ED%A0%80", "/%F4%90%80%80", "/%FF", "/x%80", "/%F0%9F%98"})
    void invalidUtf8IsABadRequest(String target) throws IOException {
        RawResponse r = get(target);
        assertEquals(400, r.status, target);
        if (!deviations().contains(Deviation.CONTAINER_REFUSES_UNDECODABLE_PATHS)) {
            assertContractHeaders(r, r.body.length);
        }
    }

    @Test
    void aNameLongerThanTheLimitIsUriTooLong() throws IOException {
        assertEquals(414, get("/" + "n".repeat(GreetingContract.MAX_NAME_BYTES + 1)).status);
        // percent-encoded: 1025 decoded bytes in 3075 characters
        assertEquals(414, get("/" + "%41".repeat(GreetingContract.MAX_NAME_BYTES + 1)).status);
        // 1024 decoded bytes are fine however they are spelled
        assertEquals(200, get("/" + "%41".repeat(GreetingContract.MAX_NAME_BYTES)).status);
    }

    @Test
    void headGetsTheGetHeadersAndNoBody() throws IOException {
        try (RawConnection c = connect()) {
            RawResponse r = c.send(RawConnection.request("HEAD", "/world")).read(true);
            assertEquals(200, r.status);
            assertContractHeaders(r, 14);
            assertFalse(c.hasUnreadBytes(200), "a body followed the HEAD response");
            c.send(RawConnection.get("/next"));
            assertEquals("Hello, next!\n", c.read().bodyText());
        }
    }

    // ---- connections ----------------------------------------------------------------------------

    @Test
    void serves100SequentialRequestsOnOneKeepAliveConnection() throws IOException {
        try (RawConnection c = connect()) {
            for (int i = 0; i < 100; i++) {
                RawResponse r = c.send(RawConnection.get("/n" + i)).read();
                assertEquals("Hello, n" + i + "!\n", r.bodyText());
                assertFalse(r.saysClose(), "closed a keep-alive connection at request " + i);
            }
        }
    }

    @Test
    void http10WithoutKeepAliveIsClosedAfterTheResponse() throws IOException {
        if (deviations().contains(Deviation.NO_HTTP_1_0)) {
            assertHttp10IsClosedUnanswered("GET /old HTTP/1.0\r\n\r\n");
            return;
        }
        try (RawConnection c = connect()) {
            RawResponse r = c.send("GET /old HTTP/1.0\r\n\r\n").read();
            assertEquals(200, r.status);
            assertEquals("Hello, old!\n", r.bodyText());
            assertTrue(c.closedByServer(5_000), "the server kept an HTTP/1.0 connection open");
        }
    }

    @Test
    void http10WithKeepAliveStaysOpen() throws IOException {
        if (deviations().contains(Deviation.NO_HTTP_1_0)) {
            assertHttp10IsClosedUnanswered("GET /ka HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            return;
        }
        try (RawConnection c = connect()) {
            for (int i = 0; i < 3; i++) {
                RawResponse r = c.send("GET /ka" + i + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
                assertEquals("Hello, ka" + i + "!\n", r.bodyText());
            }
        }
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
        try (RawConnection c = connect()) {
            RawResponse r = c.send("GET /bye HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").read();
            assertEquals("Hello, bye!\n", r.bodyText());
            assertTrue(r.saysClose(), "no Connection: close on the response");
            assertTrue(c.closedByServer(5_000), "the server kept the connection open after Connection: close");
        }
    }

    /** For {@link Deviation#NO_HTTP_1_0}: nothing comes back, and the connection is closed. */
    private void assertHttp10IsClosedUnanswered(String request) throws IOException {
        try (RawConnection c = connect()) {
            c.send(request);
            assertFalse(c.hasUnreadBytes(2_000), "declared: no answer to HTTP/1.0; one came (supported now? drop the deviation)");
            assertTrue(c.closedByServer(5_000), "declared: HTTP/1.0 is closed unanswered; the connection stayed open");
        }
    }

    @Test
    void sixteenPipelinedRequestsGetSixteenResponsesInOrder() throws IOException {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            batch.append(RawConnection.get("/p" + i));
        }
        try (RawConnection c = connect()) {
            c.send(batch.toString());
            for (int i = 0; i < 16; i++) {
                assertEquals("Hello, p" + i + "!\n", c.read().bodyText());
            }
        }
    }

    @Test
    void pipelinedHeadAndGetStayInStep() throws IOException {
        try (RawConnection c = connect()) {
            c.send(RawConnection.request("HEAD", "/h") + RawConnection.get("/g") + RawConnection.request("HEAD", "/h2"));
            assertEquals(200, c.read(true).status);
            assertEquals("Hello, g!\n", c.read().bodyText());
            assertEquals("11", c.read(true).header("Content-Length"));
        }
    }

    @Test
    void answersAThousandConcurrentConnections() throws IOException {
        int count = 1_000;
        List<RawConnection> connections = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                connections.add(connect());
            }
            for (int i = 0; i < count; i++) {
                connections.get(i).send(RawConnection.get("/c" + i));
            }
            // Read in order and close each after its answer, so a bounded pool with queued connections
            // gets its threads back: every connection must be answered either way.
            for (int i = 0; i < count; i++) {
                assertEquals("Hello, c" + i + "!\n", connections.get(i).read().bodyText(), "connection " + i);
                connections.get(i).close();
            }
        } finally {
            for (RawConnection c : connections) {
                c.close();
            }
        }
    }

    // ---- the I/O-wait scenario --------------------------------------------------------------------

    @Test
    void waitsPerRequestWithoutHoldingUpOthers() throws Exception {
        Duration wait = Duration.ofMillis(50);
        int count = 200;
        try (RunningServer waiting = runtime.start(ServerConfig.defaults().withRequestWait(wait))) {
            try (RawConnection single = new RawConnection(HOST, waiting.port())) {
                long t0 = System.nanoTime();
                assertEquals("Hello, one!\n", single.send(RawConnection.get("/one")).read().bodyText());
                long singleMillis = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(singleMillis >= wait.toMillis(), "answered in " + singleMillis + " ms despite a 50 ms wait");
            }
            List<RawConnection> connections = new ArrayList<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    connections.add(new RawConnection(HOST, waiting.port()));
                }
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    connections.get(i).send(RawConnection.get("/w" + i));
                }
                for (int i = 0; i < count; i++) {
                    RawResponse r = connections.get(i).read();
                    assertEquals("Hello, w" + i + "!\n", r.bodyText());
                    assertContractHeaders(r, r.body.length);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                // Served one after the other, 200 waits of 50 ms would take 10 s.
                assertTrue(millis < 2_000, count + " concurrent waiting requests took " + millis + " ms");
                assertTrue(millis >= wait.toMillis(), "took " + millis + " ms: the wait was skipped");
            } finally {
                for (RawConnection c : connections) {
                    c.close();
                }
            }
        }
    }

    // ---- lifecycle --------------------------------------------------------------------------------

    @Test
    void closeFreesThePortAndEveryThread() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        RunningServer fresh = runtime.start(ServerConfig.defaults());
        int port = fresh.port();
        try (RawConnection c = new RawConnection(HOST, port)) {
            assertEquals("Hello, x!\n", c.send(RawConnection.get("/x")).read().bodyText());
            fresh.close();
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(HOST, port));
        }
        assertNoThreadLeftBeyond(before);
    }

    @Test
    void aTakenPortIsABindExceptionAndLeavesNoThread() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(HOST, 0));
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            ServerConfig config = ServerConfig.defaults().withPort(taken.getLocalPort());
            assertThrows(BindException.class, () -> runtime.start(config).close());
            assertNoThreadLeftBeyond(before);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void assertContractHeaders(RawResponse r, int contentLength) {
        String contentType = deviations().contains(Deviation.CONTENT_TYPE_WITHOUT_SPACE)
                ? GreetingContract.CONTENT_TYPE.replace("; ", ";")
                : GreetingContract.CONTENT_TYPE;
        assertEquals(contentType, r.header("Content-Type"), "Content-Type");
        assertEquals(GreetingContract.NOSNIFF, r.header(GreetingContract.NOSNIFF_HEADER), "nosniff");
        assertEquals(String.valueOf(contentLength), r.header("Content-Length"), "Content-Length");
        assertNull(r.header("Transfer-Encoding"), "Transfer-Encoding with a Content-Length");
        String date = r.header("Date");
        assertNotNull(date, "no Date header");
        ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        if (r.status != 405) {
            assertNull(r.header("Allow"), "Allow on a " + r.status);
        }
        if (r.status == 200 && r.body.length > 0) {
            assertEquals(contentLength, r.body.length);
        }
    }

    /**
     * Waits up to 10 s for every thread started since {@code before} to end. Threads the JVM owns and
     * shares (the common pool, the virtual-thread scheduler's carriers) are not the runtime's; with
     * {@link Deviation#LEAVES_AN_IDLE_TIMER_THREAD}, one daemon thread of the declared name may stay.
     */
    private void assertNoThreadLeftBeyond(Set<Thread> before) throws InterruptedException {
        String declared = deviations().contains(Deviation.LEAVES_AN_IDLE_TIMER_THREAD)
                ? Deviation.LEAVES_AN_IDLE_TIMER_THREAD.threadName()
                : null;
        List<String> left = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !isJvmShared(t))
                    .map(t -> t.isDaemon() ? t.getName() : t.getName() + " (not daemon)")
                    .sorted()
                    .collect(Collectors.toList());
            if (left.isEmpty() || left.equals(List.of(String.valueOf(declared)))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("threads left running after close(): " + left);
    }

    private static boolean isJvmShared(Thread t) {
        String name = t.getName();
        return name.startsWith("ForkJoinPool.commonPool-") || name.startsWith("ForkJoinPool-1-worker-")
                || name.equals("Common-Cleaner") || name.equals("Attach Listener");
    }
}
