package io.greetbench.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one load run: throughput, latency (µs, from the HdrHistogram of the measured
 * window), errors by kind, and how busy the driver itself was.
 *
 * @param target               the URL loaded
 * @param mode                 {@code closed} or {@code open}
 * @param connections          connections asked for
 * @param pipeline             pipelining depth
 * @param offeredRate          open loop: the rate asked for (req/s); 0 for the closed loop
 * @param warmupSeconds        unrecorded warm-up
 * @param durationSeconds      the measured window, as it really lasted
 * @param requests             correct answers in the window
 * @param sentTotal            requests written over the whole run, warm-up included
 * @param errors               errors in the window, by kind
 * @param reconnects           connections reopened in the window
 * @param latency              latencies of the correct answers, µs
 * @param driverCpuUtilization busiest driver thread's CPU time over the window (1.0 = a full core)
 * @param eventLoops           driver threads
 */
public record LoadResult(String target, String mode, int connections, int pipeline, double offeredRate,
        double warmupSeconds, double durationSeconds, long requests, long sentTotal, Map<ErrorKind, Long> errors,
        long reconnects, Histogram latency, double driverCpuUtilization, int eventLoops) {

    /** A driver thread busier than this was likely the limit, not the server. */
    public static final double DRIVER_SATURATED = 0.90;

    public double requestsPerSecond() {
        return durationSeconds > 0 ? requests / durationSeconds : 0;
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean driverSaturated() {
        return driverCpuUtilization >= DRIVER_SATURATED;
    }

    /** Latency at a percentile, µs; 0 without answers. */
    public long latencyMicros(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile);
    }

    /** The fields of {@code --json}, in a stable order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("mode", mode);
        m.put("connections", connections);
        m.put("pipeline", pipeline);
        m.put("offeredRate", offeredRate);
        m.put("warmupSeconds", warmupSeconds);
        m.put("durationSeconds", durationSeconds);
        m.put("requests", requests);
        m.put("requestsPerSecond", requestsPerSecond());
        m.put("sentTotal", sentTotal);
        Map<String, Long> errorMap = new LinkedHashMap<>();
        errors.forEach((kind, count) -> errorMap.put(kind.key(), count));
        m.put("errors", errorMap);
        m.put("errorCount", errorCount());
        m.put("reconnects", reconnects);
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("p50", latencyMicros(50));
        lat.put("p90", latencyMicros(90));
        lat.put("p99", latencyMicros(99));
        lat.put("p999", latencyMicros(99.9));
        lat.put("p9999", latencyMicros(99.99));
        lat.put("max", latency.getTotalCount() == 0 ? 0 : latency.getMaxValue());
        lat.put("mean", latency.getTotalCount() == 0 ? 0 : latency.getMean());
        lat.put("stdev", latency.getTotalCount() == 0 ? 0 : latency.getStdDeviation());
        m.put("latencyMicros", lat);
        m.put("driverCpuUtilization", driverCpuUtilization);
        m.put("driverSaturated", driverSaturated());
        m.put("eventLoops", eventLoops);
        return m;
    }
}
