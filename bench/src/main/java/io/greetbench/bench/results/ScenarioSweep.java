package io.greetbench.bench.results;

import java.util.List;

/**
 * What a run measured of one scenario: its connection counts, and for an open loop its rates
 * (shares of each runtime's peak, or absolute requests/s, as the scenario says).
 */
public record ScenarioSweep(String scenario, List<Integer> connections, List<Double> rates) {
}
