package io.greetbench.bench.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One load run: where, how many connections, how long, and closed loop (rate 0: each connection
 * sends when its previous answer arrives) or open loop (a constant total rate, latency measured from
 * each request's intended send time).
 *
 * @param target        what to load
 * @param connections   concurrent keep-alive connections
 * @param warmup        unrecorded time before the measured window; with a longer {@code warmupMax},
 *                      the least warm-up, which then goes on until the cost per request settles
 *                      ({@link WarmupSettler})
 * @param warmupMax     the most warm-up; not longer than {@code warmup}: a fixed warm-up
 * @param duration      the measured window
 * @param rate          total requests per second for the open loop; 0 for the closed loop
 * @param poisson       open loop only: exponential gaps between arrivals instead of even ones
 * @param pipeline      requests a connection may have unanswered at once (1: no pipelining)
 * @param expectedBody  the body every answer must have, or null to check only the status
 * @param checkEvery    check the body of every n-th answer per connection (1: all)
 * @param timeout       an answer later than this is a timeout error
 * @param eventLoops    driver threads (event loops); 0: one per CPU this process may use
 * @param sourceAddresses how many local addresses (127.0.0.1, .2, ...) to spread connections over; 0: as needed
 * @param hlog          HdrHistogram interval log to write, or null
 */
public record LoadSpec(Target target, int connections, Duration warmup, Duration warmupMax, Duration duration, double rate,
        boolean poisson, int pipeline, byte[] expectedBody, int checkEvery, Duration timeout, int eventLoops,
        int sourceAddresses, Path hlog) {

    public LoadSpec {
        if (connections < 1) {
            throw new IllegalArgumentException("--connections must be at least 1");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (warmupMax.compareTo(warmup) < 0) {
            warmupMax = warmup;
        }
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must not be negative");
        }
        if (pipeline < 1 || pipeline > 1024) {
            throw new IllegalArgumentException("--pipeline must be 1..1024");
        }
        if (checkEvery < 0) {
            throw new IllegalArgumentException("--check-every must be >= 0");
        }
    }

    /** A closed-loop spec with the defaults: no warm-up, no pipelining, every body checked, 2 s timeout. */
    public static LoadSpec closedLoop(Target target, int connections, Duration duration, byte[] expectedBody) {
        return new LoadSpec(target, connections, Duration.ZERO, Duration.ZERO, duration, 0, false, 1, expectedBody, 1,
                Duration.ofSeconds(2), 0, 0, null);
    }

    public boolean openLoop() {
        return rate > 0;
    }

    /** Whether the warm-up goes on past its minimum until the cost per request settles. */
    public boolean adaptiveWarmup() {
        return warmupMax.compareTo(warmup) > 0;
    }

    public LoadSpec withWarmup(Duration warmup) {
        return new LoadSpec(target, connections, warmup, warmup, duration, rate, poisson, pipeline, expectedBody, checkEvery,
                timeout, eventLoops, sourceAddresses, hlog);
    }

    public LoadSpec withRate(double rate) {
        return new LoadSpec(target, connections, warmup, warmupMax, duration, rate, poisson, pipeline, expectedBody, checkEvery,
                timeout, eventLoops, sourceAddresses, hlog);
    }

    public LoadSpec withPipeline(int pipeline) {
        return new LoadSpec(target, connections, warmup, warmupMax, duration, rate, poisson, pipeline, expectedBody, checkEvery,
                timeout, eventLoops, sourceAddresses, hlog);
    }

    public LoadSpec withTimeout(Duration timeout) {
        return new LoadSpec(target, connections, warmup, warmupMax, duration, rate, poisson, pipeline, expectedBody, checkEvery,
                timeout, eventLoops, sourceAddresses, hlog);
    }
}
