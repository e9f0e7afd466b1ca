package io.greetbench.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides when a warm-up is over: after the minimum, once the cost of a request has stopped
 * falling. A JVM pinned to one CPU spends its first seconds interpreting and compiling on that same
 * CPU, and how long that takes differs by runtime ({@code bench/scripts/warmup-curve.sh} shows it),
 * so a fixed warm-up measures some runtimes mid-compilation and the trials disagree.
 *
 * <p>The cost of a slice is the server's CPU time per answer when the server's CPU is known (it
 * falls as the JIT finishes, at any load, open loop included), else the time per answer (the
 * inverse of throughput). Settled: the last two slices together cost at least {@code 1 - tolerance}
 * of the two before them, i.e. the cost fell by less than the tolerance.
 *
 * <p>Where the server's JIT compiler threads can be read, settled also needs the compiler to have gone
 * quiet: at most {@link #JIT_QUIET} of the server's CPU time in the last two slices (or one clock tick).
 * Under a CPU limit the compiler shares the server's quota: `netty` at half a CPU spent half of it in C2
 * for five seconds after its start, and again for six seconds once the load moved from 256 to 10,000
 * connections (2026-12-02), while its cost per answer, compiler included, barely moved from slice to slice:
 * the cost alone can call a compiling server settled.
 */
public final class WarmupSettler {
    /** Slices compared on each side. */
    static final int SIDE = 2;
    /** The resolution of a process's CPU time in /proc (one clock tick). */
    static final double CPU_TICK_SECONDS = 0.01;
    /** The share of the server's CPU its JIT compiler may still take in the last slices of a settled warm-up. */
    public static final double JIT_QUIET = 0.05;

    private final long minNanos;
    private final long maxNanos;
    private final double tolerance;
    private final List<double[]> slices = new ArrayList<>(); // {work seconds, answers, JIT seconds or NaN}
    private long lastAnswered = -1;
    private double lastCpu = Double.NaN;
    private double lastJit = Double.NaN;
    private long lastNanos;
    private boolean cpuKnown;

    /**
     * @param minNanos  never settled before this much warm-up
     * @param maxNanos  give up waiting at this much warm-up (reported as not settled)
     * @param tolerance how much the cost may still fall and count as settled, e.g. 0.1
     */
    public WarmupSettler(long minNanos, long maxNanos, double tolerance) {
        this.minNanos = minNanos;
        this.maxNanos = Math.max(minNanos, maxNanos);
        this.tolerance = tolerance;
    }

    /**
     * One observation, about a second after the previous one.
     *
     * @param elapsedNanos     warm-up time so far
     * @param answered         correct answers so far (cumulative)
     * @param serverCpuSeconds the server's CPU time so far (cumulative), or NaN when unknown
     * @param serverJitSeconds the part of it the server's JIT compiler threads used (cumulative), or NaN when unknown
     * @return true when the warm-up should end now
     */
    public boolean observe(long elapsedNanos, long answered, double serverCpuSeconds, double serverJitSeconds) {
        if (lastAnswered >= 0) {
            cpuKnown = !Double.isNaN(serverCpuSeconds) && !Double.isNaN(lastCpu);
            double work = cpuKnown ? serverCpuSeconds - lastCpu : (elapsedNanos - lastNanos) / 1e9;
            double jit = cpuKnown ? serverJitSeconds - lastJit : Double.NaN; // NaN when either reading is
            slices.add(new double[] {work, answered - lastAnswered, jit});
        }
        lastAnswered = answered;
        lastCpu = serverCpuSeconds;
        lastJit = serverJitSeconds;
        lastNanos = elapsedNanos;
        return elapsedNanos >= maxNanos || (elapsedNanos >= minNanos && settled());
    }

    /**
     * Whether the cost per answer has stopped falling and the JIT compiler (where known) has gone quiet
     * (false until there are enough slices).
     */
    public boolean settled() {
        int n = slices.size();
        if (n < 2 * SIDE || compiling()) {
            return false;
        }
        double recentWork = 0;
        double recentAnswers = 0;
        double beforeWork = 0;
        double beforeAnswers = 0;
        for (int i = 0; i < SIDE; i++) {
            recentWork += slices.get(n - 1 - i)[0];
            recentAnswers += slices.get(n - 1 - i)[1];
            beforeWork += slices.get(n - 1 - SIDE - i)[0];
            beforeAnswers += slices.get(n - 1 - SIDE - i)[1];
        }
        if (recentAnswers == 0 || beforeAnswers == 0) {
            return false; // a stall is not a steady state
        }
        double recentCost = recentWork / recentAnswers;
        double beforeCost = beforeWork / beforeAnswers;
        if (recentCost >= (1 - tolerance) * beforeCost) {
            return true;
        }
        // At low load a slice holds a few clock ticks of CPU: a fall within two ticks is not a fall.
        return cpuKnown && (beforeCost - recentCost) * recentAnswers <= 2 * CPU_TICK_SECONDS;
    }

    /** Whether the JIT compiler took more than {@link #JIT_QUIET} of the server's CPU (and over a tick) in the last slices. */
    private boolean compiling() {
        double work = 0;
        double jit = 0;
        for (int i = slices.size() - SIDE; i < slices.size(); i++) {
            work += slices.get(i)[0];
            jit += slices.get(i)[2];
        }
        return !Double.isNaN(jit) && jit > Math.max(JIT_QUIET * work, CPU_TICK_SECONDS);
    }
}
