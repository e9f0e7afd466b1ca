package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a host's memory controller lives and how to give a group a memory limit, as a container
 * runtime does: cgroup v1's {@code memory} hierarchy ({@code memory.limit_in_bytes}, and
 * {@code memory.memsw.limit_in_bytes} to the same value where swap is accounted, so the limit cannot
 * be escaped into swap) or a cgroup v2 mount with the {@code memory} controller ({@code memory.max},
 * {@code memory.swap.max} 0). v1 first, as for the CPU: on a hybrid machine the JVM reads v1. Groups
 * are named as {@link CpuCgroups}' are ({@code greetbench-PID-mN}), so either tidies the other's orphans.
 *
 * <p>What the limit counts differs: v1 charges the process's memory and page cache (and kernel memory
 * since Linux 4.x) but TCP buffers only to {@code memory.kmem.tcp}, outside the limit; v2's
 * {@code memory.max} counts socket buffers too.
 */
public final class MemoryCgroups {
    private final HostFiles files;
    private final Path root;
    private final boolean v2;

    private MemoryCgroups(HostFiles files, Path root, boolean v2) {
        this.files = files;
        this.root = root;
        this.v2 = v2;
    }

    /** This machine's memory controller, or empty. */
    public static Optional<MemoryCgroups> find() {
        return find(HostFiles.LOCAL);
    }

    /** The memory controller of the host {@code files} belong to, or empty when it has none greetbench can use. */
    public static Optional<MemoryCgroups> find(HostFiles files) {
        Path v1 = Path.of("/sys/fs/cgroup/memory");
        if (files.isFile(v1.resolve("memory.limit_in_bytes"))) {
            return Optional.of(new MemoryCgroups(files, v1, false));
        }
        return CgroupFiles.v2With(files, "memory").map(mount -> new MemoryCgroups(files, mount, true));
    }

    /** For tests: a controller of this machine at {@code root}, laid out as v1. */
    static MemoryCgroups at(Path root) {
        return new MemoryCgroups(HostFiles.LOCAL, root, false);
    }

    public Path root() {
        return root;
    }

    public String version() {
        return v2 ? "cgroup v2" : "cgroup v1";
    }

    /**
     * Why a memory limit cannot be set on the host {@code files} belong to, or null: tried once by
     * creating a group with a limit and removing it.
     */
    public static String problem(HostFiles files) {
        var found = find(files);
        if (found.isEmpty()) {
            String where = files.where().isEmpty() ? "this machine" : files.where().substring(" on ".length());
            return "cannot set a memory limit: " + where + " has no cgroup memory controller (neither cgroup v1 'memory' "
                    + "nor cgroup v2 with 'memory'); the memory scenario needs one";
        }
        try {
            MemoryCgroups cgroups = found.get();
            cgroups.remove(cgroups.create(256L << 20, 0));
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /**
     * Creates the group {@code greetbench-PID-mN} (PID: this process's) limited to {@code limitBytes}, or
     * with no limit when null (its peak usage is still recorded); its path. An IOException says, for a
     * person, why it could not be.
     */
    Path create(Long limitBytes, long n) throws IOException {
        Path group = root.resolve(CgroupFiles.PREFIX + ProcessHandle.current().pid() + "-m" + n);
        try {
            if (v2) {
                Path control = root.resolve("cgroup.subtree_control");
                if (!files.read(control).contains("memory")) {
                    files.write(control, "+memory");
                }
            }
            files.createDirectory(group);
            if (limitBytes != null) {
                if (v2) {
                    files.write(group.resolve("memory.max"), String.valueOf(limitBytes));
                    if (files.isFile(group.resolve("memory.swap.max"))) {
                        files.write(group.resolve("memory.swap.max"), "0");
                    }
                } else {
                    files.write(group.resolve("memory.limit_in_bytes"), String.valueOf(limitBytes));
                    if (files.isFile(group.resolve("memory.memsw.limit_in_bytes"))) {
                        files.write(group.resolve("memory.memsw.limit_in_bytes"), String.valueOf(limitBytes));
                    }
                }
            }
            return group;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            remove(group);
            throw new IOException("cannot set a memory limit" + files.where() + ": " + root + " (" + version()
                    + ") cannot be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); "
                    + "the memory scenario needs root or a delegated cgroup");
        }
    }

    /** The most memory {@code group} was charged so far (bytes), or null when the kernel does not say (v2 before 5.19). */
    Long peakBytes(Path group) {
        return number(group.resolve(v2 ? "memory.peak" : "memory.max_usage_in_bytes"));
    }

    /** How many of {@code group}'s processes the OOM killer killed, or null when the kernel does not say. */
    Long oomKills(Path group) {
        try {
            for (String line : files.read(group.resolve(v2 ? "memory.events" : "memory.oom_control")).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && f[0].equals("oom_kill")) {
                    return Long.parseLong(f[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable: unknown
        }
        return null;
    }

    private Long number(Path file) {
        try {
            return Long.parseLong(files.read(file).trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The file a process writes its PID to, to join {@code group}. */
    Path procsFile(Path group) {
        return group.resolve("cgroup.procs");
    }

    /** Removes {@code group} once its processes are gone; true when it is gone. */
    boolean remove(Path group) {
        return files.removeDirectory(group);
    }

    /** Removes empty groups that earlier greetbench processes, killed outright, left here (never on another host). */
    void removeOrphans() {
        CgroupFiles.removeOrphans(files, root);
    }
}
