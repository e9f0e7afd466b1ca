package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One other host of a run ({@code --server-host}, {@code --driver-hosts}), as read on it over ssh
 * when the run began.
 *
 * @param host        its name as given on the command line
 * @param role        {@code server} or {@code driver}
 * @param address     the address ssh connects to (its {@code HostName})
 * @param cpuModel    {@code model name} of its /proc/cpuinfo
 * @param cpus        its CPUs ({@code nproc --all})
 * @param onlineCpus  its online CPUs, as a list (e.g. 0-15)
 * @param pinnedCpus  the CPUs greetbench's processes there were pinned to; absent: all
 * @param memTotal    its memory
 * @param kernel      {@code uname -sr}
 * @param os          {@code PRETTY_NAME} of its /etc/os-release
 * @param java        the java greetbench ran there
 * @param javaVersion that java's {@code -version}, first line
 * @param jvmFlags    the flags greetbench ran it with (the servers add their heap)
 * @param network     its connection limits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HostEnvironment(String host, String role, String address, String cpuModel, Integer cpus, String onlineCpus,
        String pinnedCpus, String memTotal, String kernel, String os, String java, String javaVersion,
        List<String> jvmFlags, NetworkLimits network) {
}
