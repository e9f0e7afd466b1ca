package io.greetbench.bench.server;

import io.greetbench.bench.results.ServerUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server process's use over one measured window, read where it runs: CPU, memory and threads
 * from /proc ({@link ProcessSampler}), GC pauses from its log, both by this host's clock.
 */
final class WindowSampler {
    private final long pid;
    private final Path gcLog;
    private ProcessSampler sampler;
    private long windowStartMillis;
    private double jitAtStart;

    /** @param gcLog the server's GC log, or null when it writes none */
    WindowSampler(long pid, Path gcLog) {
        this.pid = pid;
        this.gcLog = gcLog;
    }

    /**
     * The process's CPU time so far, seconds, by /proc/PID/stat's clock ticks (what the warm-up reads
     * once a second, threads that ended included); NaN when it is gone.
     */
    double cpuSeconds() {
        try {
            return CpuClock.local().tickSeconds(pid);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Its JIT compiler threads' CPU time so far, seconds (see {@link CpuClock#jitSeconds}); NaN when it is gone. */
    double jitSeconds() {
        return CpuClock.local().jitSeconds(pid);
    }

    /** The window opened. */
    synchronized void start() {
        windowStartMillis = System.currentTimeMillis();
        jitAtStart = jitSeconds();
        try {
            sampler = new ProcessSampler(pid);
        } catch (IOException e) {
            sampler = null; // the server is gone; the load result will show it
        }
    }

    /** The window closed: what the process used in it (per window; {@link ServerUse#perWindow} adds the rates). */
    synchronized ServerUse stop() {
        long windowEndMillis = System.currentTimeMillis();
        ProcessSampler.ResourceUse use = sampler == null ? null : sampler.finish();
        Double jit = finite(jitSeconds() - jitAtStart);
        Long gcPauses = null;
        Double gcPauseMillis = null;
        Double gcPauseMax = null;
        String collector = null;
        if (gcLog != null && Files.exists(gcLog)) {
            double[] gc = GcLog.pausesBetween(gcLog, windowStartMillis, windowEndMillis);
            gcPauses = (long) gc[0];
            gcPauseMillis = gc[1];
            gcPauseMax = gc[2] < 0 ? null : gc[2];
            collector = GcLog.collector(GcLog.read(gcLog));
        }
        if (use == null) {
            return new ServerUse(null, null, null, null, null, null, null, gcPauses, gcPauseMillis).withGc(gcPauseMax, collector)
                    .withJit(jit);
        }
        return new ServerUse(finite(use.cpuSeconds()), null, null, use.rssPeakKb(), use.rssMeanKb(), use.threadsPeak(),
                use.threadsMean(), gcPauses, gcPauseMillis, use.cpuClock(), finite(use.tickSeconds())).withGc(gcPauseMax,
                collector).withJit(jit);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    synchronized void close() {
        if (sampler != null) {
            sampler.close();
        }
    }
}
