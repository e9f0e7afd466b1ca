package io.greetbench.bench.report;

/** Which cell a measurement belongs to: runtime, scenario, connections, and the share of its peak (0 if none). */
record CellKey(String runtime, String scenario, int connections, double rateFraction) {
}
