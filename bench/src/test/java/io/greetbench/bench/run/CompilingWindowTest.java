package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.greetbench.bench.results.LatencyFigures;
import io.greetbench.bench.results.LoadFigures;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.results.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server's windows judged by how much of its CPU its JIT compiler took in them. */
class CompilingWindowTest {
    /** A window at {@code connections} in which the server used 2 s of CPU, {@code jitSeconds} of it compiling. */
    private static Measurement window(int connections, Status status, Double jitSeconds) {
        return window(connections, status, jitSeconds, true);
    }

    private static Measurement window(int connections, Status status, Double jitSeconds, boolean warmupSettled) {
        ServerUse use = new ServerUse(2.0, 0.5, 7.5, 100_000L, 100_000.0, 15, 15.0, 0L, 0.0).withJit(jitSeconds);
        LoadFigures load = new LoadFigures("http://127.0.0.1:1/world", "closed", connections, 1, 0, 3, warmupSettled, 4, 266_000,
                66_500, 0, 0, 0, Map.of(), 0, 0, new LatencyFigures(500, 900, 2000, 4000, 5000, 6000, 600, 100), 0.5, 0.5, 1,
                false, 1, null, 0.1, 0L, null, null, null);
        return new Measurement("netty", false, "capacity", connections, 1, 0.0, null, 0L, 5000L, 0.5, 1, 1,
                "2026-12-02T00:00:00Z", status, status == Status.OK ? null : "no answer", 1L, 100L, null, load, use);
    }

    @Test
    void aWindowWhoseCompilerTookOverFivePercentOfTheServersCpuDiscardsTheServersWindowsAndSaysWhich() {
        String reason = CompilingWindow.judge(List.of(window(256, Status.OK, 0.02), window(10_000, Status.OK, 0.5)));
        assertEquals("the server's JIT compiler took 25.0% of its CPU in the window at 10,000 connections (over 5%): "
                + "the server was still compiling, not yet warm", reason);
    }

    @Test
    void upToTheLimitUnknownOrAFailedWindowIsNoReason() {
        assertNull(CompilingWindow.judge(List.of(window(256, Status.OK, 0.1)))); // 5.0%: at the limit, kept
        assertNull(CompilingWindow.judge(List.of(window(256, Status.OK, null))), "not read (a server on another host)");
        assertNull(CompilingWindow.judge(List.of(window(256, Status.FAILED, 1.0))), "a failed window is judged by its failure");
        assertNull(CompilingWindow.judge(List.of(window(256, Status.OK, 0.0))), "not a JVM");
        assertNull(CompilingWindow.judge(List.of(window(256, Status.OK, 0.26, false))),
                "a warm-up that ran to its most without settling: kept, and reported as not settled");
    }
}
