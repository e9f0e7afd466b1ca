package io.greetbench.bench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.results.LatencyFigures;
import io.greetbench.bench.results.LoadFigures;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Several drivers' windows as one: histograms added, never percentiles averaged; counts summed; any saturation shows. */
class MergedFiguresTest {
    @Test
    void percentilesComeFromTheAddedHistogramsAndCountsAreSummed() {
        Histogram fast = new Histogram(3);
        Histogram slow = new Histogram(3);
        for (int i = 0; i < 900; i++) {
            fast.recordValue(100);
        }
        for (int i = 0; i < 100; i++) {
            slow.recordValue(10_000);
        }
        LoadFigures a = figures(fast, 900, 4, Map.of("timeout", 1L, "reset", 0L), false, 0.5, 0.25);
        LoadFigures b = figures(slow, 100, 4, Map.of("timeout", 2L, "reset", 3L), true, 0.95, 0.5);
        LoadFigures merged = MergedFigures.of(List.of(a, b));

        assertEquals(1000, merged.histogram().getTotalCount(), "the merged histogram holds every driver's answers");
        assertEquals(1000, merged.requests());
        assertEquals(a.requestsPerSecond() + b.requestsPerSecond(), merged.requestsPerSecond(), 1e-9);
        assertEquals(8, merged.connections());
        // 90% of the answers took 100 µs: the merged p50 and p90 are 100 µs; averaging the drivers'
        // p50s (100 and 10,000) would have said 5,050.
        assertEquals(100, merged.latencyMicros().p50());
        assertTrue(merged.latencyMicros().p99() >= 9_990, merged.latencyMicros().toString());
        assertEquals(Map.of("timeout", 3L, "reset", 3L), merged.errors());
        assertEquals(6, merged.errorCount());
        assertTrue(merged.driverSaturated(), "one saturated driver marks the cell");
        assertEquals(0.95, merged.driverCpuUtilization(), "the busiest driver thread anywhere");
        assertEquals(2, merged.driverCpus(), "each host's CPUs, added");
    }

    @Test
    void oneDriverIsItsOwnFiguresAndAMissingHistogramIsRefused() {
        Histogram h = new Histogram(3);
        h.recordValue(5);
        LoadFigures one = figures(h, 1, 1, Map.of(), false, 0.1, 0.1);
        assertSame(one, MergedFigures.of(List.of(one)));
        LoadFigures without = new LoadFigures("t", "closed", 1, 1, 0, 0, null, 1, 1, 1, 1, 1, 0, Map.of(), 0, 0,
                new LatencyFigures(1, 1, 1, 1, 1, 1, 1, 0), 0, 0, 1, false, 1, null, null, null, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MergedFigures.of(List.of(one, without)));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void setUpIsTheSlowestDriversWithItsCountsAddedAndTheWorstEnd() {
        Histogram h = new Histogram(3);
        h.recordValue(5);
        LoadFigures base = figures(h, 1, 4, Map.of(), false, 0.1, 0.1);
        LoadFigures served = withSetup(base, 0.4, 1L, 0L, "all", 10.0);
        LoadFigures stalled = withSetup(base, 2.3, 2L, 30L, "stalled", 10.0);
        LoadFigures older = withSetup(base, 1.0, 5L, null, null, null); // a driver from before neverServed
        LoadFigures merged = MergedFigures.of(List.of(served, stalled, older));
        assertEquals(2.3, merged.setupSeconds());
        assertEquals(8L, merged.setupErrors());
        assertEquals(30L, merged.neverServed());
        assertEquals("stalled", merged.setupEnded());
        assertEquals(10.0, merged.setupDeadlineSeconds());
        LoadFigures twoOlder = MergedFigures.of(List.of(older, older));
        assertEquals(null, twoOlder.neverServed(), "no driver counted them: not known, not 0");
        assertEquals(null, twoOlder.setupEnded());
        assertEquals("deadline", MergedFigures.of(List.of(stalled, withSetup(base, 30.0, 0L, 9L, "deadline", 30.0),
                served)).setupEnded());
    }

    private static LoadFigures withSetup(LoadFigures f, Double seconds, Long errors, Long neverServed, String ended,
            Double deadline) {
        return new LoadFigures(f.target(), f.mode(), f.connections(), f.pipeline(), f.offeredRate(), f.warmupSeconds(),
                f.warmupSettled(), f.durationSeconds(), f.requests(), f.requestsPerSecond(), f.sentTotal(), f.answeredTotal(),
                f.unansweredAtEnd(), f.errors(), f.errorCount(), f.reconnects(), f.latencyMicros(), f.driverCpuUtilization(),
                f.driverCpusBusy(), f.driverCpus(), f.driverSaturated(), f.eventLoops(), f.latencyHistogram(), seconds, errors,
                neverServed, ended, deadline);
    }

    private static LoadFigures figures(Histogram h, long requests, int connections, Map<String, Long> errors,
            boolean saturated, double busiestThread, double cpusBusy) {
        return new LoadFigures("http://10.0.0.1:8080/world", "closed", connections, 1, 0, 2, null, 5, requests,
                requests / 5.0, requests, requests, 0, errors, errors.values().stream().mapToLong(Long::longValue).sum(), 0,
                new LatencyFigures(0, 0, 0, 0, 0, 0, 0, 0), busiestThread, cpusBusy, 1, saturated, 1, LoadFigures.encode(h),
                0.1, 0L, null, null, null);
    }
}
