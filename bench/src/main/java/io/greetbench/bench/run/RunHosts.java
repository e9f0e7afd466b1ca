package io.greetbench.bench.run;

import io.greetbench.bench.driver.LoadSource;
import io.greetbench.bench.driver.LocalLoadSource;
import io.greetbench.bench.results.HostEnvironment;
import io.greetbench.bench.server.CpuCgroups;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.bench.server.CpuLimitedServerHost;
import io.greetbench.bench.server.LocalServerHost;
import io.greetbench.bench.server.ServerHost;
import io.greetbench.bench.server.ServerSite;
import java.util.List;

/**
 * Where a run's servers run and its load comes from: this machine ({@link #local}), or other hosts
 * (built by the CLI over ssh). Closing it stops everything still running on every host.
 *
 * @param server    where servers run
 * @param limited   the same host, each server in a cgroup with the run's CPU limit; null when no scenario needs one
 * @param load      where the load comes from
 * @param described the other hosts as read on them, for environment.json; null when everything is here
 */
public record RunHosts(ServerHost server, ServerHost limited, LoadSource load, List<HostEnvironment> described)
        implements AutoCloseable {

    /** Everything on this machine: servers pinned to the server CPUs, the load from this process. */
    public static RunHosts local(RunOptions options) {
        ServerHost host = new LocalServerHost(options.serverCpus(),
                ServerSite.local(options.serverJava(), options.serverJvmFlags()));
        CpuLimit budget = options.anyBudget();
        ServerHost limited = budget == null ? null : new CpuLimitedServerHost(host, budget,
                CpuCgroups.find().orElseThrow(() -> new IllegalStateException(CpuLimitedServerHost.problem(budget))));
        return new RunHosts(host, limited, new LocalLoadSource(), null);
    }

    /** The host of {@code budget}'s servers: the limited one, or the plain one without a budget. */
    ServerHost serverFor(CpuLimit budget) {
        return budget == null ? server : limited;
    }

    /** Stops every server (then removes their cgroups) and every driver still running. */
    @Override
    public void close() {
        try {
            if (limited != null) {
                limited.close();
            }
            server.close();
        } finally {
            load.close();
        }
    }
}
