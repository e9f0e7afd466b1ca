package io.greetbench.bench.run;

/**
 * The search for the smallest memory limit that holds, as a bisection over whole MiB, knowing nothing
 * of servers: it says which limit to try next and is told whether it held. It starts at what the server
 * used without a limit; if that fails, it grows by half until a limit holds (or the ceiling is passed).
 * Then it bisects between the largest limit that failed and the smallest that held, at their geometric
 * mean (the span shrinks by the same factor at any size), until they are within the tolerance: 5% of
 * the limit that held, or 8 MiB when that is more. Below the start, before anything failed, the lower
 * end is an assumed failure an eighth of the start (a quarter of that again, down to the floor, if
 * everything held down to it): untested ends are never reported as failed.
 */
final class LimitBisection {
    static final long MIB = 1L << 20;
    static final long TOLERANCE_FLOOR = 8 * MIB;
    static final double TOLERANCE_SHARE = 0.05;
    /** Steps at most, whatever happens: a search that did not converge by then reports where it was. */
    static final int MAX_STEPS = 16;

    private final long floor;
    private final long ceiling;
    private long high = -1; // smallest held, -1: none yet
    private long low; // largest failed, or an assumed failure
    private boolean lowTested;
    private long next;
    private int steps;
    private boolean exhausted; // nothing held up to the ceiling

    /**
     * @param start   where to begin: what the server used without a limit
     * @param floor   never below this (assumed to fail)
     * @param ceiling give up when a limit above this would be next
     */
    LimitBisection(long start, long floor, long ceiling) {
        this.floor = roundUp(Math.max(floor, MIB));
        this.ceiling = ceiling;
        this.next = Math.max(roundUp(start), this.floor + MIB);
        this.low = this.floor;
    }

    /** The tolerance at a limit of {@code bytes}: 5% of it, or 8 MiB when that is more. */
    static long tolerance(long bytes) {
        return Math.max(TOLERANCE_FLOOR, (long) (bytes * TOLERANCE_SHARE));
    }

    /** The limit to try next, or -1 when the search is over. */
    long next() {
        return done() ? -1 : next;
    }

    boolean done() {
        return exhausted || next < 0 || steps >= MAX_STEPS;
    }

    /** The limit tried last ({@link #next()}) held, or did not. */
    void record(long limit, boolean held) {
        steps++;
        if (held) {
            high = limit;
        } else {
            low = limit;
            lowTested = true;
        }
        next = choose();
    }

    private long choose() {
        if (high < 0) { // nothing held yet: grow
            long grown = roundUp(low + low / 2);
            if (grown > ceiling) {
                exhausted = true;
                return -1;
            }
            return grown;
        }
        if (!lowTested && high - low <= tolerance(high)) {
            if (low <= floor) {
                return -1; // held down to the floor
            }
            low = Math.max(floor, roundUp(low / 4)); // everything held so far: look further down
        }
        if (!lowTested && low < high / 8) {
            low = Math.max(low, roundUp(high / 8)); // the first step below the start: an eighth of it
        }
        if (high - low <= tolerance(high)) {
            return -1;
        }
        long mid = roundUp((long) Math.sqrt((double) low * high));
        if (mid <= low) {
            mid = low + MIB;
        }
        if (mid >= high) {
            return -1;
        }
        return mid;
    }

    /** The smallest limit that held, or -1. */
    long found() {
        return high;
    }

    /** The largest limit below {@link #found()} that failed when tried, or -1 when none was tried. */
    long failedBelow() {
        return lowTested ? low : -1;
    }

    int steps() {
        return steps;
    }

    /** Whether no limit held up to the ceiling. */
    boolean exhausted() {
        return exhausted;
    }

    private static long roundUp(long bytes) {
        return (bytes + MIB - 1) / MIB * MIB;
    }
}
