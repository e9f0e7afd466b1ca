package io.greetbench.bench.load;

import java.io.IOException;

/**
 * Hands a driver's start and the end of its warm-up to someone else: an orchestrator on another
 * machine that starts several drivers together and opens all their windows at one wall-clock time
 * (deciding, from every driver's answers and the server's CPU, when the warm-up has settled).
 * Without one, a driver starts at once and ends its warm-up itself.
 */
public interface WarmupControl {
    /** Blocks until the driver may connect: the common start. */
    void awaitStart() throws InterruptedException, IOException;

    /**
     * Its connections are set up (or given up on): the warm-up begins. {@code setupErrors} failed before
     * their first answer; {@code neverServed} had none when set-up ended.
     */
    void connected(double setupSeconds, long setupErrors, long neverServed);

    /**
     * Blocks through the warm-up until the window is to open; {@code answered} counts the correct
     * answers so far. Returns whether the warm-up settled (null: a fixed one, not judged).
     */
    Boolean awaitWindow(Answered answered) throws InterruptedException, IOException;

    /** The window opened: recording began. */
    void windowOpened();

    /** The driver's correct answers so far, warm-up included. */
    @FunctionalInterface
    interface Answered {
        long get() throws IOException, InterruptedException;
    }
}
