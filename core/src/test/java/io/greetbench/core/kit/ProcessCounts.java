package io.greetbench.core.kit;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a server running in this JVM holds, from /proc/self and the JVM's memory beans: threads, open
 * file descriptors, heap plus JDK direct buffers after a full collection, and resident memory (which
 * also sees native memory the JDK does not count, such as Netty's own direct allocations).
 */
record ProcessCounts(long threads, long fds, long memoryBytes, long rssBytes) {

    static ProcessCounts now() throws IOException {
        long memory = memoryAfterGc();
        return new ProcessCounts(count(Path.of("/proc/self/task")), count(Path.of("/proc/self/fd")), memory, rss());
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.count();
        }
    }

    /** Heap in use after a full GC, plus direct buffers (Netty's pooled arenas live there). */
    static long memoryAfterGc() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            direct += pool.getMemoryUsed();
        }
        return heap + direct;
    }

    @Override
    public String toString() {
        return threads + " threads, " + fds + " fds, " + memoryBytes / (1024 * 1024) + " MiB after GC, RSS "
                + rssBytes / (1024 * 1024) + " MiB";
    }
}
