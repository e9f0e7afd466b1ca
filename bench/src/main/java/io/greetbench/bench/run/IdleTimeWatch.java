package io.greetbench.bench.run;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads the server's CPUs while the server runs, in the time it leaves idle. On each server CPU, one
 * thread of this process, pinned there at {@code SCHED_IDLE} (the scheduler gives it the CPU only when
 * nothing else wants it, and a waking server takes the CPU back at once), does {@link MachineProbe}'s
 * fixed work every {@link #EVERY}, timed in the thread's own CPU time: time the server takes from it is
 * not counted, time the host takes from the guest's CPU is (the guest cannot tell that from running).
 * So a reading follows the host's speed, not the server's load; each costs about a millisecond of CPU the
 * server left idle, under 1% of the CPU. What the gate's readings before and after a server cannot see:
 * a CPU that ran slow while the server ran.
 */
final class IdleTimeWatch implements AutoCloseable {
    /** Time between readings. */
    static final Duration EVERY = Duration.ofMillis(250);
    /** Work per reading: about a millisecond here (~2 ns a unit). */
    static final int UNITS = 500_000;

    private final Map<Integer, Watcher> watchers = new LinkedHashMap<>();

    /** Starts a watching thread on each of {@code cpus}, pinned, at the lowest priority, its probe compiled. */
    IdleTimeWatch(List<Integer> cpus) throws IOException {
        try {
            for (int cpu : cpus) {
                Watcher w = new Watcher(cpu);
                watchers.put(cpu, w);
                w.start();
                w.awaitReady();
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Begins a watch: readings from now on are kept (earlier ones dropped). */
    void begin() {
        watchers.values().forEach(Watcher::begin);
    }

    /** Ends the watch: each CPU's readings since {@link #begin}, ns per million units of its own CPU time. */
    Map<Integer, List<Double>> end() {
        Map<Integer, List<Double>> all = new LinkedHashMap<>();
        watchers.forEach((cpu, w) -> all.put(cpu, w.end()));
        return all;
    }

    @Override
    public void close() {
        watchers.values().forEach(Thread::interrupt);
    }

    /** One CPU's watching thread. */
    private static final class Watcher extends Thread {
        private final int cpu;
        private final CountDownLatch ready = new CountDownLatch(1);
        private final List<Double> readings = new ArrayList<>();
        private volatile boolean watching;
        private volatile IOException failure;

        Watcher(int cpu) {
            super("cpu-watch-" + cpu); // as Linux shows it too (15 characters at most)
            this.cpu = cpu;
            setDaemon(true);
        }

        void awaitReady() throws IOException {
            try {
                if (!ready.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the watch of CPU " + cpu + " did not start within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the watch of CPU " + cpu);
            }
            if (failure != null) {
                throw failure;
            }
        }

        synchronized void begin() {
            readings.clear();
            watching = true;
        }

        synchronized List<Double> end() {
            watching = false;
            return List.copyOf(readings);
        }

        private synchronized void add(double reading) {
            if (watching) {
                readings.add(reading);
            }
        }

        @Override
        public void run() {
            try {
                CpuCheck.pinThisThread(cpu);
                lowestPriority();
                MachineProbe.warmUp();
            } catch (IOException e) {
                failure = e;
                return;
            } finally {
                ready.countDown();
            }
            while (!isInterrupted()) {
                try {
                    Thread.sleep(EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (watching) {
                    add(MachineProbe.threadNanosPerMillionUnits(UNITS));
                }
            }
        }

        /** SCHED_IDLE for the calling thread (its own task id): it runs only where the CPU would idle. */
        private void lowestPriority() throws IOException {
            CpuCheck.onThisThread("give the watch of CPU " + cpu + " the idle priority", "chrt", "--idle", "-p", "0");
        }
    }
}
