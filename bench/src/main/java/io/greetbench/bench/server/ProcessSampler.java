package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Samples a server process from {@code /proc} while it is measured: CPU time (by the finest
 * {@link CpuClock} the host has for it), resident memory and thread count, every {@value #PERIOD_MILLIS}
 * ms on a thread of its own.
 */
final class ProcessSampler implements AutoCloseable {
    static final int PERIOD_MILLIS = 100;

    private final long pid;
    private final Thread thread;
    private volatile boolean stop;
    private final CpuClock.Window cpu;
    private long rssPeakKb;
    private double rssSumKb;
    private int threadsPeak;
    private double threadsSum;
    private int samples;

    ProcessSampler(long pid) throws IOException {
        this.pid = pid;
        this.cpu = CpuClock.local().start(pid);
        this.thread = new Thread(this::loop, "greetbench-sampler-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stop) {
            sampleOnce();
            try {
                TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sampleOnce() {
        cpu.sample();
        try {
            long rss = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
            rssPeakKb = Math.max(rssPeakKb, rss);
            rssSumKb += rss;
            threadsPeak = Math.max(threadsPeak, threads);
            threadsSum += threads;
            samples++;
        } catch (IOException | RuntimeException e) {
            // the process ended: what was sampled stands
        }
    }

    /** Stops sampling and returns what the window cost the process. */
    ResourceUse finish() {
        stop = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleOnce();
        synchronized (this) {
            return new ResourceUse(cpu.seconds(), cpu.source().key(), cpu.tickSeconds(), rssPeakKb,
                    samples == 0 ? 0 : rssSumKb / samples, threadsPeak, samples == 0 ? 0 : threadsSum / samples);
        }
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
    }

    /**
     * What a server used over a measured window.
     *
     * @param cpuSeconds  CPU time, all threads, by the clock {@code cpuClock} names
     * @param cpuClock    {@link CpuClock.Source#key()}: where the CPU time came from
     * @param tickSeconds the same window by /proc/PID/stat's 10 ms ticks (NaN when unreadable)
     * @param rssPeakKb   highest resident set size sampled
     * @param rssMeanKb   mean resident set size
     * @param threadsPeak most threads sampled
     * @param threadsMean mean thread count
     */
    record ResourceUse(double cpuSeconds, String cpuClock, double tickSeconds, long rssPeakKb, double rssMeanKb, int threadsPeak, double threadsMean) {
    }
}
