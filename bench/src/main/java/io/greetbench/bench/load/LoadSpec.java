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
 *
 * Build one with {@link #builder(Target)}: every setting by name, the rest at its default.
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

    /** A builder for {@code target} with the defaults: one connection, closed loop, no warm-up, a 10 s window. */
    public static Builder builder(Target target) {
        return new Builder(target);
    }

    /** A closed-loop spec with the defaults: no warm-up, no pipelining, every body checked, 2 s timeout. */
    public static LoadSpec closedLoop(Target target, int connections, Duration duration, byte[] expectedBody) {
        return builder(target).connections(connections).duration(duration).expectedBody(expectedBody).build();
    }

    /** A builder holding this spec's values, to change some of them. */
    public Builder toBuilder() {
        return builder(target).connections(connections).warmup(warmup, warmupMax).duration(duration).rate(rate)
                .poisson(poisson).pipeline(pipeline).expectedBody(expectedBody).checkEvery(checkEvery).timeout(timeout)
                .eventLoops(eventLoops).sourceAddresses(sourceAddresses).hlog(hlog);
    }

    public boolean openLoop() {
        return rate > 0;
    }

    /** Whether the warm-up goes on past its minimum until the cost per request settles. */
    public boolean adaptiveWarmup() {
        return warmupMax.compareTo(warmup) > 0;
    }

    /** Builds a {@link LoadSpec} by named settings; {@link #build()} checks them. */
    public static final class Builder {
        private final Target target;
        private int connections = 1;
        private Duration warmup = Duration.ZERO;
        private Duration warmupMax = Duration.ZERO;
        private Duration duration = Duration.ofSeconds(10);
        private double rate;
        private boolean poisson;
        private int pipeline = 1;
        private byte[] expectedBody;
        private int checkEvery = 1;
        private Duration timeout = Duration.ofSeconds(2);
        private int eventLoops;
        private int sourceAddresses;
        private Path hlog;

        private Builder(Target target) {
            this.target = target;
        }

        public Builder connections(int connections) {
            this.connections = connections;
            return this;
        }

        /** A fixed warm-up. */
        public Builder warmup(Duration warmup) {
            return warmup(warmup, warmup);
        }

        /** At least {@code least}, then until the cost per answer settles, at most {@code most}. */
        public Builder warmup(Duration least, Duration most) {
            this.warmup = least;
            this.warmupMax = most;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /** Open loop at this many requests per second in total; 0: closed loop. */
        public Builder rate(double rate) {
            this.rate = rate;
            return this;
        }

        public Builder poisson(boolean poisson) {
            this.poisson = poisson;
            return this;
        }

        public Builder pipeline(int pipeline) {
            this.pipeline = pipeline;
            return this;
        }

        public Builder expectedBody(byte[] expectedBody) {
            this.expectedBody = expectedBody;
            return this;
        }

        public Builder checkEvery(int checkEvery) {
            this.checkEvery = checkEvery;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder eventLoops(int eventLoops) {
            this.eventLoops = eventLoops;
            return this;
        }

        public Builder sourceAddresses(int sourceAddresses) {
            this.sourceAddresses = sourceAddresses;
            return this;
        }

        public Builder hlog(Path hlog) {
            this.hlog = hlog;
            return this;
        }

        public LoadSpec build() {
            return new LoadSpec(target, connections, warmup, warmupMax, duration, rate, poisson, pipeline, expectedBody,
                    checkEvery, timeout, eventLoops, sourceAddresses, hlog);
        }
    }
}
