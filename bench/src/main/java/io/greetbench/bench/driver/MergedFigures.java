package io.greetbench.bench.driver;

import io.greetbench.bench.results.LatencyFigures;
import io.greetbench.bench.results.LoadFigures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One window's figures from several drivers' windows: their HdrHistograms added (percentiles are
 * read from the sum, never averaged), counts and rates summed, the busiest driver's CPU, and
 * saturated when any driver was. Set-up took as long as the slowest driver's, and ended as the
 * worst did (a deadline over a stall over every connection settled).
 */
public final class MergedFigures {
    /** How set-up ends, from the best to the worst. */
    private static final List<String> SETUP_ENDS = List.of("all", "stalled", "deadline");

    private MergedFigures() {
    }

    /** {@code parts} merged; each must carry its histogram. */
    public static LoadFigures of(List<LoadFigures> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Histogram total = new Histogram(3);
        Map<String, Long> errors = new LinkedHashMap<>();
        LoadFigures first = parts.get(0);
        int connections = 0;
        int driverCpus = 0;
        int eventLoops = 0;
        double offeredRate = 0;
        double warmup = 0;
        double duration = 0;
        double rate = 0;
        double busiestThread = 0;
        double busiestCpus = -1;
        long requests = 0;
        long sent = 0;
        long answered = 0;
        long unanswered = 0;
        long errorCount = 0;
        long reconnects = 0;
        Double setupSeconds = null;
        Long setupErrors = null;
        Long neverServed = null;
        String setupEnded = null;
        Double setupDeadline = null;
        boolean saturated = false;
        for (LoadFigures p : parts) {
            Histogram h = p.histogram();
            if (h == null) {
                throw new IllegalArgumentException("a driver's figures came without their histogram: " + p.target());
            }
            total.add(h);
            p.errors().forEach((kind, n) -> errors.merge(kind, n, Long::sum));
            connections += p.connections();
            driverCpus += Math.max(0, p.driverCpus());
            eventLoops += p.eventLoops();
            offeredRate += p.offeredRate();
            warmup = Math.max(warmup, p.warmupSeconds());
            duration = Math.max(duration, p.durationSeconds());
            rate += p.requestsPerSecond(); // each over its own window: the windows overlap, they do not follow one another
            busiestThread = Math.max(busiestThread, p.driverCpuUtilization());
            busiestCpus = Math.max(busiestCpus, p.driverCpusBusy());
            requests += p.requests();
            sent += p.sentTotal();
            answered += p.answeredTotal();
            unanswered += p.unansweredAtEnd();
            errorCount += p.errorCount();
            reconnects += p.reconnects();
            if (p.setupSeconds() != null) {
                setupSeconds = Math.max(setupSeconds == null ? 0 : setupSeconds, p.setupSeconds());
            }
            if (p.setupErrors() != null) {
                setupErrors = (setupErrors == null ? 0 : setupErrors) + p.setupErrors();
            }
            if (p.neverServed() != null) {
                neverServed = (neverServed == null ? 0 : neverServed) + p.neverServed();
            }
            if (p.setupEnded() != null
                    && (setupEnded == null || SETUP_ENDS.indexOf(p.setupEnded()) > SETUP_ENDS.indexOf(setupEnded))) {
                setupEnded = p.setupEnded();
            }
            if (p.setupDeadlineSeconds() != null) {
                setupDeadline = Math.max(setupDeadline == null ? 0 : setupDeadline, p.setupDeadlineSeconds());
            }
            saturated |= p.driverSaturated();
        }
        boolean any = total.getTotalCount() > 0;
        LatencyFigures latency = new LatencyFigures(at(total, 50), at(total, 90), at(total, 99), at(total, 99.9),
                at(total, 99.99), any ? total.getMaxValue() : 0, any ? total.getMean() : 0, any ? total.getStdDeviation() : 0);
        return new LoadFigures(first.target(), first.mode(), connections, first.pipeline(), offeredRate, warmup,
                first.warmupSettled(), duration, requests, rate, sent, answered, unanswered, errors, errorCount, reconnects,
                latency, busiestThread, busiestCpus, driverCpus, saturated, eventLoops, LoadFigures.encode(total),
                setupSeconds, setupErrors, neverServed, setupEnded, setupDeadline);
    }

    private static long at(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile);
    }
}
