package io.greetbench.bench.run;

import io.greetbench.bench.results.ScenarioSweep;
import io.greetbench.bench.scenario.Scenario;
import java.util.List;

/**
 * One scenario as a run measures it: its connection counts, and for an open loop its rates (shares
 * of each runtime's peak, or requests/s, as the scenario's pace says).
 */
public record ScenarioPlan(Scenario scenario, List<Integer> connections, List<Double> rates) {
    public ScenarioPlan {
        connections = List.copyOf(connections);
        rates = List.copyOf(rates);
        if (connections.isEmpty() || connections.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException(scenario.key() + ": connection counts must be at least 1 (got " + connections + ")");
        }
        if (scenario.openLoop() && (rates.isEmpty() || rates.stream().anyMatch(r -> !(r > 0)))) {
            throw new IllegalArgumentException(scenario.key() + " needs positive rates (got " + rates + ")");
        }
    }

    /** The scenario with its own defaults. */
    public static ScenarioPlan defaults(Scenario scenario) {
        return new ScenarioPlan(scenario, scenario.defaultConnections(), scenario.defaultRates());
    }

    /** The rates to measure at; a single 0 for a closed loop. */
    List<Double> ratesOrClosed() {
        return scenario.openLoop() ? rates : List.of(0.0);
    }

    ScenarioSweep recorded() {
        return new ScenarioSweep(scenario.key(), connections, rates);
    }
}
