package io.greetbench.bench.run;

import io.greetbench.bench.scenario.Scenario;

/**
 * One measurement to make: a server, a scenario, a connection count, (for an open loop) a rate,
 * which trial (round), and its place in that round's order (from 1).
 */
record Cell(ServerLauncher server, Scenario scenario, int connections, double rate, int trial, int position) {
    String label() {
        return server.name() + " " + scenario.key() + " c=" + connections + rateText(" at ", "% of peak", " req/s")
                + " trial " + trial;
    }

    String fileStem() {
        return server.name() + "-" + scenario.key() + "-c" + connections + rateText("-r", "", "") + "-t" + trial;
    }

    private String rateText(String before, String shareUnit, String rateUnit) {
        return switch (scenario.pace()) {
            case CLOSED -> "";
            case SHARE_OF_PEAK -> before + Math.round(rate * 100) + shareUnit;
            case FIXED_RATES -> before + Math.round(rate) + rateUnit;
        };
    }
}
