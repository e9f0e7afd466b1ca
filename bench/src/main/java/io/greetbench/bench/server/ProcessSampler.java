package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Samples a server process from {@code /proc} while it is measured: CPU time (user + system),
 * resident memory and thread count, every {@value #PERIOD_MILLIS} ms on a thread of its own.
 */
final class ProcessSampler implements AutoCloseable {
    static final int PERIOD_MILLIS = 100;
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ: 100 on every Linux this runs on

    private final long pid;
    private final Thread thread;
    private volatile boolean stop;
    private final double cpuStart;
    private double cpuEnd;
    private long rssPeakKb;
    private double rssSumKb;
    private int threadsPeak;
    private double threadsSum;
    private int samples;

    ProcessSampler(long pid) throws IOException {
        this.pid = pid;
        this.cpuStart = cpuSeconds(pid);
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
        try {
            cpuEnd = cpuSeconds(pid);
        } catch (IOException e) {
            cpuEnd = Double.NaN;
        }
        synchronized (this) {
            return new ResourceUse(cpuEnd - cpuStart, rssPeakKb, samples == 0 ? 0 : rssSumKb / samples, threadsPeak,
                    samples == 0 ? 0 : threadsSum / samples);
        }
    }

    /** utime + stime of the process, from /proc/PID/stat (fields 14 and 15). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ", field 3 (state) is f[0]; utime is field 14 -> f[11], stime field 15 -> f[12]
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
    }

    /**
     * What a server used over a measured window.
     *
     * @param cpuSeconds  user + system CPU time
     * @param rssPeakKb   highest resident set size sampled
     * @param rssMeanKb   mean resident set size
     * @param threadsPeak most threads sampled
     * @param threadsMean mean thread count
     */
    record ResourceUse(double cpuSeconds, long rssPeakKb, double rssMeanKb, int threadsPeak, double threadsMean) {
    }
}
