package io.greetbench.bench.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greetbench.bench.results.DriverFigures;
import io.greetbench.bench.results.LoadFigures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One driver host's part of a cell: {@code greetbench load --control} there, over one ssh session
 * (the protocol is {@code cli.LoadControl}'s): its clock read against this one, its start and its
 * window given as wall-clock times, its answers counted for the warm-up, its figures at the end.
 */
final class RemoteDriver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLOCK_READINGS = 5;
    private static final Duration ANSWER = Duration.ofSeconds(15);

    private final RemoteHost host;
    private final RemoteSession session;
    private double clockOffsetMillis = Double.NaN;
    private double clockRoundTripMillis = Double.NaN;
    private Double windowLateMillis;

    private RemoteDriver(RemoteHost host, RemoteSession session) {
        this.host = host;
        this.session = session;
    }

    /** Starts {@code greetbench load --control ARGS} on {@code host}, pinned to {@code cpus} there (null: all). */
    static RemoteDriver start(RemoteHost host, String cpus, List<String> loadArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("load", "--control"));
        args.addAll(loadArgs);
        List<String> argv = new ArrayList<>();
        if (cpus != null) {
            argv.addAll(List.of("taskset", "-c", cpus));
        }
        argv.addAll(host.greetbench(List.of(), args));
        return new RemoteDriver(host, RemoteSession.start(host.ssh(), host.name(), RemoteSession.Wrapper.EXEC, argv, false, line -> { }));
    }

    String host() {
        return host.name();
    }

    long awaitPid(Duration bound) throws IOException, InterruptedException {
        return session.awaitPid(bound);
    }

    /**
     * Reads its clock a few times; keeps the reading with the shortest round trip, its offset taken
     * against the middle of that trip (the first reading also waits for its JVM to start).
     */
    void readClock() throws IOException, InterruptedException {
        for (int i = 0; i < CLOCK_READINGS; i++) {
            long before = nowMicros();
            JsonNode clock = ask("clock", "clock", i == 0 ? Duration.ofSeconds(60) : ANSWER);
            long after = nowMicros();
            double trip = (after - before) / 1000.0;
            if (Double.isNaN(clockRoundTripMillis) || trip < clockRoundTripMillis) {
                clockRoundTripMillis = trip;
                clockOffsetMillis = (clock.get("micros").asLong() - (before + after) / 2.0) / 1000.0;
            }
        }
    }

    void start(long epochMillis) throws IOException {
        session.send("start " + epochMillis);
    }

    /** Waits until its connections are set up (at most {@code bound}). */
    void awaitConnected(Duration bound) throws IOException, InterruptedException {
        expect("connected", bound);
    }

    /** Its correct answers so far. */
    long answered() throws IOException, InterruptedException {
        return ask("answered", "answered", ANSWER).get("count").asLong();
    }

    /** Its window opens at {@code epochMillis} by its clock; {@code settled} as the warm-up was judged. */
    void window(long epochMillis, Boolean settled) throws IOException {
        session.send("window " + epochMillis + " " + (settled == null ? "fixed" : settled.toString()));
    }

    /** Its figures, once its window closed (with the lateness of its opening). */
    DriverFigures result(Duration bound) throws IOException, InterruptedException {
        windowLateMillis = expect("window", bound).get("lateMillis").asDouble();
        LoadFigures figures = JSON.treeToValue(expect("result", bound).get("figures"), LoadFigures.class);
        return new DriverFigures(host.name(), session.pid(), clockOffsetMillis, clockRoundTripMillis, windowLateMillis, figures);
    }

    /** Whether it ended before its result: its host or the connection to it dropped, or it failed. */
    boolean dropped() {
        return session.outputEnded() && !session.lastLine().startsWith("{\"event\":\"result\"");
    }

    /** Why it ended early, for a person. */
    String dropDescription() {
        String err = session.errTail();
        return session.endDescription() + (err.isBlank() || session.endDescription().contains(err) ? "" : "; it said: " + err);
    }

    double clockOffsetMillis() {
        return clockOffsetMillis;
    }

    double clockRoundTripMillis() {
        return clockRoundTripMillis;
    }

    /** Stops it by its PID there (if still running) and checks; null, or what could not be checked. */
    String stop() {
        return session.stop();
    }

    private JsonNode ask(String command, String event, Duration bound) throws IOException, InterruptedException {
        session.send(command);
        return expect(event, bound);
    }

    /** The next line, which must be {@code event}. */
    private JsonNode expect(String event, Duration bound) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            String line;
            try {
                line = session.nextLine(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            } catch (IOException e) {
                throw new IOException("the driver on " + host.name() + " " + (session.outputEnded()
                        ? "ended early (" + dropDescription() + ")" : "did not say '" + event + "' in time"));
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                continue; // not one of its answers (a JVM warning on stdout, say)
            }
            if (node != null && event.equals(node.path("event").asText())) {
                return node;
            }
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
