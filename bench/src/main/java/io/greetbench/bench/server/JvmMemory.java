package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a running JVM's memory goes, asked with {@code jcmd} (the server JVM's own, on its host): a full
 * collection ({@code GC.run}), then the heap in use after it ({@code GC.heap_info}), then Native Memory
 * Tracking's summary ({@code VM.native_memory summary}, when the JVM was started with it). One jcmd
 * process runs the three (commands separated by newlines, as the attach protocol allows).
 *
 * @param liveHeapBytes  the heap in use right after the full collection; null when the output was not understood
 * @param nmtCommittedKb committed KB per NMT category ({@code Total} first); empty without NMT
 * @param problem        why jcmd gave nothing, or null
 */
public record JvmMemory(Long liveHeapBytes, Map<String, Long> nmtCommittedKb, String problem) {
    private static final Duration BOUND = Duration.ofSeconds(60);
    // " def new generation   total 9792K, used 3470K [..."; "garbage-first heap   total reserved 18513920K, committed 114688K, used 12709K [..."
    private static final Pattern HEAP_USED = Pattern.compile("^\\s*(\\S.*?)\\s+total\\b.*?\\bused (\\d+)([KMG])\\b");
    // " ZHeap           used 10M, capacity 20M, max capacity 100M"
    private static final Pattern Z_HEAP_USED = Pattern.compile("^\\s*ZHeap\\s+used (\\d+)([KMG])\\b");
    // "Total: reserved=20324969KB, committed=367737KB"
    private static final Pattern NMT_TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    // "-                 Java Heap (reserved=18513920KB, committed=278528KB)"
    private static final Pattern NMT_PART = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB");

    /** Asks the JVM {@code pid} on the host of {@code shell}, with the {@code jcmd} beside {@code java} there. */
    public static JvmMemory ask(HostShell shell, Path java, long pid) {
        Path jcmd = java.resolveSibling("jcmd");
        HostShell.Result r;
        try {
            r = shell.run(List.of(jcmd.toString(), String.valueOf(pid), "GC.run\nGC.heap_info\nVM.native_memory summary"), BOUND);
        } catch (IOException e) {
            return new JvmMemory(null, Map.of(), e.getMessage());
        }
        if (!r.ok()) {
            return new JvmMemory(null, Map.of(), "jcmd exited with " + r.exit() + ": " + r.lastLine());
        }
        return parse(r.out());
    }

    /** What {@code jcmd}'s output of the three commands says. */
    static JvmMemory parse(String out) {
        return new JvmMemory(liveHeapBytes(out), nmtCommittedKb(out), null);
    }

    /** The heap in use, summed over the collector's generations, from {@code GC.heap_info}'s lines before its metaspace. */
    static Long liveHeapBytes(String heapInfo) {
        long used = 0;
        boolean any = false;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space") || line.startsWith("Native Memory Tracking")) {
                break;
            }
            Matcher m = HEAP_USED.matcher(line);
            Matcher z = Z_HEAP_USED.matcher(line);
            if (m.find()) {
                used += bytes(Long.parseLong(m.group(2)), m.group(3));
                any = true;
            } else if (z.find()) {
                used += bytes(Long.parseLong(z.group(1)), z.group(2));
                any = true;
            }
        }
        return any ? used : null;
    }

    /** NMT's committed KB per category, {@code Total} first; empty when the output has no NMT summary. */
    static Map<String, Long> nmtCommittedKb(String nmt) {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String line : nmt.split("\n")) {
            Matcher t = NMT_TOTAL.matcher(line);
            if (t.find()) {
                parts.put("Total", Long.parseLong(t.group(2)));
                continue;
            }
            Matcher p = NMT_PART.matcher(line);
            if (p.find()) {
                parts.put(p.group(1).trim(), Long.parseLong(p.group(3)));
            }
        }
        return parts;
    }

    private static long bytes(long n, String unit) {
        return n * switch (unit) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            default -> 1L << 30;
        };
    }
}
