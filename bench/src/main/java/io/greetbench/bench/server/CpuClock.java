package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's CPU time over a window, read from the finest clock this host has for it, all threads
 * included:
 * <ol>
 * <li>{@link Source#CGROUP_CPUACCT} / {@link Source#CGROUP_CPU_STAT}: the process runs alone in a
 * cgroup of greetbench's ({@code greetbench-*}, as under {@code --server-cpu-limit}) whose hierarchy
 * accounts CPU: cgroup v1 {@code cpuacct.usage} (ns) or v2 {@code cpu.stat usage_usec} (µs). Threads
 * that ended during the window are counted.</li>
 * <li>{@link Source#SCHEDSTAT}: {@code /proc/PID/task/TID/schedstat} (the scheduler's run time, ns)
 * summed over every thread, read whenever {@link Window#sample()} is called; a thread that ends
 * between two samples counts up to its last sample.</li>
 * <li>{@link Source#TICKS}: {@code /proc/PID/stat} utime + stime, in clock ticks of 10 ms: only when
 * neither of the above can be read, and named as such in the results.</li>
 * </ol>
 * The tick reading of the same window is kept beside the finer one ({@link Window#tickSeconds()}), so
 * runs measured before this clock existed can be compared with later ones.
 */
final class CpuClock {
    /** USER_HZ: 100 on every Linux this runs on. */
    static final double TICKS_PER_SECOND = 100.0;
    private static final String GROUP_PREFIX = "greetbench-";

    /** Where a window's CPU time came from, as the results name it. */
    enum Source {
        CGROUP_CPUACCT("cgroup-cpuacct"),
        CGROUP_CPU_STAT("cgroup-cpu.stat"),
        SCHEDSTAT("schedstat"),
        TICKS("ticks");

        private final String key;

        Source(String key) {
            this.key = key;
        }

        /** The name stored in results.jsonl ({@code ServerUse.cpuClock}). */
        String key() {
            return key;
        }
    }

    private final Path root;

    /** The clocks of the host whose /proc and /sys are under {@code root} ("/" for this machine; a copy for tests). */
    CpuClock(Path root) {
        this.root = root;
    }

    static CpuClock local() {
        return new CpuClock(Path.of("/"));
    }

    /** Starts a window on process {@code pid} with the finest source that can be read for it. */
    Window start(long pid) throws IOException {
        Path group = ownGroupFile(pid);
        if (group != null) {
            try {
                return new Window(pid, group, readGroupNanos(group), null);
            } catch (IOException | RuntimeException e) {
                // fall through to the threads
            }
        }
        Map<Long, Long> threads = new HashMap<>();
        if (readThreads(pid, threads)) {
            return new Window(pid, null, 0, threads);
        }
        return new Window(pid, null, 0, null);
    }

    /**
     * How /proc names a JVM's JIT compiler threads (HotSpot's "C1 CompilerThread0", "C2 CompilerThread0",
     * Graal's "JVMCI CompilerThread0"; /proc's comm keeps 15 characters).
     */
    private static final List<String> JIT_THREAD_NAMES = List.of("C1 Compiler", "C2 Compiler", "JVMCI Compiler");

    /**
     * The CPU time so far of process {@code pid}'s JIT compiler threads, seconds, by their schedstat (ns; their
     * ticks where the kernel keeps no schedstat): 0 for a process without such threads (not a JVM), NaN when
     * the process is gone. A compiler thread that has ended took its time with it: HotSpot stops the extra
     * compiler threads it started when they idle; a JVM that sees one CPU (a pinned server) starts none.
     */
    double jitSeconds(long pid) {
        double total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc(pid).resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    if (JIT_THREAD_NAMES.stream().noneMatch(comm::startsWith)) {
                        continue;
                    }
                    Path schedstat = task.resolve("schedstat");
                    if (Files.isRegularFile(schedstat)) {
                        String text = Files.readString(schedstat).trim();
                        total += Long.parseLong(text.substring(0, text.indexOf(' '))) / 1e9;
                    } else {
                        total += ticksOf(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return total;
    }

    /** utime + stime of the process in seconds, from /proc/PID/stat (fields 14 and 15): clock ticks. */
    double tickSeconds(long pid) throws IOException {
        return ticksOf(Files.readString(proc(pid).resolve("stat")));
    }

    /** utime + stime in seconds from a process's or a thread's stat line. */
    private static double ticksOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ", field 3 (state) is f[0]; utime is field 14 -> f[11], stime field 15 -> f[12]
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    private Path proc(long pid) {
        return root.resolve("proc").resolve(String.valueOf(pid));
    }

    /**
     * The accounting file of the cgroup {@code pid} runs in, when that group is one of greetbench's
     * (so it holds this server alone) and its hierarchy accounts CPU; else null.
     */
    private Path ownGroupFile(long pid) {
        try {
            String mounts = Files.readString(root.resolve("proc/mounts"));
            for (String line : Files.readAllLines(proc(pid).resolve("cgroup"))) {
                String[] f = line.split(":", 3);
                if (f.length < 3 || !f[2].substring(f[2].lastIndexOf('/') + 1).startsWith(GROUP_PREFIX)) {
                    continue;
                }
                String relative = f[2].substring(1);
                if (f[1].isEmpty()) {
                    Path mount = mountOf(mounts, "cgroup2", null);
                    Path file = mount == null ? null : mount.resolve(relative).resolve("cpu.stat");
                    if (file != null && Files.isRegularFile(file)) {
                        return file;
                    }
                } else if (List.of(f[1].split(",")).contains("cpuacct")) {
                    Path mount = mountOf(mounts, "cgroup", "cpuacct");
                    Path file = mount == null ? null : mount.resolve(relative).resolve("cpuacct.usage");
                    if (file != null && Files.isRegularFile(file)) {
                        return file;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no cgroups to read: the threads will do
        }
        return null;
    }

    /** Where a cgroup file system of {@code type} (with {@code option} among its mount options, for v1) is mounted, under the root. */
    private Path mountOf(String mounts, String type, String option) {
        for (String line : mounts.split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 3 && f[2].equals(type) && (option == null || List.of(f[3].split(",")).contains(option))) {
                return root.resolve(f[1].substring(1));
            }
        }
        return null;
    }

    private static long readGroupNanos(Path file) throws IOException {
        String text = Files.readString(file).trim();
        if (file.getFileName().toString().equals("cpuacct.usage")) {
            return Long.parseLong(text);
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("usage_usec ")) {
                return Long.parseLong(line.substring("usage_usec ".length()).trim()) * 1000;
            }
        }
        throw new IOException(file + " has no usage_usec");
    }

    /** Each thread's run time so far (ns) into {@code threads}; false when there is none to read. */
    private boolean readThreads(long pid, Map<Long, Long> threads) {
        boolean any = false;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc(pid).resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String schedstat = Files.readString(task.resolve("schedstat")).trim();
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
                    any = true;
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked: its last sample stands
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return any;
    }

    /** One window on one process: started when made, read by {@link #sample()}, ended by the last sample. */
    final class Window {
        private final long pid;
        private final Path group;
        private final long groupStart;
        private final Map<Long, Long> threadsAtStart;
        private final Map<Long, Long> threadsLast;
        private final double ticksAtStart;
        private double ticksLast;
        private long groupLast;
        private boolean failed;

        private Window(long pid, Path group, long groupStart, Map<Long, Long> threads) {
            this.pid = pid;
            this.group = group;
            this.groupStart = groupStart;
            this.groupLast = groupStart;
            this.threadsAtStart = threads == null ? null : Map.copyOf(threads);
            this.threadsLast = threads == null ? null : new HashMap<>(threads);
            this.ticksAtStart = ticks();
            this.ticksLast = ticksAtStart;
        }

        Source source() {
            if (group != null) {
                return group.getFileName().toString().equals("cpuacct.usage") ? Source.CGROUP_CPUACCT : Source.CGROUP_CPU_STAT;
            }
            return threadsAtStart != null ? Source.SCHEDSTAT : Source.TICKS;
        }

        /** Reads the clock now (the window's end is its last sample). */
        synchronized void sample() {
            double ticks = ticks();
            if (!Double.isNaN(ticks)) {
                ticksLast = ticks;
            }
            if (group != null) {
                try {
                    groupLast = readGroupNanos(group);
                } catch (IOException | RuntimeException e) {
                    failed = true; // the group is gone with its process
                }
            } else if (threadsLast != null) {
                Map<Long, Long> now = new HashMap<>();
                readThreads(pid, now);
                // a thread's time only grows; a smaller value is a new thread with a reused TID
                now.forEach((tid, ns) -> threadsLast.merge(tid, ns, Math::max));
            }
        }

        /** CPU time between the start and the last sample, seconds; NaN when the process could not be read at all. */
        synchronized double seconds() {
            if (group != null) {
                return failed && groupLast == groupStart ? Double.NaN : (groupLast - groupStart) / 1e9;
            }
            if (threadsLast != null) {
                long total = 0;
                for (Map.Entry<Long, Long> t : threadsLast.entrySet()) {
                    total += t.getValue() - threadsAtStart.getOrDefault(t.getKey(), 0L);
                }
                return total / 1e9;
            }
            return tickSeconds();
        }

        /** The same window by /proc/PID/stat's clock ticks (10 ms), to the last sample; NaN when unreadable. */
        synchronized double tickSeconds() {
            return ticksLast - ticksAtStart;
        }

        private double ticks() {
            try {
                return CpuClock.this.tickSeconds(pid);
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
    }
}
