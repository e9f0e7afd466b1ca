package io.greetbench.bench.run;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a run's servers and load are: this machine ({@link #LOCAL}), or hosts reached over ssh.
 *
 * @param serverHost    the host every server runs on ({@code --server-host}); null: this machine
 * @param driverHosts   the hosts the load comes from, one driver each ({@code --driver-hosts}); empty: this process
 * @param serverAddress the address the load goes to ({@code --server-address}); null: the server host's
 *                      HostName as ssh resolves it
 * @param sshConfig     ssh's configuration file ({@code --ssh-config}, as ssh -F); null: GREETBENCH_SSH_CONFIG, else ssh's own
 * @param remoteJava    java on the other hosts ({@code --remote-java}); null: found there as ./greetbench finds it
 */
public record Placement(String serverHost, List<String> driverHosts, String serverAddress, Path sshConfig,
        String remoteJava) {
    public static final Placement LOCAL = new Placement(null, List.of(), null, null, null);

    public Placement {
        driverHosts = driverHosts == null ? List.of() : List.copyOf(driverHosts);
    }

    /** Whether servers run on another host. */
    public boolean remoteServer() {
        return serverHost != null;
    }

    /** Whether the load comes from other hosts. */
    public boolean remoteDrivers() {
        return !driverHosts.isEmpty();
    }

    /** What is wrong with these hosts, for a person, or null; {@code hostProblem} says why a name cannot be a host. */
    public String problem(java.util.function.Function<String, String> hostProblem) {
        if (remoteDrivers() && !remoteServer()) {
            return "--driver-hosts needs --server-host: the drivers must reach the server over the network (the server "
                    + "host may be this machine's name, if it runs sshd)";
        }
        Set<String> seen = new HashSet<>();
        for (String h : driverHosts) {
            if (!seen.add(h)) {
                return "--driver-hosts names " + h + " twice; one driver per host";
            }
        }
        if (remoteServer() && seen.contains(serverHost)) {
            return serverHost + " is both the server host and a driver host: the driver would take the server's CPUs";
        }
        for (String h : remoteServer() ? concat(serverHost, driverHosts) : driverHosts) {
            String p = hostProblem.apply(h);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
