package io.greetbench.bench.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The scenarios greetbench knows, in the order a run measures them. */
public final class Scenarios {
    public static final Scenario PLAINTEXT = new Scenario("plaintext", "the greeting, closed loop",
            "Plaintext: the greeting, closed loop",
            "Each connection sends its next request when the answer arrives. On two cores the fast runtimes can "
                    + "out-run one driver core: rank them by server CPU per request rather than by requests/s.",
            List.of(1, 64, 1024, 10_000), Duration.ZERO, 1, Duration.ofSeconds(5), Pace.CLOSED, null, List.of(),
            SectionStyle.CONNECTION_SWEEP, CpuBudget.AS_GIVEN);

    public static final Scenario IO_WAIT = new Scenario("io-wait",
            "the greeting after a 20 ms wait per request (the seed's await), closed loop",
            "I/O wait: the greeting after a {wait} wait",
            "The seed's point: while a request waits (its `await`), an event loop or a virtual thread serves "
                    + "others, whereas a pool of 200 blocked threads can finish at most 200 / {wait} = {pool200} requests/s.",
            List.of(10_000), Duration.ofMillis(20), 1, Duration.ofSeconds(10), Pace.CLOSED, null, List.of(),
            SectionStyle.CONNECTION_SWEEP, CpuBudget.AS_GIVEN);

    public static final Scenario LATENCY_AT_RATE = new Scenario("latency-at-rate",
            "open loop at shares of each runtime's own plaintext peak",
            "Latency at the same share of load (open loop)",
            "Requests arrive at a constant rate, a fixed fraction of each runtime's own plaintext peak, and latency "
                    + "counts from when each request was due, so a stall shows up in full (no coordinated omission).",
            List.of(64), Duration.ZERO, 1, Duration.ofSeconds(5), Pace.SHARE_OF_PEAK, "plaintext",
            List.of(0.25, 0.5, 0.75), SectionStyle.RATE_TABLE, CpuBudget.AS_GIVEN);

    public static final Scenario PIPELINED = new Scenario("pipelined",
            "plaintext with 16 requests pipelined per connection (TechEmpower's depth)",
            "Pipelined (16 requests in flight per connection)",
            "TechEmpower's plaintext depth. Browsers do not pipeline: read this as each runtime's parsing and "
                    + "batching headroom, not as traffic you will see.",
            List.of(64), Duration.ZERO, 16, Duration.ofSeconds(5), Pace.CLOSED, null, List.of(),
            SectionStyle.SINGLE_TABLE, CpuBudget.AS_GIVEN);

    public static final Scenario CAPACITY = new Scenario("capacity",
            "the greeting, closed loop, each server under the same CPU limit (a container's), the driver with twice its CPU",
            "Capacity at a CPU budget: the greeting, closed loop, each server limited to the same CPU",
            "Every server runs in a cgroup with the same CPU quota, as under a container CPU limit, while the load "
                    + "driver has at least twice that CPU: the server, not the driver, is the limit. Requests/s per CPU "
                    + "of budget is what a CPU of your container buys; `×` compares with `ref-nginx` at the same budget. "
                    + "A cell whose server did not use its whole budget (within 10%) is marked `‡`: something else "
                    + "set its pace.",
            List.of(256, 10_000), Duration.ZERO, 1, Duration.ofSeconds(5), Pace.CLOSED, null, List.of(),
            SectionStyle.CAPACITY_TABLE, CpuBudget.ALWAYS);

    public static final Scenario EQUAL_WORK = new Scenario("equal-work",
            "open loop at the same request rates for every runtime, no CPU limit: cost and latency for the same work",
            "Equal work: the same request rate for every runtime (open loop)",
            "Every runtime gets the same requests per second, arriving at a constant rate, with no CPU limit: the "
                    + "server CPU time per request is the cost of the same work, and latency counts from when each "
                    + "request was due (no coordinated omission). A runtime that cannot carry a rate shows its errors "
                    + "and lateness. At 128 connections, fewer than the blocking pools' 200 threads, so that every "
                    + "runtime can serve every connection.",
            List.of(128), Duration.ZERO, 1, Duration.ofSeconds(5), Pace.FIXED_RATES, null, List.of(5_000.0, 20_000.0),
            SectionStyle.EQUAL_WORK_TABLE, CpuBudget.NEVER);

    /**
     * The memory a container needs: io-wait's load, each server in a memory cgroup (a container's memory
     * limit) with its JVM sizing the heap from that limit; the smallest limit that serves the largest
     * connection count as well as no limit does, found by bisection in rounds; and, without a limit, where
     * the memory goes (live heap, Native Memory Tracking) at each connection count.
     */
    public static final Scenario MEMORY = new Scenario("memory",
            "the smallest memory limit (a container's) at which each runtime serves io-wait at 10,000 connections as "
                    + "well as unlimited, by bisection; live heap and native memory at 1,000 and 10,000",
            "What a container needs",
            "Each server runs in a memory cgroup, as under a container memory limit, its JVM sizing the heap from "
                    + "that limit; the load is io-wait's ({wait} per request).",
            List.of(1_000, 10_000), Duration.ofMillis(20), 1, Duration.ofSeconds(10), Pace.CLOSED, null, List.of(),
            SectionStyle.CONTAINER, CpuBudget.NEVER, ScenarioKind.MEMORY_LIMIT);

    /** Start-up: fresh servers, each timed from its process start to its first correct answer. */
    public static final Scenario STARTUP = new Scenario("startup",
            "fresh starts: time from process start to the first correct answer, and resident memory then",
            "Start-up",
            "Each start is a fresh server process, timed from its start to its first correct answer.",
            List.of(1), Duration.ZERO, 1, Duration.ofSeconds(5), Pace.CLOSED, null, List.of(),
            SectionStyle.CONTAINER, CpuBudget.AS_GIVEN, ScenarioKind.STARTUP);

    private static final List<Scenario> ALL = List.of(CAPACITY, EQUAL_WORK, PLAINTEXT, IO_WAIT, LATENCY_AT_RATE, PIPELINED,
            MEMORY, STARTUP);

    /**
     * What {@code greetbench run} measures unless told otherwise: capacity at a CPU budget, cost at
     * equal work, and many waiting connections. Plaintext on a whole CPU (driver-bound here for the
     * fast runtimes), latency at a share of each runtime's own peak, and pipelining stay available
     * with {@code --scenarios}; they are left out so that every kept cell gets its trials. The memory-limit
     * search (tens of minutes: a bisection of io-wait windows per runtime and round) and start-up are
     * left out too, and run with {@code --scenarios memory,startup}.
     */
    private static final List<Scenario> DEFAULT_RUN = List.of(CAPACITY, EQUAL_WORK, IO_WAIT);

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<Scenario> defaultRun() {
        return DEFAULT_RUN;
    }

    /** The scenario named {@code key}; an error that lists the known ones otherwise. */
    public static Scenario of(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (Scenario s : ALL) {
            if (s.key().equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no scenario '" + key + "'; scenarios: " + keys());
    }

    /** The scenario named {@code key} if greetbench knows it (older results may name others). */
    public static java.util.Optional<Scenario> find(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public static String keys() {
        return ALL.stream().map(Scenario::key).collect(Collectors.joining(", "));
    }
}
