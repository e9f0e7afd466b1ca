package io.greetbench.bench.driver;

import io.greetbench.bench.results.DriverFigures;
import io.greetbench.bench.results.LoadFigures;
import java.util.List;

/**
 * What a cell's load saw: the window's figures (several drivers' merged), and each driver host's
 * own when the load came from other hosts (else null).
 */
public record LoadOutcome(LoadFigures figures, List<DriverFigures> drivers) {
}
