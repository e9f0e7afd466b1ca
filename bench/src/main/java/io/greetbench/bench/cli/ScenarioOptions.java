package io.greetbench.bench.cli;

import io.greetbench.bench.run.ScenarioPlan;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.Scenarios;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which scenarios a run measures and at what: every scenario's defaults come from the scenario
 * itself; {@code --connections} and {@code --rates} change them for every scenario, or for one
 * ({@code io-wait=64,1024}).
 */
final class ScenarioOptions {
    @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
            description = "Scenarios, in this order: ${COMPLETION-CANDIDATES} (default: capacity, equal-work, io-wait).",
            completionCandidates = ScenarioNames.class)
    List<String> scenarios;

    @Option(names = "--connections", paramLabel = "[SCENARIO=]N,N...",
            description = "Connection counts: for every scenario (--connections 256), or for one "
                + "(--connections io-wait=64,1024); repeatable. Default: each scenario's own (see 'greetbench scenarios').")
    List<String> connections = new ArrayList<>();

    @Option(names = "--rates", paramLabel = "[SCENARIO=]R,R...",
            description = "Open-loop rates (latency-at-rate: shares of the runtime's own peak, 0.25,0.5), for every "
                + "open-loop scenario or for one; repeatable. Default: each scenario's own.")
    List<String> rates = new ArrayList<>();

    /** The names picocli lists as completion candidates and in --help. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Scenarios.all().stream().map(Scenario::key).iterator();
        }
    }

    List<ScenarioPlan> plans() {
        List<Scenario> chosen = scenarios == null ? Scenarios.defaultRun() : scenarios.stream().map(Scenarios::of).toList();
        Map<String, List<Integer>> counts = perScenario(connections, "--connections", Integer::parseInt);
        Map<String, List<Double>> shares = perScenario(rates, "--rates", Double::parseDouble);
        List<ScenarioPlan> plans = new ArrayList<>();
        for (Scenario s : chosen) {
            List<Integer> c = counts.getOrDefault(s.key(), counts.getOrDefault("", s.defaultConnections()));
            List<Double> r = shares.getOrDefault(s.key(), s.openLoop() ? shares.getOrDefault("", s.defaultRates()) : List.of());
            plans.add(new ScenarioPlan(s, c, r));
        }
        for (String key : counts.keySet()) {
            requireChosen(key, chosen, "--connections");
        }
        for (String key : shares.keySet()) {
            requireChosen(key, chosen, "--rates");
        }
        return plans;
    }

    private static void requireChosen(String key, List<Scenario> chosen, String option) {
        if (!key.isEmpty() && chosen.stream().noneMatch(s -> s.key().equals(key))) {
            throw new IllegalArgumentException(option + " names " + key + ", which this run does not measure (scenarios: "
                    + String.join(", ", chosen.stream().map(Scenario::key).toList()) + ")");
        }
    }

    /** "io-wait=64,1024" → {io-wait: [64, 1024]}; a bare list is filed under "". */
    private static <T> Map<String, List<T>> perScenario(List<String> values, String option,
            java.util.function.Function<String, T> parse) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            String key = eq < 0 ? "" : Scenarios.of(v.substring(0, eq)).key();
            try {
                out.put(key, Arrays.stream(v.substring(eq + 1).split(",")).map(String::trim).map(parse).toList());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(option + " takes [SCENARIO=]VALUE,VALUE... (got '" + v + "')");
            }
        }
        return out;
    }
}
