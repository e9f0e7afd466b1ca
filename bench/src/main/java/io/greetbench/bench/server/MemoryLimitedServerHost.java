package io.greetbench.bench.server;

import io.greetbench.bench.results.ServerUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Servers of another host, each in a memory cgroup of its own, as under a container memory limit: the
 * process joins the group before it executes the server, so the JVM sizes its heap from the limit from
 * its first instruction (with {@link ContainerJvmHost}'s flags, which the inner host should give). When a
 * server stops, what the group saw is kept ({@link #lastReadings}: its peak charge, the OOM killer's kills,
 * an OutOfMemoryError on the server's output, the heap the JVM allowed itself) and the group is removed;
 * also after the OOM killer ended the server, after a failed start, and when the run is stopped.
 */
public final class MemoryLimitedServerHost extends ForwardingServerHost {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final MemoryCgroups cgroups;
    private final Long limitBytes;
    private final boolean askJvm;
    private final boolean stopWhenGone;
    private final Set<Path> groups = ConcurrentHashMap.newKeySet();
    private volatile Readings last;

    /**
     * @param limitBytes   the limit, or null for none (the group then only records the peak)
     * @param askJvm       at the end of each measured window, ask the JVM where its memory goes ({@link JvmMemory})
     * @param stopWhenGone a server that is gone during the warm-up ends the load at once (a clear verdict needs
     *                     no more of it): the server's CPU time, asked each second of an adaptive warm-up, fails
     */
    public MemoryLimitedServerHost(ServerHost inner, MemoryCgroups cgroups, Long limitBytes, boolean askJvm,
            boolean stopWhenGone) {
        super(inner);
        this.cgroups = cgroups;
        this.limitBytes = limitBytes;
        this.askJvm = askJvm;
        this.stopWhenGone = stopWhenGone;
        cgroups.removeOrphans();
    }

    /** What the group of the last server stopped saw; null before one stopped. */
    public Readings lastReadings() {
        return last;
    }

    /**
     * What a server's memory group and output said when it stopped.
     *
     * @param peakBytes        the most memory the group was charged; null when unknown
     * @param oomKills         the OOM killer's kills in the group; null when unknown
     * @param outOfMemoryError the server's line naming a {@code java.lang.OutOfMemoryError}, or null
     * @param heapMaxBytes     the largest heap the JVM allowed itself (its GC log), or null
     * @param collector        the JVM's collector (its GC log), or null
     * @param jvm              where the JVM's memory went at the window's end (when asked), or null
     * @param groupRemoved     whether its group is gone
     */
    public record Readings(Long peakBytes, Long oomKills, String outOfMemoryError, Long heapMaxBytes, String collector,
            JvmMemory jvm, boolean groupRemoved) {
        public boolean oomKilled() {
            return oomKills != null && oomKills > 0;
        }
    }

    @Override
    public String name() {
        return inner.name() + " (" + (limitBytes == null ? "no memory limit" : limitBytes / (1 << 20) + " MiB") + ")";
    }

    @Override
    public ServerInstance start(ServerCommand command, Path log) throws IOException {
        Path group = cgroups.create(limitBytes, COUNTER.incrementAndGet());
        groups.add(group);
        List<String> joined = CgroupFiles.joining(cgroups.procsFile(group), command.argv());
        try {
            return new Contained(inner.start(new ServerCommand(joined, command.knownPort(), command.gcLog()), log), group,
                    command, log);
        } catch (IOException | RuntimeException e) {
            last = new Readings(cgroups.peakBytes(group), cgroups.oomKills(group), null, null, null, null, release(group));
            throw e;
        }
    }

    private boolean release(Path group) {
        boolean gone = cgroups.remove(group);
        if (gone) {
            groups.remove(group);
        }
        return gone;
    }

    /** Removes the groups of servers still here; the servers themselves are the inner host's to stop. */
    @Override
    public void close() {
        inner.close();
        for (Path group : Set.copyOf(groups)) {
            release(group);
        }
    }

    /** The first line of {@code output} that names an OutOfMemoryError (from the error's name on), or null. */
    static String outOfMemoryError(String output) {
        for (String line : output.split("\n")) {
            int at = line.indexOf("OutOfMemoryError");
            if (at < 0) {
                at = line.indexOf("OutOfDirectMemoryError");
            }
            if (at >= 0) {
                int from = line.lastIndexOf(' ', at) + 1;
                String text = line.substring(from).strip();
                return text.length() > 200 ? text.substring(0, 200) + "…" : text;
            }
        }
        return null;
    }

    /** A server in its group: everything as the inner host's; on close, the group's readings kept and the group removed. */
    private final class Contained extends ForwardingServerInstance {
        private final Path group;
        private final ServerCommand command;
        private final Path log;
        private volatile JvmMemory jvm;

        Contained(ServerInstance server, Path group, ServerCommand command, Path log) {
            super(server);
            this.group = group;
            this.command = command;
            this.log = log;
        }

        @Override
        public double cpuSeconds() {
            if (stopWhenGone && !server.alive()) {
                throw new IllegalStateException("the server is gone (" + server.exitDescription() + ")");
            }
            return server.cpuSeconds();
        }

        @Override
        public ServerUse stopSampling() {
            ServerUse use = server.stopSampling();
            if (askJvm && server.alive()) {
                jvm = JvmMemory.ask(shell(), site().java(), server.pid());
            }
            return use;
        }

        @Override
        public void close() {
            server.close();
            String gcLog = "";
            if (command.gcLog() != null) {
                Path here = Files.exists(command.gcLog()) ? command.gcLog() : log.resolveSibling(command.gcLog().getFileName());
                gcLog = GcLog.read(here);
            }
            Long peak = cgroups.peakBytes(group);
            Long kills = cgroups.oomKills(group);
            last = new Readings(peak, kills, outOfMemoryError(ServerLog.read(log)), GcLog.heapMaxBytes(gcLog),
                    GcLog.collector(gcLog), jvm, release(group));
        }
    }
}
