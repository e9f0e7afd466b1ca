package io.greetbench.bench.run;

/**
 * One measurement to make: a server, a scenario, a connection count, (for the open loop) a fraction
 * of the server's plaintext peak, and which trial.
 */
record Cell(ServerLauncher server, Scenario scenario, int connections, double rateFraction, int trial) {
    String label() {
        String what = server.name() + " " + scenario.key() + " c=" + connections;
        if (scenario == Scenario.LATENCY_AT_RATE) {
            what += " at " + Math.round(rateFraction * 100) + "% of peak";
        }
        return what + " trial " + trial;
    }

    String fileStem() {
        String s = server.name() + "-" + scenario.key() + "-c" + connections;
        if (scenario == Scenario.LATENCY_AT_RATE) {
            s += "-r" + Math.round(rateFraction * 100);
        }
        return s + "-t" + trial;
    }
}
