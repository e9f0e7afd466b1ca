package io.greetbench.bench.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags of a server sized as a container image sizes it: no {@code -Xms}/{@code -Xmx}, the heap
 * a share of the memory the JVM sees (a memory cgroup's limit, when it runs in one), so that the
 * limit, not a fixed heap, decides how far the heap may grow.
 */
public final class ContainerFlags {
    /**
     * The heap: three quarters of the memory the JVM sees, the share container images commonly set. Both
     * flags, because below about 250 MB the JVM takes {@code MinRAMPercentage} (50% by default) instead of
     * {@code MaxRAMPercentage}: with one alone, the heap would be half of a small limit and three quarters
     * of a large one. And {@code -Xms16m}: the initial heap the JVM takes by itself in a 1 GiB container
     * (1/64 of its memory), the same for every server, so that one without a limit starts as a container's
     * JVM would and not with 1/64 of the whole machine (377 MB of 24 GB here, a head start in young
     * generation no container JVM gets, which would make every limited window look slower).
     */
    public static final List<String> HEAP = List.of("-XX:MaxRAMPercentage=75", "-XX:MinRAMPercentage=75", "-Xms16m");
    /**
     * An OutOfMemoryError ends the JVM (and says so on its output), as container deployments commonly
     * set: a JVM that goes on after one serves in a state nobody measured.
     */
    public static final String EXIT_ON_OUT_OF_MEMORY = "-XX:+ExitOnOutOfMemoryError";
    /** Native Memory Tracking, summary level: what each part of the JVM committed (it costs a little memory and CPU). */
    public static final String NATIVE_MEMORY_TRACKING = "-XX:NativeMemoryTracking=summary";

    private ContainerFlags() {
    }

    /** {@code flags} without the fixed heap of {@link ServerSite#HEAP}, then {@link #HEAP}, then {@code extra}. */
    public static List<String> of(List<String> flags, List<String> extra) {
        List<String> out = new ArrayList<>(flags);
        out.removeAll(ServerSite.HEAP);
        out.addAll(HEAP);
        out.addAll(extra);
        return out;
    }

    /** {@code site} with its JVM flags as {@link #of} makes them. */
    public static ServerSite site(ServerSite site, List<String> extra) {
        return new ServerSite(site.host(), site.local(), site.java(), site.classPath(), of(site.jvmFlags(), extra),
                site.bindAddress(), site.scratch());
    }
}
