package io.greetbench.bench.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each runtime's closed-loop peaks, kept as a run goes, for the scenarios that load a runtime at a
 * share of its own peak: per trial, the best error-free throughput over the connection counts.
 */
final class PeakBook {
    private final Map<String, Map<Integer, Double>> best = new HashMap<>(); // "runtime|scenario" -> trial -> best

    void record(String runtime, String scenario, int trial, double requestsPerSecond) {
        best.computeIfAbsent(runtime + "|" + scenario, k -> new HashMap<>()).merge(trial, requestsPerSecond, Math::max);
    }

    /** The peak: the median over trials of each trial's best; null when none was recorded. */
    Double peak(String runtime, String scenario) {
        Map<Integer, Double> perTrial = best.get(runtime + "|" + scenario);
        if (perTrial == null || perTrial.isEmpty()) {
            return null;
        }
        List<Double> values = new ArrayList<>(perTrial.values());
        values.sort(null);
        return values.get(values.size() / 2);
    }
}
