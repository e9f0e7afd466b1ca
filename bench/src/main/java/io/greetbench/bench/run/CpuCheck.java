package io.greetbench.bench.run;

import io.greetbench.bench.results.CpuReadings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How fast each CPU of this machine is right now: {@link MachineProbe}'s fixed work, timed on a
 * thread of this process pinned to that CPU (by {@code taskset -p} on the thread's own id). On a
 * shared virtual machine the host decides how fast a guest CPU runs, one CPU at a time and for
 * seconds at a time, invisibly from inside (steal reads 0): this is the only way to see it.
 * One idle thread per CPU checked; nothing runs on a CPU between readings.
 */
public final class CpuCheck implements AutoCloseable, CpuReader {
    private final Map<Integer, ExecutorService> pinned = new LinkedHashMap<>();

    /** Pins one thread to each of {@code cpus} and warms the probe up on it. */
    public CpuCheck(BitSet cpus) throws IOException {
        try {
            for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
                int target = cpu;
                ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "cpu-check-" + target); // as Linux shows it too (15 characters at most)
                    t.setDaemon(true);
                    return t;
                });
                pinned.put(cpu, thread);
                call(thread, () -> {
                    pinThisThread(target);
                    MachineProbe.warmUp();
                    return 0.0;
                });
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Every online CPU of this machine (not only those this process may run on: it may be pinned to the driver's). */
    public static BitSet onlineCpus() throws IOException {
        return io.greetbench.bench.load.CpuBusy.parseList(Files.readString(Path.of("/sys/devices/system/cpu/online")).trim());
    }

    /** The CPUs this check reads. */
    public List<Integer> cpus() {
        return List.copyOf(pinned.keySet());
    }

    /** One reading of {@code cpu}: ns per million units of work (lower is faster). */
    @Override
    public double read(int cpu) throws IOException {
        ExecutorService thread = pinned.get(cpu);
        if (thread == null) {
            throw new IllegalArgumentException("CPU " + cpu + " is not checked (checked: " + pinned.keySet() + ")");
        }
        return call(thread, MachineProbe::nanosPerMillionUnits);
    }

    /**
     * Readings of every CPU, taken in turn (0, 1, 0, 1, ...) for {@code span}, so that each CPU is
     * read over the same stretch of the host's time.
     */
    public Map<Integer, CpuReadings> survey(Duration span) throws IOException {
        Map<Integer, CpuReadings> figures = new LinkedHashMap<>();
        readings(span).forEach((cpu, values) -> figures.put(cpu, CpuReadings.of(cpu, values)));
        return figures;
    }

    /** Every reading of every CPU, taken in turn for {@code span} (what {@link #survey} summarises). */
    public Map<Integer, List<Double>> readings(Duration span) throws IOException {
        Map<Integer, List<Double>> readings = new LinkedHashMap<>();
        pinned.keySet().forEach(cpu -> readings.put(cpu, new ArrayList<>()));
        long end = System.nanoTime() + span.toNanos();
        do {
            for (int cpu : pinned.keySet()) {
                readings.get(cpu).add(read(cpu));
            }
        } while (System.nanoTime() < end);
        return readings;
    }

    @Override
    public void close() {
        pinned.values().forEach(ExecutorService::shutdownNow);
    }

    /** Pins the calling thread (Linux: its own task id, read from /proc/thread-self) to {@code cpu}. */
    static void pinThisThread(int cpu) throws IOException {
        onThisThread("pin a thread to CPU " + cpu, "taskset", "-p", "-c", String.valueOf(cpu));
    }

    /**
     * Runs {@code command} with the calling thread's task id appended (taskset, chrt), for what only a thread's
     * own id can change; fails saying it could not {@code what} and what the command said.
     */
    static void onThisThread(String what, String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of(command));
        full.add(threadId());
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("could not " + what + " (" + String.join(" ", full) + ": " + out + ")");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while trying to " + what);
        }
    }

    /** The calling thread's Linux task id, from /proc/thread-self ("PID/task/TID"). */
    static String threadId() throws IOException {
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        return self.substring(self.lastIndexOf('/') + 1);
    }

    private interface Reading {
        double get() throws IOException;
    }

    private static double call(ExecutorService thread, Reading reading) throws IOException {
        try {
            return thread.submit(reading::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the CPUs");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("the CPU check failed: " + cause, cause);
        }
    }
}
