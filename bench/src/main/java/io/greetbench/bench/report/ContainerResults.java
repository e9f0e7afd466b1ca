package io.greetbench.bench.report;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.MemoryFigures;
import io.greetbench.bench.results.MemorySearch;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.stats.BisectedLimit;
import io.greetbench.bench.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The lines of the scenarios that are not cells, put together per runtime: the memory scenario's
 * windows without a limit (where the memory goes), its steps and each round's search result, and the
 * start-up scenario's starts. Figures over rounds (or starts) are {@link Spread}s, as a cell's over trials.
 */
final class ContainerResults {
    private final List<Measurement> lines;

    ContainerResults(List<Measurement> lines) {
        this.lines = List.copyOf(lines);
    }

    boolean anyMemory() {
        return lines.stream().anyMatch(m -> m.memory() != null || m.memorySearch() != null);
    }

    boolean anySearch() {
        return lines.stream().anyMatch(m -> m.memorySearch() != null);
    }

    boolean anyStartup() {
        return lines.stream().anyMatch(m -> Scenarios.STARTUP.key().equals(m.scenario()));
    }

    /** Each round's search result for {@code runtime}, in round order. */
    List<Measurement> searches(String runtime) {
        return lines.stream().filter(m -> m.runtime().equals(runtime) && m.memorySearch() != null).toList();
    }

    /** The smallest limit that held, MiB, over the rounds whose search found one. */
    Spread limitFoundMib(String runtime) {
        return Spread.of(searches(runtime).stream().map(m -> m.memorySearch().foundBytes()).filter(Objects::nonNull)
                .map(b -> b / 1048576.0).toList());
    }

    /** Each round's lower end of its last step's span ({@link MemorySearch#belowBytes}), MiB. */
    Spread limitBelowMib(String runtime) {
        return Spread.of(searches(runtime).stream().map(m -> m.memorySearch().belowBytes()).filter(Objects::nonNull)
                .map(b -> b / 1048576.0).toList());
    }

    /** The smallest limit that holds, over rounds, MiB, by {@link BisectedLimit}'s rule; null when no round found one. */
    Interval limitFound(String runtime) {
        return BisectedLimit.of(limitFoundMib(runtime).values(), limitBelowMib(runtime).values(), ReportStatistics.BOOTSTRAP);
    }

    /** How long each round's search took (its unlimited windows included), seconds. */
    Spread searchSeconds(String runtime) {
        return Spread.of(searches(runtime).stream().map(m -> m.memorySearch().seconds()).toList());
    }

    /** The connection count the limits were searched at (the scenario's largest), or 0. */
    int searchedAt() {
        return lines.stream().filter(m -> m.memorySearch() != null && m.connections() != null).mapToInt(Measurement::connections)
                .max().orElse(0);
    }

    /** The steps of {@code runtime}'s search in {@code round}, in order. */
    List<Measurement> steps(String runtime, int round) {
        return lines.stream().filter(m -> m.runtime().equals(runtime) && Objects.equals(m.trial(), round) && m.memory() != null
                && MemoryFigures.STEP.equals(m.memory().phase())).toList();
    }

    /** The rounds of the memory scenario {@code runtime} has lines in. */
    List<Integer> rounds(String runtime) {
        return lines.stream().filter(m -> m.runtime().equals(runtime) && (m.memory() != null || m.memorySearch() != null))
                .map(Measurement::trial).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** The connection counts of the unlimited windows, ascending. */
    List<Integer> baselineCounts() {
        return new ArrayList<>(lines.stream().filter(m -> m.memory() != null && m.memory().baseline() && m.connections() != null)
                .map(Measurement::connections).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    /** {@code runtime}'s unlimited windows at {@code connections} that were measured, one per round. */
    List<Measurement> baselines(String runtime, int connections) {
        return lines.stream().filter(m -> m.runtime().equals(runtime) && Objects.equals(m.connections(), connections)
                && m.memory() != null && m.memory().baseline() && m.ok()).toList();
    }

    /** A figure of the unlimited windows over rounds (null values skipped). */
    Spread baseline(String runtime, int connections, Function<Measurement, Number> figure) {
        return Spread.of(baselines(runtime, connections).stream().map(figure).filter(Objects::nonNull)
                .map(Number::doubleValue).filter(v -> !Double.isNaN(v)).toList());
    }

    /** Live heap after a full collection, MiB. */
    static Number liveHeapMib(Measurement m) {
        Long b = m.memory().liveHeapBytes();
        return b == null ? null : b / 1048576.0;
    }

    /** An NMT category's committed memory, MiB. */
    static Function<Measurement, Number> nmtMib(String... categories) {
        return m -> {
            Map<String, Long> nmt = m.memory().nmtCommittedKb();
            if (nmt == null) {
                return null;
            }
            long kb = 0;
            boolean any = false;
            for (String c : categories) {
                Long v = nmt.get(c);
                if (v != null) {
                    kb += v;
                    any = true;
                }
            }
            return any ? kb / 1024.0 : null;
        };
    }

    /** NMT parts that come and go with the JIT's compilations, not with connections: left out of the footprint. */
    static final List<String> TRANSIENT = List.of("Arena Chunk", "Compiler");

    /**
     * The JVM's footprint without its garbage: live heap plus every committed part but the heap (NMT), the
     * JIT's transient arenas left out, bytes.
     */
    static Number footprintBytes(Measurement m) {
        Long live = m.memory().liveHeapBytes();
        Map<String, Long> nmt = m.memory().nmtCommittedKb();
        if (live == null || nmt == null || nmt.get("Total") == null || nmt.get("Java Heap") == null) {
            return null;
        }
        long nonHeapKb = nmt.get("Total") - nmt.get("Java Heap") - TRANSIENT.stream().mapToLong(k -> nmt.getOrDefault(k, 0L)).sum();
        return live + nonHeapKb * 1024.0;
    }

    static Number liveHeapBytes(Measurement m) {
        return m.memory().liveHeapBytes();
    }

    static Number rssBytes(Measurement m) {
        return m.server() == null || m.server().rssPeakKb() == null ? null : m.server().rssPeakKb() * 1024.0;
    }

    /**
     * Memory per connection, bytes: per round, the slope of {@code figure} between the fewest and the most
     * connections of the unlimited windows; over the rounds whose two windows both have it.
     */
    Spread perConnection(String runtime, Function<Measurement, Number> figure) {
        List<Integer> counts = baselineCounts();
        if (counts.size() < 2) {
            return Spread.NONE;
        }
        int low = counts.get(0);
        int high = counts.get(counts.size() - 1);
        List<Double> slopes = new ArrayList<>();
        for (Measurement h : baselines(runtime, high)) {
            Number vh = figure.apply(h);
            Measurement l = baselines(runtime, low).stream().filter(x -> Objects.equals(x.trial(), h.trial())).findFirst()
                    .orElse(null);
            Number vl = l == null ? null : figure.apply(l);
            if (vh != null && vl != null) {
                slopes.add((vh.doubleValue() - vl.doubleValue()) / (high - low));
            }
        }
        return Spread.of(slopes);
    }

    /** {@code runtime}'s starts that answered. */
    List<Measurement> starts(String runtime) {
        return lines.stream().filter(m -> m.runtime().equals(runtime) && m.startup() != null).toList();
    }

    /** Starts of {@code runtime} that failed, with their reasons. */
    List<String> failedStarts(String runtime) {
        return lines.stream().filter(m -> m.runtime().equals(runtime) && Scenarios.STARTUP.key().equals(m.scenario())
                && m.startup() == null).map(m -> "start " + m.trial() + ": " + m.reason()).toList();
    }

    Spread startupMillis(String runtime) {
        return Spread.of(starts(runtime).stream().map(m -> m.startup().firstAnswerMillis()).toList());
    }

    Spread startupRssMib(String runtime) {
        return Spread.of(starts(runtime).stream().map(m -> m.startup().rssKb()).filter(Objects::nonNull)
                .map(kb -> kb / 1024.0).toList());
    }

    /** The heap the JVM allowed itself at {@code runtime}'s limits found, MiB: the step that held at the limit found. */
    Spread heapAtLimitMib(String runtime) {
        List<Double> values = new ArrayList<>();
        for (Measurement s : searches(runtime)) {
            Long found = s.memorySearch().foundBytes();
            steps(runtime, s.trial()).stream().filter(m -> found != null && found.equals(m.memory().limitBytes())
                    && Boolean.TRUE.equals(m.memory().held()) && m.memory().heapMaxBytes() != null).findFirst()
                    .ifPresent(m -> values.add(m.memory().heapMaxBytes() / 1048576.0));
        }
        return Spread.of(values);
    }

    /** The collectors the memory scenario's JVMs ran with, by runtime. */
    String collector(String runtime) {
        return lines.stream().filter(m -> m.runtime().equals(runtime) && m.server() != null && m.server().gcCollector() != null)
                .map(m -> m.server().gcCollector()).findFirst().orElse(null);
    }
}
