package io.greetbench.bench.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What jcmd's and the GC log's text say, as the JDKs greetbench runs on write them. */
class JvmMemoryTest {
    private static final String SERIAL = """
            12345:
            Command executed successfully
             def new generation   total 9792K, used 3470K [0x00000000c0000000, 0x00000000c0aa0000, 0x00000000d5550000)
              eden space 8704K,  39% used [0x00000000c0000000, 0x00000000c0363a98, 0x00000000c0880000)
             tenured generation   total 21888K, used 10240K [0x00000000d5550000, 0x00000000d6ab0000, 0x0000000100000000)
             Metaspace       used 9811K, committed 10048K, reserved 1114112K
              class space    used 1133K, committed 1216K, reserved 1048576K

            Native Memory Tracking:

            Total: reserved=1633226KB, committed=96541KB
            -                 Java Heap (reserved=524288KB, committed=31680KB)
                                        (mmap: reserved=524288KB, committed=31680KB)
            -                    Thread (reserved=19518KB, committed=970KB)
                                        (stack: reserved=19456KB, committed=908KB, peak=908KB)
            -                     Other (reserved=4106KB, committed=4106KB)
            """;
    private static final String G1 = """
            garbage-first heap   total reserved 18513920K, committed 114688K, used 12709K [0x0000000396000000, 0x0000000800000000)
             region size 16384K, 0 young (0K), 0 survivors (0K)
             Metaspace       used 8278K, committed 8384K, reserved 1114112K
            """;

    @Test
    void readsTheLiveHeapOfEachCollectorAndTheNmtParts() {
        JvmMemory m = JvmMemory.parse(SERIAL);
        assertEquals((3470 + 10240) * 1024L, m.liveHeapBytes(), "both generations, not the metaspace");
        assertEquals(96541L, m.nmtCommittedKb().get("Total"));
        assertEquals(31680L, m.nmtCommittedKb().get("Java Heap"));
        assertEquals(970L, m.nmtCommittedKb().get("Thread"));
        assertEquals(4106L, m.nmtCommittedKb().get("Other"));
        assertEquals(12709 * 1024L, JvmMemory.liveHeapBytes(G1));
        assertEquals(10L << 20, JvmMemory.liveHeapBytes(" ZHeap           used 10M, capacity 20M, max capacity 100M\n"));
        assertNull(JvmMemory.liveHeapBytes("nothing a collector wrote"));
        assertEquals(0, JvmMemory.nmtCommittedKb(G1).size(), "no NMT without -XX:NativeMemoryTracking");
    }

    @Test
    void readsTheCollectorTheHeapItChoseAndTheLongestPause(@TempDir Path dir) throws Exception {
        long now = System.currentTimeMillis();
        String t = OffsetDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        String log = String.join("\n", List.of(
                "[" + t + "] Using Serial",
                "[" + t + "] Heap Max Capacity: 226M",
                "[" + t + "] GC(0) Pause Young (Allocation Failure) 3M->1M(7M) 1.739ms",
                "[" + t + "] GC(1) Pause Full (System.gc()) 5M->2M(7M) 12.250ms", ""));
        Path file = Files.writeString(dir.resolve("gc.log"), log);
        assertEquals("Serial", GcLog.collector(log));
        assertEquals(226L << 20, GcLog.heapMaxBytes(log));
        assertArrayEquals(new double[] {2, 13.989, 12.25}, GcLog.pausesBetween(file, now - 60_000, now + 60_000), 1e-9);
        assertNull(GcLog.heapMaxBytes("[" + t + "] Using G1\n"));
    }
}
