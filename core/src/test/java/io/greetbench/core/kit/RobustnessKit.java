package io.greetbench.core.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The robustness suite every runtime runs next to the conformance kit: the bad input of
 * {@link BadInput}, a storm of {@link HostileClients} while a well-behaved client keeps asking, and
 * a leak check from /proc/self after the storm. A server module subclasses it once per runtime.
 *
 * <p>Every outcome is also written to {@code target/robustness/RUNTIME.tsv}, before it is asserted,
 * so the table in docs/reliability.md is generated from what the tests saw
 * ({@code bench/scripts/reliability-table.py}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
public abstract class RobustnessKit {
    private static final String HOST = "127.0.0.1";
    /** After an answer, how long to wait for a second one or a close. */
    private static final int QUIET_MILLIS = 1_000;
    /** With no answer and no close by then, the server hangs. */
    private static final int HANG_MILLIS = 5_000;
    private static final long STORM_MILLIS = 4_000;
    /** The well-behaved client's longest acceptable wait for one answer during the storm. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long COLD_MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** JIT compiler and pool threads come and go on their own: this many more is not a leak. */
    private static final long THREAD_SLACK = 4;
    private static final long FD_SLACK = 4;
    private static final long MIB = 1024 * 1024;
    private static final long MEMORY_SLACK_BYTES = 64 * MIB;

    private RunningServer server;
    private Path record;

    /** The registered name of the runtime under test. */
    protected abstract String runtimeName();

    /**
     * Where the runtime's own HTTP layer answers differently from what this suite wants, with no
     * option to change it (listed in docs/reliability.md): the suite then checks the declared behaviour.
     */
    protected Set<Deviation> deviations() {
        return Set.of();
    }

    @BeforeAll
    void startServer() throws Exception {
        server = KitRuntimes.availableOrSkip(runtimeName()).start(ServerConfig.defaults());
        record = Path.of("target", "robustness", runtimeName() + ".tsv");
        Files.createDirectories(record.getParent());
        Files.writeString(record, "");
        record("JAVA", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private void record(String what, String outcome) throws IOException {
        Files.writeString(record, what + "\t" + outcome.replace('\t', ' ').replace('\n', ' ') + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @ParameterizedTest
    @EnumSource(BadInput.class)
    void badInputGetsAClearAnswerAndTheServerGoesOn(BadInput input) throws Exception {
        WireExchange.Outcome o = WireExchange.exchange(HOST, server.port(), input.bytes(), QUIET_MILLIS, HANG_MILLIS);
        record(input.name(), o.describe());
        String seen = input.what + ": " + o.describe();
        int unknownVersionStatus = deviations().contains(Deviation.ANSWERS_UNKNOWN_VERSION_501) ? 501
                : deviations().contains(Deviation.ANSWERS_UNKNOWN_VERSION_505) ? 505 : 0;
        if (input == BadInput.UNKNOWN_VERSION && unknownVersionStatus != 0) {
            assertEquals(List.of(unknownVersionStatus), o.responses().stream().map(r -> r.status).toList(),
                    seen + " (declared: " + unknownVersionStatus + ")");
            assertTrue(o.closed(), seen + " (declared: " + unknownVersionStatus + ", then close)");
            assertStillServing(input);
            return;
        }
        if (input == BadInput.UNKNOWN_VERSION && deviations().contains(Deviation.PARSER_READS_UNKNOWN_VERSION_AS_HTTP_1_1)) {
            assertEquals(List.of(200), o.responses().stream().map(r -> r.status).toList(), seen + " (declared: read as HTTP/1.1)");
            assertEquals("Hello, world!\n", o.responses().get(0).bodyText(), seen);
            assertStillServing(input);
            return;
        }
        assertFalse(o.hung(), seen);
        assertEquals("", o.leftover(), seen + ": bytes that are no HTTP response");
        assertTrue(o.responses().size() <= 1, seen + ": more responses than requests");
        for (RawResponse r : o.responses()) {
            assertTrue(r.status < 500, seen + ": a server error for the client's mistake");
        }
        // A container that decodes the path itself refuses %00 in it before the handler can greet it.
        boolean greeted = input.greeted()
                && !(input == BadInput.NUL_IN_NAME && deviations().contains(Deviation.CONTAINER_REFUSES_UNDECODABLE_PATHS));
        if (greeted) {
            assertEquals(1, o.responses().size(), seen);
            RawResponse r = o.responses().get(0);
            assertEquals(200, r.status, seen);
            assertArrayEquals(input.expectedBody(), r.body, seen);
            assertNull(r.header("Set-Cookie"), seen + ": text of the name reached the headers");
            assertFalse(o.closed(), seen + ": a greeting closes nothing");
        } else {
            boolean refused4xx = o.responses().stream().anyMatch(r -> r.status >= 400 && r.status < 500);
            boolean answered2xx = o.responses().stream().anyMatch(r -> r.status < 300);
            // A valid head with a bad body may be answered before the body is read; then the close is the refusal.
            boolean headWasFine = input == BadInput.BAD_CHUNKED_BODY;
            assertTrue(refused4xx || (o.closed() && (!answered2xx || headWasFine)),
                    seen + ": neither a 4xx nor a closed connection");
        }
        assertStillServing(input);
    }

    private void assertStillServing(BadInput after) throws IOException {
        try (RawConnection c = new RawConnection(HOST, server.port())) {
            assertEquals("Hello, world!\n", c.send(RawConnection.get("/world")).read().bodyText(),
                    "the server stopped serving after " + after.what);
        }
    }

    /**
     * The storm twice: the first lets pools grow to their working size, the second must then leave
     * threads, file descriptors and memory where the first left them.
     */
    @Test
    void hostileClientsStarveNobodyAndLeakNothing() throws Exception {
        warmUp();
        ProcessCounts before = ProcessCounts.now();
        HostileClients.Result first = HostileClients.run(HOST, server.port(), STORM_MILLIS);
        ProcessCounts afterFirst = awaitQuiet(before.fds(), Long.MAX_VALUE);
        HostileClients.Result second = HostileClients.run(HOST, server.port(), STORM_MILLIS);
        ProcessCounts afterSecond = awaitQuiet(before.fds(), afterFirst.threads());
        record("STORM_LONGEST_WAIT", first.maxWaitNanos() / 1_000_000 + " ms, " + second.maxWaitNanos() / 1_000_000 + " ms");
        record("STORM_ANSWERS", first.answers() + " + " + second.answers() + " correct, " + (first.wrong() + second.wrong())
                + " wrong");
        record("PIPELINED_WRITTEN", first.pipelinedWritten() + ", " + second.pipelinedWritten());
        record("THREADS", before.threads() + " → " + afterFirst.threads() + " → " + afterSecond.threads());
        record("FDS", before.fds() + " → " + afterFirst.fds() + " → " + afterSecond.fds());
        record("MEMORY_MIB", before.memoryBytes() / MIB + " → " + afterFirst.memoryBytes() / MIB + " → "
                + afterSecond.memoryBytes() / MIB);
        record("RSS_MIB", before.rssBytes() / MIB + " → " + afterFirst.rssBytes() / MIB + " → " + afterSecond.rssBytes() / MIB);
        for (HostileClients.Result r : new HostileClients.Result[] {first, second}) {
            assertEquals(0, r.wrong(), "the well-behaved client got wrong answers or lost its connection: " + r);
            assertTrue(r.answers() > 10, "the well-behaved client was hardly served: " + r);
        }
        // The first storm also meets code the JIT has not compiled yet (accepting a burst, resets,
        // partial heads): its longest wait is recorded and bounded loosely; the second, on a warm
        // server, is held to the second.
        assertTrue(first.maxWaitNanos() <= COLD_MAX_WAIT_NANOS, "the well-behaved client waited too long in the first storm: " + first);
        assertTrue(second.maxWaitNanos() <= MAX_WAIT_NANOS, "the well-behaved client waited too long: " + second);
        assertTrue(afterSecond.fds() <= before.fds() + FD_SLACK, "file descriptors leaked: before " + before
                + ", after two storms " + afterSecond);
        if (deviations().contains(Deviation.ELASTIC_REQUEST_POOL)) {
            // declared: idle pool threads may pile up from storm to storm, but never beyond the pool
            assertTrue(afterSecond.threads() <= before.threads() + ServerConfig.DEFAULT_WORKERS + THREAD_SLACK,
                    "threads leaked beyond the request pool's maximum: before " + before + ", after two storms " + afterSecond);
        } else {
            assertTrue(afterSecond.threads() <= afterFirst.threads() + THREAD_SLACK, "threads leaked: after one storm "
                    + afterFirst + ", after two " + afterSecond);
        }
        assertTrue(afterSecond.memoryBytes() <= before.memoryBytes() + MEMORY_SLACK_BYTES, "memory grew: before "
                + before + ", after two storms " + afterSecond);
        // Resident memory does not shrink after a GC, but a second storm must not add to what the first took.
        assertTrue(afterSecond.rssBytes() <= afterFirst.rssBytes() + MEMORY_SLACK_BYTES, "resident memory grew: after one storm "
                + afterFirst + ", after two " + afterSecond);
    }

    private void warmUp() throws IOException {
        try (RawConnection c = new RawConnection(HOST, server.port())) {
            for (int i = 0; i < 200; i++) {
                c.send(RawConnection.get("/world")).read();
            }
        }
    }

    /** Waits (at most 15 s) until the fds and threads are back to the given levels; returns the counts then. */
    private static ProcessCounts awaitQuiet(long fds, long threads) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        ProcessCounts now = ProcessCounts.now();
        while (System.nanoTime() < deadline
                && (now.fds() > fds + FD_SLACK || (threads != Long.MAX_VALUE && now.threads() > threads + THREAD_SLACK))) {
            Thread.sleep(250);
            now = ProcessCounts.now();
        }
        Thread.sleep(1_000); // and a moment of quiet
        return ProcessCounts.now();
    }
}
