package io.greetbench.bench.guide;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.MemorySearch;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.RunEnvironment;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.Pace;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.stats.BisectedLimit;
import io.greetbench.bench.stats.Bootstrap;
import io.greetbench.bench.stats.CellInterval;
import io.greetbench.bench.stats.CellKey;
import io.greetbench.bench.stats.Finding;
import io.greetbench.bench.stats.Findings;
import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.stats.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A results folder as the guide reads it: the pairs and intervals of its findings.json (the report's
 * verdicts, not judged again here), and the measured windows of its results.jsonl for the figures
 * findings.json does not hold (memory, threads, errors). A/A twins and discarded windows are not a
 * runtime's trials, as in the report.
 */
final class GuideData {
    private final Path dir;
    private final Findings findings;
    private final RunEnvironment env;
    /** The ok windows of each cell, by runtime, in the order measured. */
    private final Map<CellKey, Map<String, List<Measurement>>> trials = new LinkedHashMap<>();

    private GuideData(Path dir, Findings findings, List<Measurement> measurements, RunEnvironment env) {
        this.dir = dir;
        this.findings = findings;
        this.env = env;
        for (Measurement m : measurements) {
            // a start-up line and a memory search's result have no load: their figures are their own (GuideMetric.withoutWindow)
            boolean ownLine = m.status() == Status.OK && (m.startup() != null || m.memorySearch() != null);
            // a step of the memory search ran under the limit it tested: not a trial of its cell
            boolean step = m.memory() != null && !m.memory().baseline();
            boolean measured = m.ok() && !step || ownLine;
            if (!measured || m.measuredAsTwin() || m.scenario() == null || m.connections() == null) {
                continue;
            }
            trials.computeIfAbsent(cellOf(m), k -> new LinkedHashMap<>()).computeIfAbsent(m.runtime(), k -> new ArrayList<>()).add(m);
        }
    }

    /** Reads {@code dir}'s findings.json, results.jsonl and environment.json; findings.json must be there. */
    static GuideData read(Path dir) throws IOException {
        Path file = dir.resolve(Findings.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " has no " + Findings.FILE + ": give a results folder of a run with its report "
                    + "written (./greetbench report " + dir + ")");
        }
        return new GuideData(dir, Findings.read(file), ResultsFile.read(dir), RunEnvironment.read(dir));
    }

    static GuideData of(Path dir, Findings findings, List<Measurement> measurements, RunEnvironment env) {
        return new GuideData(dir, findings, measurements, env);
    }

    /** The cell a measurement belongs to, named as findings.json names it (the report's one mapping, {@link CellKey#of}). */
    static CellKey cellOf(Measurement m) {
        Pace pace = Scenarios.find(m.scenario()).map(Scenario::pace)
                .orElse(m.rateFractionOrZero() > 0 ? Pace.SHARE_OF_PEAK : Pace.CLOSED);
        double rate = pace == Pace.FIXED_RATES ? (m.offeredRate() == null ? 0 : m.offeredRate()) : m.rateFractionOrZero();
        return CellKey.of(pace, m.scenario(), m.connections(), rate);
    }

    Path dir() {
        return dir;
    }

    Findings findings() {
        return findings;
    }

    RunEnvironment env() {
        return env;
    }

    /** Every cell measured or compared, findings.json's first. */
    List<CellKey> cells() {
        List<CellKey> cells = new ArrayList<>();
        findings.findings().forEach(f -> add(cells, f.cell()));
        findings.intervals().forEach(i -> add(cells, i.cell()));
        trials.keySet().forEach(c -> add(cells, c));
        return cells;
    }

    private static void add(List<CellKey> cells, CellKey cell) {
        if (!cells.contains(cell)) {
            cells.add(cell);
        }
    }

    /** The metrics findings.json compares in {@code cell}. */
    List<Metric> comparedMetrics(CellKey cell) {
        return findings.findings().stream().filter(f -> f.cell().equals(cell)).map(Finding::metric).distinct().toList();
    }

    /** The runtimes with a figure in {@code cell}, in the order first seen. */
    List<String> runtimes(CellKey cell) {
        List<String> names = new ArrayList<>();
        findings.intervals().stream().filter(i -> i.cell().equals(cell)).map(CellInterval::runtime).forEach(r -> {
            if (!names.contains(r)) {
                names.add(r);
            }
        });
        trials.getOrDefault(cell, Map.of()).keySet().forEach(r -> {
            if (!names.contains(r)) {
                names.add(r);
            }
        });
        return names;
    }

    /** The pair as findings.json has it, read as A against B (ratio A/B) whichever way round it was stored. */
    Optional<Finding> finding(CellKey cell, Metric metric, String a, String b) {
        for (Finding f : findings.findings()) {
            if (!f.cell().equals(cell) || f.metric() != metric) {
                continue;
            }
            if (f.runtimeA().equals(a) && f.runtimeB().equals(b)) {
                return Optional.of(f);
            }
            if (f.runtimeA().equals(b) && f.runtimeB().equals(a)) {
                return Optional.of(f.reversed());
            }
        }
        return Optional.empty();
    }

    /** The runtimes findings.json pairs with {@code runtime} in this cell and metric. */
    List<String> partners(CellKey cell, Metric metric, String runtime) {
        List<String> partners = new ArrayList<>();
        for (Finding f : findings.findings()) {
            if (f.cell().equals(cell) && f.metric() == metric) {
                if (f.runtimeA().equals(runtime)) {
                    partners.add(f.runtimeB());
                } else if (f.runtimeB().equals(runtime)) {
                    partners.add(f.runtimeA());
                }
            }
        }
        return partners;
    }

    /** The runtime's trial values of {@code metric} in {@code cell}, in the order measured (missing ones left out). */
    List<Double> values(CellKey cell, String runtime, GuideMetric metric) {
        return windows(cell, runtime).stream().map(metric::of).filter(v -> !Double.isNaN(v)).toList();
    }

    List<Measurement> windows(CellKey cell, String runtime) {
        return trials.getOrDefault(cell, Map.of()).getOrDefault(runtime, List.of());
    }

    /** Every window of {@code cell}, all runtimes. */
    List<Measurement> windows(CellKey cell) {
        return trials.getOrDefault(cell, Map.of()).values().stream().flatMap(List::stream).toList();
    }

    /** Every window of {@code scenario}, all cells. */
    List<Measurement> windows(String scenario) {
        return trials.entrySet().stream().filter(e -> e.getKey().scenario().equals(scenario))
                .flatMap(e -> e.getValue().values().stream()).flatMap(List::stream).toList();
    }

    /**
     * The runtime's median in the cell with its 95% interval: findings.json's where it has one (the
     * report's figure), else bootstrapped from the trials with findings.json's seed and resamples.
     * Empty when the runtime has no such figure there.
     */
    Optional<Interval> median(CellKey cell, String runtime, GuideMetric metric) {
        if (metric == GuideMetric.MEMORY_LIMIT) {
            return memoryLimit(cell, runtime);
        }
        if (metric.compared != null) {
            Optional<Interval> recorded = findings.intervals().stream()
                    .filter(i -> i.cell().equals(cell) && i.runtime().equals(runtime) && i.metric() == metric.compared)
                    .map(CellInterval::interval).findFirst();
            if (recorded.isPresent()) {
                return recorded;
            }
        }
        List<Double> values = values(cell, runtime, metric);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bootstrap().median(values));
    }

    /** findings.json's bootstrap (its seed and resamples), so that a figure here is the report's. */
    private Bootstrap bootstrap() {
        return new Bootstrap(findings.resamples(), findings.seed());
    }

    /** The memory limit over the rounds' searches, by the report's rule ({@link BisectedLimit}), KiB. */
    private Optional<Interval> memoryLimit(CellKey cell, String runtime) {
        List<MemorySearch> found = windows(cell, runtime).stream().map(Measurement::memorySearch)
                .filter(s -> s != null && s.foundBytes() != null).toList();
        return Optional.ofNullable(BisectedLimit.of(found.stream().map(s -> s.foundBytes() / 1024.0).toList(),
                found.stream().map(s -> s.belowBytes() / 1024.0).toList(), bootstrap()));
    }

    /**
     * The number of trials most cells have (the larger on a tie), as the report states it once; 0
     * when nothing was measured.
     */
    int usualTrials() {
        Map<Integer, Long> counts = trials.values().stream().flatMap(m -> m.values().stream())
                .collect(Collectors.groupingBy(List::size, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0);
    }

    /** Distinct non-null values of a field of a scenario's windows, ascending. */
    <T extends Comparable<T>> List<T> distinct(String scenario, java.util.function.Function<Measurement, T> field) {
        return windows(scenario).stream().map(field).filter(Objects::nonNull).distinct().sorted().toList();
    }
}
