package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where this machine's CPU controller lives and how to give a group a CPU quota: cgroup v1's
 * {@code cpu} hierarchy ({@code cpu.cfs_quota_us}, {@code cpu.cfs_period_us}) or a cgroup v2 mount
 * with the {@code cpu} controller ({@code cpu.max}), whichever the machine has (v1 first: on a hybrid
 * machine, such as this project's, the JVM reads the v1 hierarchy too).
 */
public final class CpuCgroups {
    private static final String PREFIX = "greetbench-";

    private final Path root;
    private final boolean v2;

    private CpuCgroups(Path root, boolean v2) {
        this.root = root;
        this.v2 = v2;
    }

    /** The machine's CPU controller, or empty when it has none that greetbench can use. */
    public static Optional<CpuCgroups> find() {
        for (Path v1 : List.of(Path.of("/sys/fs/cgroup/cpu"), Path.of("/sys/fs/cgroup/cpu,cpuacct"))) {
            if (Files.isRegularFile(v1.resolve("cpu.cfs_quota_us"))) {
                return Optional.of(new CpuCgroups(v1, false));
            }
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 2 && f[2].equals("cgroup2")) {
                    Path mount = Path.of(f[1]);
                    String controllers = Files.readString(mount.resolve("cgroup.controllers"));
                    if (List.of(controllers.trim().split("\\s+")).contains("cpu")) {
                        return Optional.of(new CpuCgroups(mount, true));
                    }
                }
            }
        } catch (IOException e) {
            // no /proc/mounts: no cgroups either
        }
        return Optional.empty();
    }

    /** For tests: a controller at {@code root}, laid out as v1. */
    static CpuCgroups at(Path root) {
        return new CpuCgroups(root, false);
    }

    public Path root() {
        return root;
    }

    public String version() {
        return v2 ? "cgroup v2" : "cgroup v1";
    }

    /**
     * Creates the group {@code greetbench-PID-N} with {@code limit}; its path. An IOException says,
     * for a person, why it could not be and what to do.
     */
    Path create(CpuLimit limit, long n) throws IOException {
        Path group = root.resolve(PREFIX + ProcessHandle.current().pid() + "-" + n);
        try {
            if (v2) {
                enableCpuController();
            }
            Files.createDirectory(group);
            if (v2) {
                write(group.resolve("cpu.max"), limit.quotaMicros() + " " + CpuLimit.PERIOD_MICROS);
            } else {
                write(group.resolve("cpu.cfs_period_us"), String.valueOf(CpuLimit.PERIOD_MICROS));
                write(group.resolve("cpu.cfs_quota_us"), String.valueOf(limit.quotaMicros()));
            }
            return group;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            remove(group);
            throw new IOException("cannot set a CPU limit: " + root + " (" + version() + ") cannot be written ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); --server-cpu-limit needs root or a "
                    + "delegated cgroup: run as root, or leave the limit out");
        }
    }

    private void enableCpuController() throws IOException {
        Path control = root.resolve("cgroup.subtree_control");
        if (!Files.readString(control).contains("cpu")) {
            write(control, "+cpu");
        }
    }

    /** The file a process writes its PID to, to join {@code group}. */
    Path procsFile(Path group) {
        return group.resolve("cgroup.procs");
    }

    /** Removes {@code group} once its processes are gone (they must have been stopped); true when it is gone. */
    static boolean remove(Path group) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Files.deleteIfExists(group); // rmdir: a cgroup's control files go with it
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(20); // the kernel moves exiting tasks out a moment after they are reaped
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !Files.exists(group);
    }

    /** Removes the groups earlier greetbench processes left when they were killed outright (SIGKILL). */
    void removeOrphans() {
        try (DirectoryStream<Path> groups = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path g : groups) {
                String[] parts = g.getFileName().toString().substring(PREFIX.length()).split("-");
                long owner = Long.parseLong(parts[0]);
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (Files.readString(procsFile(g), StandardCharsets.US_ASCII).isBlank()) {
                    remove(g);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to tidy, or not ours to tidy
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }
}
