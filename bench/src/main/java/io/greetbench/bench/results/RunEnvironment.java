package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code environment.json}: the machine, the JVM and its flags, every runtime library's version, the
 * git commit and the exact command, so a report always says what produced its numbers. The machine
 * fields describe this machine, where greetbench ran; a run with {@code --server-host} or
 * {@code --driver-hosts} describes each of those in {@link #hosts}.
 *
 * @param network this machine's connection limits (absent in older results)
 * @param hosts   the other hosts of the run, each as read on it (absent when everything ran here)
 * @param cpuCheck the CPU check before the run and the CPUs it chose (absent when the CPUs were given
 *                 or in older results)
 * @param cpuChecksBetweenRounds the short checks of every CPU between rounds (written at the end of the run)
 * @param added    the runs of other scenarios added to this one later ({@code greetbench add}), each with its own
 *                 environment; absent when none was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunEnvironment(String startedAt, String command, String cpuModel, Integer cpus, String onlineCpus,
        String memTotal, String kernel, String os, String serverJava, String serverJavaVersion,
        List<String> serverJvmFlags, String driverJava, String driverJavaVersion, String serverCpus, String driverCpus,
        Map<String, String> libraries, String nginx, String python3Aiohttp, String gitCommit, Boolean gitDirty,
        RecordedOptions options, NetworkLimits network, List<HostEnvironment> hosts, CpuSurvey cpuCheck,
        List<CpuReadings> cpuChecksBetweenRounds, List<AddedRun> added) {

    public static final String NAME = "environment.json";

    /** What a results folder without {@code environment.json} says: nothing. */
    public static final RunEnvironment UNKNOWN = new RunEnvironment(null, null, null, null, null, null, null, null, null,
            null, List.of(), null, null, null, null, Map.of(), null, null, null, null, RecordedOptions.NONE, null, null, null, null, null);

    /** The same, with the checks of every CPU taken between rounds. */
    public RunEnvironment withCpuChecksBetweenRounds(List<CpuReadings> checks) {
        return new RunEnvironment(startedAt, command, cpuModel, cpus, onlineCpus, memTotal, kernel, os, serverJava,
                serverJavaVersion, serverJvmFlags, driverJava, driverJavaVersion, serverCpus, driverCpus, libraries, nginx,
                python3Aiohttp, gitCommit, gitDirty, options, network, hosts, cpuCheck, List.copyOf(checks), added);
    }

    /** The same, with one more run added to it. */
    public RunEnvironment withAdded(AddedRun run) {
        List<AddedRun> all = new java.util.ArrayList<>(addedOrNone());
        all.add(run);
        return new RunEnvironment(startedAt, command, cpuModel, cpus, onlineCpus, memTotal, kernel, os, serverJava,
                serverJavaVersion, serverJvmFlags, driverJava, driverJavaVersion, serverCpus, driverCpus, libraries, nginx,
                python3Aiohttp, gitCommit, gitDirty, options, network, hosts, cpuCheck, cpuChecksBetweenRounds, List.copyOf(all));
    }

    public List<AddedRun> addedOrNone() {
        return added == null ? List.of() : added;
    }

    public boolean known() {
        return startedAt != null;
    }

    public RecordedOptions optionsOrNone() {
        return options == null ? RecordedOptions.NONE : options;
    }

    public void write(Path dir) throws IOException {
        ResultsFile.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(NAME).toFile(), this);
    }

    public static RunEnvironment read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        return Files.exists(file) ? ResultsFile.JSON.readValue(file.toFile(), RunEnvironment.class) : UNKNOWN;
    }
}
