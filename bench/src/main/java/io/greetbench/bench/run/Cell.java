package io.greetbench.bench.run;

import io.greetbench.bench.scenario.Scenario;

/**
 * One measurement to make: a server, a scenario, a connection count, (for an open loop) a rate,
 * which trial (round), its place in that round's order (from 1), and whether it is the round's A/A
 * twin (the same runtime measured a second time, as if it were another).
 */
record Cell(ServerLauncher server, Scenario scenario, int connections, double rate, int trial, int position,
        boolean twin) {
    Cell(ServerLauncher server, Scenario scenario, int connections, double rate, int trial, int position) {
        this(server, scenario, connections, rate, trial, position, false);
    }

    String label() {
        return server.name() + (twin ? " (A/A twin)" : "") + " " + scenario.key() + " c=" + connections
                + rateText(" at ", "% of peak", " req/s") + " trial " + trial;
    }

    String fileStem() {
        return server.name() + "-" + scenario.key() + "-c" + connections + rateText("-r", "", "") + "-t" + trial
                + (twin ? "-aa" : "");
    }

    /** The same cell at another place in its round. */
    Cell at(int newPosition) {
        return new Cell(server, scenario, connections, rate, trial, newPosition, twin);
    }

    /** Which cell of the matrix (all runtimes, all rounds) this is. */
    CellGroup group() {
        return new CellGroup(scenario, connections, rate);
    }

    private String rateText(String before, String shareUnit, String rateUnit) {
        return switch (scenario.pace()) {
            case CLOSED -> "";
            case SHARE_OF_PEAK -> before + Math.round(rate * 100) + shareUnit;
            case FIXED_RATES -> before + Math.round(rate) + rateUnit;
        };
    }
}
