package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Where a host's CPU controller lives and how to give a group a CPU quota: cgroup v1's {@code cpu}
 * hierarchy ({@code cpu.cfs_quota_us}, {@code cpu.cfs_period_us}) or a cgroup v2 mount with the
 * {@code cpu} controller ({@code cpu.max}), whichever the host has (v1 first: on a hybrid machine,
 * such as this project's, the JVM reads the v1 hierarchy too). The host is this machine, or another
 * one whose files are reached through its shell ({@link HostFiles}).
 */
public final class CpuCgroups {
    /**
     * A random part of this process's group names: its PID alone is not unique on another host, where
     * orchestrators on other machines (or in other containers) make groups of their own.
     */
    static final String RANDOM = String.format("%08x", new SecureRandom().nextInt());

    private final HostFiles files;
    private final Path root;
    private final boolean v2;

    private CpuCgroups(HostFiles files, Path root, boolean v2) {
        this.files = files;
        this.root = root;
        this.v2 = v2;
    }

    /** This machine's CPU controller, or empty when it has none that greetbench can use. */
    public static Optional<CpuCgroups> find() {
        return find(HostFiles.LOCAL);
    }

    /** The CPU controller of the host {@code files} belong to, or empty. */
    public static Optional<CpuCgroups> find(HostFiles files) {
        for (Path v1 : List.of(Path.of("/sys/fs/cgroup/cpu"), Path.of("/sys/fs/cgroup/cpu,cpuacct"))) {
            if (files.isFile(v1.resolve("cpu.cfs_quota_us"))) {
                return Optional.of(new CpuCgroups(files, v1, false));
            }
        }
        return CgroupFiles.v2With(files, "cpu").map(mount -> new CpuCgroups(files, mount, true));
    }

    /** For tests: a controller of this machine at {@code root}, laid out as v1. */
    static CpuCgroups at(Path root) {
        return at(root, HostFiles.LOCAL);
    }

    /** For tests: a controller at {@code root} of the host {@code files} belong to, laid out as v1. */
    static CpuCgroups at(Path root, HostFiles files) {
        return new CpuCgroups(files, root, false);
    }

    public Path root() {
        return root;
    }

    public String version() {
        return v2 ? "cgroup v2" : "cgroup v1";
    }

    /**
     * Creates the group {@code greetbench-PID-RANDOM-N} with {@code limit} (PID: this process's); its path. An
     * IOException says, for a person, why it could not be and what to do.
     */
    Path create(CpuLimit limit, long n) throws IOException {
        Path group = root.resolve(CgroupFiles.PREFIX + ProcessHandle.current().pid() + "-" + RANDOM + "-" + n);
        try {
            if (v2) {
                enableCpuController();
            }
            files.createDirectory(group);
            if (v2) {
                files.write(group.resolve("cpu.max"), limit.quotaMicros() + " " + limit.periodMicros());
            } else {
                files.write(group.resolve("cpu.cfs_period_us"), String.valueOf(limit.periodMicros()));
                files.write(group.resolve("cpu.cfs_quota_us"), String.valueOf(limit.quotaMicros()));
            }
            return group;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            remove(group);
            throw new IOException("cannot set a CPU limit" + files.where() + ": " + root + " (" + version()
                    + ") cannot be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); "
                    + "--server-cpu-limit needs root or a delegated cgroup: run as root, or leave the limit out");
        }
    }

    private void enableCpuController() throws IOException {
        Path control = root.resolve("cgroup.subtree_control");
        if (!files.read(control).contains("cpu")) {
            files.write(control, "+cpu");
        }
    }

    /**
     * {@code group}'s throttling counters so far, from its {@code cpu.stat}: periods that ran, periods in
     * which it was throttled, and the time it spent throttled (ns; v1 says {@code throttled_time} in ns,
     * v2 {@code throttled_usec}); null when they cannot be read.
     */
    long[] throttling(Path group) {
        try {
            long periods = -1;
            long throttled = -1;
            long nanos = -1;
            for (String line : files.read(group.resolve("cpu.stat")).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length != 2) {
                    continue;
                }
                switch (f[0]) {
                    case "nr_periods" -> periods = Long.parseLong(f[1]);
                    case "nr_throttled" -> throttled = Long.parseLong(f[1]);
                    case "throttled_time" -> nanos = Long.parseLong(f[1]);
                    case "throttled_usec" -> nanos = Long.parseLong(f[1]) * 1000;
                    default -> { }
                }
            }
            return periods < 0 || throttled < 0 || nanos < 0 ? null : new long[] {periods, throttled, nanos};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The file a process writes its PID to, to join {@code group}. */
    Path procsFile(Path group) {
        return group.resolve("cgroup.procs");
    }

    /** Removes {@code group} once its processes are gone (they must have been stopped); true when it is gone. */
    boolean remove(Path group) {
        return files.removeDirectory(group);
    }

    /**
     * Removes the groups earlier greetbench processes left when they were killed outright (SIGKILL):
     * empty ones whose owner is gone. On another host the owner (an orchestrator elsewhere) cannot
     * be asked, and an empty group may be one another run has just made for its next server: none is
     * removed there (one left by a run killed outright stays, empty, until a run on that host tidies it).
     */
    void removeOrphans() {
        CgroupFiles.removeOrphans(files, root);
    }
}
