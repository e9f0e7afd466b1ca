package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.greetbench.bench.load.ErrorKind;
import io.greetbench.bench.load.LoadResult;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What the load driver saw in one measured window, as stored: the fields of {@code greetbench load
 * --json} and of every measurement in {@code results.jsonl}.
 *
 * @param mode                 {@code closed} or {@code open}
 * @param offeredRate          open loop: the rate asked for (req/s); 0 for the closed loop
 * @param warmupSettled        adaptive warm-up: whether it settled before its maximum; null for a fixed one
 * @param requests             correct answers in the window
 * @param unansweredAtEnd      requests still waiting when the window closed (in the latencies by their age)
 * @param errors               errors in the window by kind ({@link ErrorKind#key()})
 * @param driverCpuUtilization the busiest driver thread's CPU time over the window (1.0 = a full core)
 * @param driverCpusBusy       how busy the driver's CPUs were, softirq included (0..1; -1 unknown)
 * @param driverSaturated      whether the driver, not the server, may have set the pace
 * @param latencyHistogram     the window's latency HdrHistogram (µs), compressed and base64-encoded, so
 *                             histograms can be merged and plotted later; absent in older results
 * @param setupSeconds         how long opening the connections took (absent in older results)
 * @param setupErrors          connections that failed, or were closed, before their first answer, apart from
 *                             {@code errors}; in results without {@code neverServed}, it counts those too
 * @param neverServed          connections with no first answer (and no failure) when set-up ended: not served
 *                             (or not opened) within the set-up's deadline or stall; not errors (absent in
 *                             older results)
 * @param setupEnded           how set-up ended: {@code all}, {@code stalled} or {@code deadline} (absent in older results)
 * @param setupDeadlineSeconds set-up's deadline (absent in older results)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadFigures(String target, String mode, int connections, int pipeline, double offeredRate,
        double warmupSeconds, Boolean warmupSettled, double durationSeconds, long requests, double requestsPerSecond,
        long sentTotal, long answeredTotal, long unansweredAtEnd, Map<String, Long> errors, long errorCount,
        long reconnects, LatencyFigures latencyMicros, double driverCpuUtilization, double driverCpusBusy,
        int driverCpus, boolean driverSaturated, int eventLoops, String latencyHistogram, Double setupSeconds,
        Long setupErrors, Long neverServed, String setupEnded, Double setupDeadlineSeconds) {

    public static LoadFigures of(LoadResult r) {
        Map<String, Long> errors = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind.key(), r.errors().getOrDefault(kind, 0L));
        }
        Histogram h = r.latency();
        boolean any = h.getTotalCount() > 0;
        LatencyFigures latency = new LatencyFigures(r.latencyMicros(50), r.latencyMicros(90), r.latencyMicros(99),
                r.latencyMicros(99.9), r.latencyMicros(99.99), any ? h.getMaxValue() : 0, any ? h.getMean() : 0,
                any ? h.getStdDeviation() : 0);
        return new LoadFigures(r.target(), r.mode(), r.connections(), r.pipeline(), r.offeredRate(), r.warmupSeconds(),
                r.warmupSettled(), r.durationSeconds(), r.requests(), r.requestsPerSecond(), r.sentTotal(),
                r.answeredTotal(), r.unansweredAtEnd(), errors, r.errorCount(), r.reconnects(), latency,
                r.driverCpuUtilization(), r.driverCpusBusy(), r.driverCpus(), r.driverSaturated(), r.eventLoops(),
                encode(h), r.setupSeconds(), r.setupErrors(), r.neverServed(), r.setupEnded(),
                r.setupDeadlineSeconds());
    }

    /**
     * Connections with no first answer when set-up ended, not failures; 0 in older results, whose
     * {@link #setupErrors} counted them.
     */
    public long neverServedCount() {
        return neverServed == null ? 0 : neverServed;
    }

    /** Connections that failed before their first answer; 0 when not recorded. */
    public long setupErrorCount() {
        return setupErrors == null ? 0 : setupErrors;
    }

    /** The latency histogram, decoded; null when these figures were stored without one. */
    public Histogram histogram() {
        if (latencyHistogram == null) {
            return null;
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(latencyHistogram)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            return null;
        }
    }

    public static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }
}
