package io.greetbench.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * How busy a set of CPUs was between two readings of {@code /proc/stat}, counting everything that ran
 * there: the driver's threads, and also the kernel's softirq work, which on loopback carries much of
 * the TCP cost and is charged to no thread. This is what tells whether the driver's CPUs had
 * headroom left; a thread's own CPU time alone under-states it.
 */
public final class CpuBusy {
    private final BitSet cpus;
    private final long[] start;

    private CpuBusy(BitSet cpus, long[] start) {
        this.cpus = cpus;
        this.start = start;
    }

    /** Starts measuring the CPUs this process may run on; null where /proc is not there to read. */
    static CpuBusy startForThisProcess() {
        try {
            BitSet cpus = allowedCpus();
            long[] now = read(cpus);
            return now == null ? null : new CpuBusy(cpus, now);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The CPUs this process may run on (taskset), from /proc/self/status. */
    public static BitSet allowedCpus() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return parseList(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IOException("no Cpus_allowed_list in /proc/self/status");
    }

    public static BitSet parseList(String list) {
        BitSet set = new BitSet();
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            set.set(from, to + 1);
        }
        return set;
    }

    /** Number of CPUs measured. */
    int cpuCount() {
        return cpus.cardinality();
    }

    /** Fraction (0..1) of the time the measured CPUs were busy since the start; -1 if unreadable. */
    double busySinceStart() {
        try {
            long[] end = read(cpus);
            if (end == null) {
                return -1;
            }
            long total = end[0] - start[0];
            long idle = end[1] - start[1];
            return total <= 0 ? -1 : (total - idle) / (double) total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** {total jiffies, idle + iowait jiffies} summed over the given CPUs. */
    private static long[] read(BitSet cpus) throws IOException {
        long total = 0;
        long idle = 0;
        boolean seen = false;
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            if (!line.startsWith("cpu") || line.startsWith("cpu ")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            int cpu = Integer.parseInt(f[0].substring(3));
            if (!cpus.get(cpu)) {
                continue;
            }
            seen = true;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                long v = Long.parseLong(f[i]);
                total += v;
                if (i == 4 || i == 5) {
                    idle += v;
                }
            }
        }
        return seen ? new long[] {total, idle} : null;
    }
}
