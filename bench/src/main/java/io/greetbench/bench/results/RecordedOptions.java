package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The options a run was given, as {@code environment.json} records them.
 *
 * @param runtimes         the runtimes asked for
 * @param scenarios        scenario keys, in the order run
 * @param sweeps           per scenario, the connection counts and rates (absent in older results)
 * @param ioWaitMillis     older results only: io-wait's wait, before each measurement recorded its own
 * @param warmupSeconds    the least warm-up per measurement
 * @param warmupMaxSeconds the most (equal to the least: a fixed warm-up)
 * @param durationSeconds  the measured window
 * @param trials           repetitions of every cell
 * @param serverCpuLimit   the CPU limit the user gave, in CPUs (every scenario that allows one ran under it)
 * @param cpuBudget        the CPU limit of the scenarios that always run under one (capacity)
 * @param precision        the precision asked for (0.05: ±5%); absent in older results
 * @param maxMinutes       the time the run could take, added rounds included (0: none added)
 * @param windowGate       whether windows taken while the server's CPU ran slow were discarded and measured again
 * @param twins            whether every cell had an A/A twin in every round
 * @param cpuPeriodMicros  the CFS period of every CPU limit, µs (absent in older results: 10 ms)
 * @param jvmFlags         the flags given with {@code --jvm-flags}, passed to every JVM server after its own
 * @param containerJvmFlags the heap flags of the memory and start-up scenarios' servers, in place of the
 *                         run's {@code -Xms}/{@code -Xmx}: the JVM sizes its heap from the memory it sees
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordedOptions(List<String> runtimes, List<String> scenarios, List<ScenarioSweep> sweeps,
        Long ioWaitMillis, Double warmupSeconds, Double warmupMaxSeconds, Double durationSeconds, Integer trials,
        Double serverCpuLimit, Double cpuBudget, Double precision, Double maxMinutes, Boolean windowGate, Boolean twins,
        Long cpuPeriodMicros, List<String> jvmFlags,
        List<String> containerJvmFlags) {

    public static final RecordedOptions NONE = new RecordedOptions(List.of(), List.of(), List.of(), null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    /** Without a CPU period or flags, as older runs recorded them. */
    public RecordedOptions(List<String> runtimes, List<String> scenarios, List<ScenarioSweep> sweeps, Long ioWaitMillis,
            Double warmupSeconds, Double warmupMaxSeconds, Double durationSeconds, Integer trials, Double serverCpuLimit,
            Double cpuBudget) {
        this(runtimes, scenarios, sweeps, ioWaitMillis, warmupSeconds, warmupMaxSeconds, durationSeconds, trials,
                serverCpuLimit, cpuBudget, null, null, null, null, null, null, null);
    }

    /** Whether the warm-up went on past its least until the server's cost per request settled. */
    public boolean adaptiveWarmup() {
        return warmupMaxSeconds != null && warmupSeconds != null && warmupMaxSeconds > warmupSeconds;
    }
}
