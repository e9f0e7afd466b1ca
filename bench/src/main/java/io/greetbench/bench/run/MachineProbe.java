package io.greetbench.bench.run;

import java.util.Arrays;

/**
 * How fast this machine is right now: a fixed piece of integer work, timed on the driver's CPU
 * before and after each cell. On a shared virtual machine the host's load changes how fast the
 * guest's CPUs run (by how much: each report's noise section and docs/methodology.md), and
 * no pinning inside the guest prevents it. The probe lets the report tell the machine's noise from
 * a runtime's: two trials that differ, taken while the probe also differed, are the machine's.
 */
final class MachineProbe {
    private static final int UNITS = 2_000_000; // a few ms of work: each result records the reading (machineProbe)
    private static final int ROUNDS = 7;
    private static volatile long sink;

    private MachineProbe() {
    }

    /** Nanoseconds per million units of work: the median of a few rounds (lower is faster). */
    static double nanosPerMillionUnits() {
        long[] times = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            sink = work(UNITS, t0);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[ROUNDS / 2] * 1e6 / UNITS;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * {@code units} of the work timed in the calling thread's own CPU time, as ns per million units: what
     * the CPU gave this thread while it ran, not counting the time other threads had the CPU between.
     */
    static double threadNanosPerMillionUnits(int units) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        sink = work(units, t0);
        return (THREADS.getCurrentThreadCpuTime() - t0) * 1e6 / units;
    }

    /** A chain of dependent xorshift steps: neither vectorisable nor removable by the JIT. */
    private static long work(int units, long seed) {
        long x = seed | 1;
        for (int i = 0; i < units; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** Compiles the probe, so the first cell's reading is not the interpreter's. */
    static void warmUp() {
        for (int i = 0; i < 20; i++) {
            nanosPerMillionUnits();
        }
    }
}
