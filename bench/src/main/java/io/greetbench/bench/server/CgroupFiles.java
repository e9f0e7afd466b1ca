package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the CPU and the memory controllers' groups share: finding a cgroup v2 mount, joining a group, tidying orphans. */
final class CgroupFiles {
    /** greetbench's groups are named {@code greetbench-PID-…}, PID the orchestrator's that made them. */
    static final String PREFIX = "greetbench-";

    private CgroupFiles() {
    }

    /** The cgroup v2 mount whose controllers include {@code controller}, on the host {@code files} belong to. */
    static Optional<Path> v2With(HostFiles files, String controller) {
        try {
            for (String line : files.read(Path.of("/proc/mounts")).split("\n")) {
                String[] f = line.split(" ");
                if (f.length > 2 && f[2].equals("cgroup2")) {
                    Path mount = Path.of(f[1]);
                    String controllers = files.read(mount.resolve("cgroup.controllers"));
                    if (List.of(controllers.trim().split("\\s+")).contains(controller)) {
                        return Optional.of(mount);
                    }
                }
            }
        } catch (IOException e) {
            // no /proc/mounts: no cgroups either
        }
        return Optional.empty();
    }

    /** {@code argv} prefixed so that the process writes its PID to {@code procs} (joins the group), then becomes {@code argv}. */
    static List<String> joining(Path procs, List<String> argv) {
        List<String> joined = new java.util.ArrayList<>(List.of("sh", "-c", "echo $$ > \"$0\" && exec \"$@\"", procs.toString()));
        joined.addAll(argv);
        return joined;
    }

    /**
     * Removes the empty groups under {@code root} that greetbench processes killed outright left. On another
     * host the owner (an orchestrator elsewhere) cannot be asked ({@link HostFiles#ownerMayRun}), and an
     * empty group may be one another run has just made for its next server: none is removed there.
     */
    static void removeOrphans(HostFiles files, Path root) {
        List<Path> groups;
        try {
            groups = files.list(root, PREFIX);
        } catch (IOException | RuntimeException e) {
            return; // nothing to tidy
        }
        for (Path g : groups) {
            try {
                String[] parts = g.getFileName().toString().substring(PREFIX.length()).split("-");
                if (!files.ownerMayRun(Long.parseLong(parts[0])) && files.read(g.resolve("cgroup.procs")).isBlank()) {
                    files.removeDirectory(g);
                }
            } catch (IOException | RuntimeException e) {
                // not one of ours, or not ours to tidy
            }
        }
    }
}
