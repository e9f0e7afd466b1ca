package io.greetbench.bench.load;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The unrecorded warm-up before a window, for one driver or for several together: the fixed time,
 * or (adaptive) slices of a second from the least on until the cost per answer settles
 * ({@link WarmupSettler}) or the most is reached.
 */
public final class Warmup {
    /** An adaptive warm-up ends once the cost per answer falls by less than this (10%) in two seconds. */
    static final double TOLERANCE = 0.10;

    private Warmup() {
    }

    /**
     * Runs {@code spec}'s warm-up; {@code answered} counts correct answers so far (every driver's);
     * {@code server} reads the server's CPU time and its JIT compiler's so far (null: neither is known).
     *
     * @return whether it settled; null for a fixed warm-up, which is not judged
     */
    public static Boolean run(LoadSpec spec, WarmupControl.Answered answered, LoadDriver.WindowObserver server)
            throws InterruptedException, IOException {
        if (!spec.adaptiveWarmup()) {
            if (!spec.warmup().isZero()) {
                Thread.sleep(spec.warmup().toMillis());
            }
            return null;
        }
        WarmupSettler settler = new WarmupSettler(spec.warmup().toNanos(), spec.warmupMax().toNanos(), TOLERANCE);
        long start = System.nanoTime();
        for (long second = 1; ; second++) {
            long elapsed = System.nanoTime() - start;
            if (settler.observe(elapsed, answered.get(), server == null ? Double.NaN : server.serverCpuSeconds(),
                    server == null ? Double.NaN : server.serverJitSeconds())) {
                return settler.settled();
            }
            long next = start + second * 1_000_000_000L;
            for (long left = next - System.nanoTime(); left > 0; left = next - System.nanoTime()) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left) + 1); // whole slices: never wake a hair early
            }
        }
    }
}
