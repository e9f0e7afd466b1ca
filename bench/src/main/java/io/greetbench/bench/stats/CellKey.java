package io.greetbench.bench.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * Which cell of the matrix a value belongs to, independent of runtime and trial. {@code ratePercent}
 * is the open loop's offered rate as a percentage of each runtime's own plaintext peak (share-of-peak
 * scenarios); {@code offeredRate} the requests/s every runtime was offered alike (fixed-rate
 * scenarios, e.g. equal work). Both are null for closed-loop cells; at most one is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellKey(String scenario, int connections, Integer ratePercent, Double offeredRate) {

    public CellKey {
        if (scenario == null || scenario.isBlank()) {
            throw new IllegalArgumentException("a cell needs a scenario");
        }
        if (ratePercent != null && offeredRate != null) {
            throw new IllegalArgumentException("a cell is at a share of peak or at a fixed rate, not both");
        }
    }

    /** A cell at a share of each runtime's peak (or closed loop when {@code ratePercent} is null). */
    public CellKey(String scenario, int connections, Integer ratePercent) {
        this(scenario, connections, ratePercent, null);
    }

    public static CellKey closedLoop(String scenario, int connections) {
        return new CellKey(scenario, connections, null, null);
    }

    /** A cell where every runtime was offered the same {@code requestsPerSecond}. */
    public static CellKey atRate(String scenario, int connections, double requestsPerSecond) {
        return new CellKey(scenario, connections, null, requestsPerSecond);
    }

    /**
     * The cell of a scenario paced as {@code pace} at {@code connections} and {@code rate} (a share of
     * peak, 0.5 for 50%, or requests/s at fixed rates; ignored in a closed loop).
     */
    public static CellKey of(io.greetbench.bench.scenario.Pace pace, String scenario, int connections, double rate) {
        return switch (pace) {
            case CLOSED -> closedLoop(scenario, connections);
            case SHARE_OF_PEAK -> new CellKey(scenario, connections, (int) Math.round(rate * 100));
            case FIXED_RATES -> atRate(scenario, connections, rate);
        };
    }

    /** "plaintext c=64", "latency-at-rate c=64 at 50% of peak", "equal-work c=128 at 15,000 req/s". */
    public String label() {
        String label = scenario + " c=" + connections;
        if (ratePercent != null) {
            return label + " at " + ratePercent + "% of peak";
        }
        return offeredRate == null ? label : label + String.format(Locale.ROOT, " at %,.0f req/s", offeredRate);
    }
}
