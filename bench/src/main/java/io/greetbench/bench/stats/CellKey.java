package io.greetbench.bench.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which cell of the matrix a value belongs to, independent of runtime and trial. {@code ratePercent}
 * is the open loop's offered rate as a percentage of the plaintext peak, null for closed-loop cells.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellKey(String scenario, int connections, Integer ratePercent) {

    public CellKey {
        if (scenario == null || scenario.isBlank()) {
            throw new IllegalArgumentException("a cell needs a scenario");
        }
    }

    public static CellKey closedLoop(String scenario, int connections) {
        return new CellKey(scenario, connections, null);
    }

    /** "plaintext c=64", "latency-at-rate c=64 at 50% of peak". */
    public String label() {
        String label = scenario + " c=" + connections;
        return ratePercent == null ? label : label + " at " + ratePercent + "% of peak";
    }
}
