package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The CPU check before a run: every CPU's readings of the same fixed work, taken in turn over a few
 * seconds, and where that put the server and the driver, and why.
 *
 * @param at          when the check ran (ISO-8601)
 * @param cpus        each CPU's readings, summarised
 * @param serverCpus  the CPUs chosen for the servers
 * @param driverCpus  the CPUs chosen for the driver
 * @param explanation the choice, for a person
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CpuSurvey(String at, List<CpuReadings> cpus, String serverCpus, String driverCpus, String explanation) {
    public CpuSurvey {
        cpus = cpus == null ? List.of() : List.copyOf(cpus);
    }
}
