package io.greetbench.bench.report;

/**
 * One runtime in one cell, what a measurement belongs to: runtime, scenario, connections, and its rate: the share of
 * the runtime's peak, or the requests/s every runtime was offered (as the scenario's pace says); 0
 * for a closed loop.
 */
record RuntimeCell(String runtime, String scenario, int connections, double rate) {
}
