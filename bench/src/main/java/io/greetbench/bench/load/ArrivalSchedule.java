package io.greetbench.bench.load;

import java.util.SplittableRandom;

/**
 * When a connection of the open loop means to send its requests: evenly spaced at its share of the
 * total rate, or as a Poisson process (exponential gaps) with the same mean. The first send of each
 * connection is offset at random so the connections do not fire in lock-step.
 */
final class ArrivalSchedule {
    private final double meanGapNanos;
    private final boolean poisson;
    private final SplittableRandom random;
    private double next; // a double, so even gaps of fractional nanoseconds do not drift

    ArrivalSchedule(double ratePerSecond, boolean poisson, long startNanos, SplittableRandom random) {
        this.meanGapNanos = 1e9 / ratePerSecond;
        this.poisson = poisson;
        this.random = random;
        this.next = startNanos + random.nextDouble() * meanGapNanos;
    }

    /** The intended send time of the next request (System.nanoTime scale). */
    long next() {
        return (long) next;
    }

    /** Drops the requests due before {@code nanos}: the next one is due then. */
    void restartAt(long nanos) {
        next = nanos;
    }

    /** Moves on to the request after the next one. */
    void advance() {
        double gap = poisson ? -Math.log(1.0 - random.nextDouble()) * meanGapNanos : meanGapNanos;
        next += gap;
    }
}
