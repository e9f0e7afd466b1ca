package io.greetbench.bench.server;

import io.greetbench.bench.results.ServerUse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Servers of another host, each in a cgroup of its own with a CPU quota, as a container CPU limit
 * works: the process joins the group before it executes the server, so the JVM sees the limit from
 * its first instruction (its CPU count, its GC and JIT threads follow it). The group is removed when
 * the server stops, when the start fails, and when the run is stopped. The inner host may be another
 * machine: the groups are then made there, through its shell ({@code CpuCgroups.find(HostFiles.through(
 * host.shell()))}), and the joining command runs there with the server.
 */
public final class CpuLimitedServerHost extends ForwardingServerHost {
    private final CpuLimit limit;
    private final CpuCgroups cgroups;
    private final AtomicLong counter = new AtomicLong();
    private final Set<Path> groups = ConcurrentHashMap.newKeySet();

    public CpuLimitedServerHost(ServerHost inner, CpuLimit limit, CpuCgroups cgroups) {
        super(inner);
        this.limit = limit;
        this.cgroups = cgroups;
        cgroups.removeOrphans();
    }

    /** Why a CPU limit cannot be set on this machine, or null: tried once by creating and removing a group. */
    public static String problem(CpuLimit limit) {
        return problem(limit, HostFiles.LOCAL);
    }

    /** Why a CPU limit cannot be set on the host {@code files} belong to, or null (tried once). */
    public static String problem(CpuLimit limit, HostFiles files) {
        var found = CpuCgroups.find(files);
        if (found.isEmpty()) {
            String where = files.where().isEmpty() ? "this machine" : files.where().substring(" on ".length());
            return "cannot set a CPU limit: " + where + " has no cgroup CPU controller (neither cgroup v1 'cpu' nor "
                    + "cgroup v2 with 'cpu'); leave --server-cpu-limit out";
        }
        try {
            CpuCgroups cgroups = found.get();
            cgroups.remove(cgroups.create(limit, 0));
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Override
    public String name() {
        return inner.name() + " (" + limit + ")";
    }

    @Override
    public ServerInstance start(ServerCommand command, Path log) throws IOException {
        Path group = cgroups.create(limit, counter.incrementAndGet());
        groups.add(group);
        List<String> joined = CgroupFiles.joining(cgroups.procsFile(group), command.argv());
        try {
            return new Limited(inner.start(new ServerCommand(joined, command.knownPort(), command.gcLog()), log), group);
        } catch (IOException | RuntimeException e) {
            release(group);
            throw e;
        }
    }

    private void release(Path group) {
        if (cgroups.remove(group)) {
            groups.remove(group);
        }
    }

    @Override
    public void close() {
        inner.close();
        for (Path group : Set.copyOf(groups)) {
            release(group);
        }
    }

    /** A server in its group: everything as the inner host's, its window's throttling counters, and the group removed on close. */
    private final class Limited extends ForwardingServerInstance {
        private final Path group;
        private long[] throttlingAtStart;

        Limited(ServerInstance server, Path group) {
            super(server);
            this.group = group;
        }

        @Override
        public void startSampling() {
            throttlingAtStart = cgroups.throttling(group);
            server.startSampling();
        }

        @Override
        public ServerUse stopSampling() {
            ServerUse use = server.stopSampling();
            long[] end = cgroups.throttling(group);
            if (throttlingAtStart == null || end == null) {
                return use;
            }
            return use.withThrottling(end[0] - throttlingAtStart[0], end[1] - throttlingAtStart[1],
                    (end[2] - throttlingAtStart[2]) / 1e6);
        }

        @Override
        public void close() {
            server.close();
            release(group);
        }
    }
}
