package io.greetbench.bench.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When an adaptive warm-up ends, from made-up per-second observations. */
class WarmupSettlerTest {
    private static final long S = 1_000_000_000L;

    /** Feeds one observation per second of cumulative answers and CPU; returns the second it ended, or -1. */
    private static int endsAt(WarmupSettler settler, long[] answeredPerSecond, double[] cpuPerSecond) {
        return endsAt(settler, answeredPerSecond, cpuPerSecond, null);
    }

    /** The same, with the JIT compiler's part of the CPU per second (null: not known). */
    private static int endsAt(WarmupSettler settler, long[] answeredPerSecond, double[] cpuPerSecond, double[] jitPerSecond) {
        long answered = 0;
        double cpu = 0;
        double jit = 0;
        if (settler.observe(0, 0, cpuPerSecond == null ? Double.NaN : 0, jitPerSecond == null ? Double.NaN : 0)) {
            return 0;
        }
        for (int i = 0; i < answeredPerSecond.length; i++) {
            answered += answeredPerSecond[i];
            cpu += cpuPerSecond == null ? 0 : cpuPerSecond[i];
            jit += jitPerSecond == null ? 0 : jitPerSecond[i];
            if (settler.observe((i + 1) * S, answered, cpuPerSecond == null ? Double.NaN : cpu,
                    jitPerSecond == null ? Double.NaN : jit)) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void aServerWhoseCompilerStillTakesItsQuotaIsNotSettledThoughItsCostIsFlat() {
        // The shape measured here (netty at half a CPU, 2026-12-02): C2 takes half the quota for five seconds
        // while the answers per second barely move, then goes quiet and the answers double.
        long[] rps = {30_000, 31_000, 31_500, 32_000, 32_000, 31_800, 64_000, 65_000, 65_500, 65_000, 65_200, 65_000};
        double[] cpu = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        double[] jit = {0.25, 0.25, 0.25, 0.25, 0.25, 0.24, 0.01, 0, 0, 0, 0, 0};
        assertTrue(endsAt(new WarmupSettler(S, 30 * S, 0.10), rps, cpu) == 4, "by the cost alone: settled mid-compilation");
        WarmupSettler withJit = new WarmupSettler(S, 30 * S, 0.10);
        int end = endsAt(withJit, rps, cpu, jit);
        assertTrue(end >= 10, "ended at " + end + " s, with the compiler busy or the cost still falling");
        assertTrue(withJit.settled());
    }

    @Test
    void aStrayCompileOfATickDoesNotHoldALightServersWarmupToItsMost() {
        // Open loop at a low rate: the server uses 50 ms a second, the JIT 5 ms of it (10%, but one tick in two seconds).
        long[] rps = new long[12];
        java.util.Arrays.fill(rps, 5_000);
        double[] cpu = new double[12];
        java.util.Arrays.fill(cpu, 0.05);
        double[] jit = new double[12];
        java.util.Arrays.fill(jit, 0.005);
        assertTrue(endsAt(new WarmupSettler(S, 30 * S, 0.10), rps, cpu, jit) == 4);
        java.util.Arrays.fill(jit, 0.015); // 30%: compiling
        assertTrue(endsAt(new WarmupSettler(S, 30 * S, 0.10), rps, cpu, jit) == -1);
    }

    @Test
    void aJitRampIsWaitedOutAndAPlateauEndsIt() {
        // Throughput of a server compiling on its own CPU, then steady (the shape measured here).
        long[] rps = {2_600, 5_000, 10_000, 11_000, 17_000, 28_000, 63_000, 68_000, 70_000, 69_000, 70_000, 70_000};
        WarmupSettler settler = new WarmupSettler(3 * S, 30 * S, 0.10);
        int end = endsAt(settler, rps, null);
        assertTrue(end >= 9, "ended at " + end + " s, inside the ramp");
        assertTrue(settler.settled());
    }

    @Test
    void neverBeforeTheMinimum() {
        long[] flat = {50_000, 50_000, 50_000, 50_000, 50_000, 50_000, 50_000, 50_000};
        assertTrue(endsAt(new WarmupSettler(6 * S, 30 * S, 0.10), flat, null) == 6);
    }

    @Test
    void theMaximumEndsAWarmupThatNeverSettlesAndSaysSo() {
        long[] rising = new long[20];
        for (int i = 0; i < rising.length; i++) {
            rising[i] = 1000L << Math.min(i, 40); // doubling: the cost halves every second
        }
        WarmupSettler settler = new WarmupSettler(S, 8 * S, 0.10);
        assertTrue(endsAt(settler, rising, null) == 8);
        assertFalse(settler.settled());
    }

    @Test
    void serverCpuPerAnswerDecidesWhenKnown() {
        // The open loop: the same answers every second, the CPU per answer still falling (the JIT at work).
        long[] rate = {10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000};
        double[] cpu = {0.9, 0.8, 0.6, 0.45, 0.3, 0.2, 0.15, 0.15, 0.15, 0.15};
        WarmupSettler byCpu = new WarmupSettler(S, 30 * S, 0.10);
        assertTrue(endsAt(byCpu, rate, cpu) >= 9, "settled while the CPU per answer was still falling");
        // Without the CPU, the constant rate looks settled at once.
        assertTrue(endsAt(new WarmupSettler(S, 30 * S, 0.10), rate, null) == 4);
    }

    @Test
    void aFallWithinTwoClockTicksIsNoise() {
        // Light load: 3 and 2 ticks of CPU a second look like a 33% fall, but are the tick's resolution.
        long[] rate = {3_200, 3_200, 3_200, 3_200};
        double[] cpu = {0.03, 0.03, 0.02, 0.02};
        assertTrue(endsAt(new WarmupSettler(S, 30 * S, 0.10), rate, cpu) == 4);
    }

    @Test
    void aStallIsNotASteadyState() {
        long[] stalled = {1_000, 1_000, 0, 0, 0, 0};
        WarmupSettler settler = new WarmupSettler(S, 30 * S, 0.10);
        assertTrue(endsAt(settler, stalled, null) == -1);
        assertFalse(settler.settled());
    }
}
