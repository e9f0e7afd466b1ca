package io.greetbench.bench.report;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.RunEnvironment;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.Pace;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.Scenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A run's measurements grouped by cell, in the order they were measured; the runtimes skipped; and the
 * lines of the scenarios that are not cells (memory limits, start-up: {@link ContainerResults}).
 */
final class ResultsIndex {
    private final Map<RuntimeCell, CellTrials> cells = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();
    /** A/A twins and windows the gate discarded: kept out of every runtime's trials, read by the precision section. */
    private final List<Measurement> twins = new ArrayList<>();
    private final List<Measurement> discarded = new ArrayList<>();
    private final List<Measurement> notCells = new ArrayList<>();
    private ContainerResults container;
    private final RunEnvironment env;

    ResultsIndex(List<Measurement> measurements, RunEnvironment env) {
        this.env = env;
        for (Measurement m : measurements) {
            if (m.status() == Status.SKIPPED) {
                skipped.add(m.runtime() + ": " + m.reason());
                continue;
            }
            if (m.container() || Scenarios.find(m.scenario()).map(s -> !s.cells()).orElse(false)) {
                notCells.add(m);
                continue;
            }
            if (m.status() == Status.DISCARDED) {
                discarded.add(m);
                continue;
            }
            if (m.measuredAsTwin()) {
                twins.add(m);
                continue;
            }
            RuntimeCell key = new RuntimeCell(m.runtime(), m.scenario(), m.connections() == null ? 0 : m.connections(), rateOf(m));
            CellTrials cell = cells.computeIfAbsent(key, k -> new CellTrials(k, m.reference()));
            if (m.ok()) {
                cell.ok.add(m);
            } else {
                cell.failures.add("trial " + m.trial() + ": " + m.reason());
            }
        }
    }

    /** The cell's rate: the offered requests/s where every runtime gets the same, else the share of its peak. */
    static double rateOf(Measurement m) {
        boolean fixed = Scenarios.find(m.scenario()).map(s -> s.pace() == Pace.FIXED_RATES).orElse(false);
        return fixed && m.offeredRate() != null ? m.offeredRate() : m.rateFractionOrZero();
    }

    /** The A/A twins, in the order measured. */
    List<Measurement> twins() {
        return twins;
    }

    /** The windows the gate discarded, in the order measured. */
    List<Measurement> discarded() {
        return discarded;
    }

    Collection<CellTrials> cells() {
        return cells.values();
    }

    List<CellTrials> cellsOf(String scenario) {
        return cells.values().stream().filter(c -> c.scenario().equals(scenario)).toList();
    }

    CellTrials cell(String runtime, String scenario, int connections, double rate) {
        return cells.get(new RuntimeCell(runtime, scenario, connections, rate));
    }

    /**
     * The trial count most cells have (ok trials; the larger on a tie): what the page states once, so
     * that only cells with another count need to say theirs. 0 when nothing was measured.
     */
    int usualTrials() {
        Map<Integer, Long> counts = cells.values().stream().filter(CellTrials::measured)
                .collect(Collectors.groupingBy(c -> c.ok.size(), java.util.TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0);
    }

    /** The most ok trials of any cell: 1 means the whole run is one trial per cell, and has no intervals. */
    int maxTrials() {
        return cells.values().stream().mapToInt(c -> c.ok.size()).max().orElse(0);
    }

    /** The rates measured in {@code scenario}, ascending. */
    List<Double> ratesOf(String scenario) {
        return cellsOf(scenario).stream().map(c -> c.key.rate()).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    List<String> skipped() {
        return skipped;
    }

    RunEnvironment env() {
        return env;
    }

    /** Runtimes in the order first measured (in cells, then in the memory and start-up scenarios). */
    List<String> runtimes() {
        List<String> names = cells.values().stream().map(CellTrials::runtime).distinct().collect(Collectors.toList());
        notCells.stream().map(Measurement::runtime).filter(r -> !names.contains(r)).distinct().forEach(names::add);
        return names;
    }

    /** The memory and start-up scenarios' lines, in the order measured. */
    ContainerResults container() {
        if (container == null) {
            container = new ContainerResults(notCells);
        }
        return container;
    }

    /** The scenarios measured, known ones in greetbench's order. */
    List<Scenario> scenarios() {
        List<String> present = cells.values().stream().map(CellTrials::scenario).distinct().toList();
        return Scenarios.all().stream().filter(s -> present.contains(s.key())).toList();
    }

    /** Connection counts measured in {@code scenario}, ascending. */
    List<Integer> connectionsOf(String scenario) {
        return cellsOf(scenario).stream().map(CellTrials::connections)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    /**
     * The per-request wait {@code scenario} ran with, as recorded: by each measurement, or (older
     * results) in the run's options; else the scenario's own.
     */
    Duration recordedWait(Scenario scenario) {
        Long ms = cellsOf(scenario.key()).stream().flatMap(c -> c.ok.stream()).map(Measurement::waitMillis)
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (ms == null && scenario.waits()) {
            ms = env.optionsOrNone().ioWaitMillis();
        }
        return ms == null ? scenario.requestWait() : Duration.ofMillis(ms);
    }
}
