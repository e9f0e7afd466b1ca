package io.greetbench.bench.run;

import io.greetbench.bench.scenario.Scenario;

/** One cell of the matrix, every runtime and round in it: a scenario at a connection count and (open loop) a rate. */
record CellGroup(Scenario scenario, int connections, double rate) {
    boolean contains(io.greetbench.bench.results.Measurement m) {
        if (!scenario.key().equals(m.scenario()) || m.connections() == null || m.connections() != connections) {
            return false;
        }
        return switch (scenario.pace()) {
            case CLOSED -> true;
            case SHARE_OF_PEAK -> Math.abs(m.rateFractionOrZero() - rate) < 1e-9;
            case FIXED_RATES -> m.offeredRate() != null && Math.abs(m.offeredRate() - rate) < 1e-6;
        };
    }

    /** The same cell as findings name it. */
    io.greetbench.bench.stats.CellKey key() {
        return io.greetbench.bench.stats.CellKey.of(scenario.pace(), scenario.key(), connections, rate);
    }

    String label() {
        return scenario.key() + " c=" + connections + switch (scenario.pace()) {
            case CLOSED -> "";
            case SHARE_OF_PEAK -> " at " + Math.round(rate * 100) + "% of peak";
            case FIXED_RATES -> " at " + Math.round(rate) + " req/s";
        };
    }
}
