package io.greetbench.bench.remote;

import io.greetbench.bench.driver.LoadSource;
import io.greetbench.bench.driver.LocalLoadSource;
import io.greetbench.bench.load.CpuBusy;
import io.greetbench.bench.results.HostEnvironment;
import io.greetbench.bench.run.Placement;
import io.greetbench.bench.run.RunHosts;
import io.greetbench.bench.run.RunOptions;
import io.greetbench.bench.server.CpuCgroups;
import io.greetbench.bench.server.CpuLimit;
import io.greetbench.bench.server.CpuLimitedServerHost;
import io.greetbench.bench.server.HostFiles;
import io.greetbench.bench.server.ServerHost;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A run's hosts when they are other machines: connects to each over ssh (all at once), prepares it
 * (its JDK, greetbench copied, a scratch folder), checks the CPU lists against it, and builds the
 * server host (CPU-limited through that host's own cgroups when a scenario needs a limit) and the
 * load source (this process, or one driver per driver host).
 */
public final class SshHosts {
    private SshHosts() {
    }

    /** The options as they stand once the hosts are known (the default CPU limit follows their CPUs), and the hosts. */
    public record Opened(RunOptions options, RunHosts hosts) {
    }

    /** Opens every host of {@code options}' placement; an IOException names each host that is not usable and why. */
    public static Opened open(RunOptions given, Path root, PrintStream log) throws IOException, InterruptedException {
        Placement placement = given.placement();
        Ssh ssh = Ssh.configured(placement.sshConfig());
        Path jdkScript = root.resolve("bench/scripts/jdk.sh");
        if (!Files.isRegularFile(jdkScript)) {
            throw new IOException("cannot find " + jdkScript + ", which finds the JDK on the other hosts: run greetbench "
                    + "from its folder (./greetbench)");
        }
        List<String> names = new ArrayList<>(List.of(placement.serverHost()));
        names.addAll(placement.driverHosts());
        Map<String, RemoteHost> opened;
        try (Bundle bundle = Bundle.ofThisJvm()) {
            log.println("greetbench: preparing " + String.join(", ", names) + " over ssh (greetbench " + bundle.hash() + ")");
            opened = openAll(ssh, names, placement.remoteJava(), bundle, jdkScript, log);
        }
        RemoteHost server = opened.get(placement.serverHost());
        List<RemoteHost> drivers = placement.driverHosts().stream().map(opened::get).toList();
        checkCpus(server, given.serverCpus(), "--server-cpus");
        for (RemoteHost d : drivers) {
            checkCpus(d, given.driverCpus(), "--driver-cpus");
        }
        RunOptions options = given.serverCpuLimit() != null ? given
                : given.withDefaultBudget(CpuLimit.halfTheDriver(cpus(given.serverCpus(), server.cpus()),
                        drivers.isEmpty() ? cpus(given.driverCpus(), Runtime.getRuntime().availableProcessors())
                                : drivers.stream().mapToInt(d -> cpus(given.driverCpus(), d.cpus())).sum()));
        String address = placement.serverAddress() != null ? placement.serverAddress() : server.address();
        String listenAddress = server.listenAddress(address);
        server.makeScratch();
        SshServerHost host = new SshServerHost(server, options.serverCpus(), address, listenAddress, log);
        ServerHost limited = null;
        CpuLimit budget = options.anyBudget();
        if (budget != null) {
            HostFiles files = HostFiles.through(server.shell());
            String problem = CpuLimitedServerHost.problem(budget, files);
            if (problem != null) {
                host.close();
                throw new IOException(problem);
            }
            limited = new CpuLimitedServerHost(host, budget, CpuCgroups.find(files).orElseThrow());
        }
        LoadSource load = drivers.isEmpty() ? new LocalLoadSource() : new SshLoadSource(drivers, options.driverCpus(), log);
        List<HostEnvironment> described = new ArrayList<>(List.of(server.describe("server", options.serverCpus())));
        drivers.forEach(d -> described.add(d.describe("driver", options.driverCpus())));
        return new Opened(options, new RunHosts(host, limited, load, described));
    }

    /** Why a CPU limit cannot be set on the server host of {@code placement}, or null; an IOException when it cannot be reached. */
    public static String cpuLimitProblem(Placement placement, CpuLimit limit) throws IOException {
        Ssh ssh = Ssh.configured(placement.sshConfig());
        SshShell shell = new SshShell(ssh, placement.serverHost());
        shell.run(List.of("true"), Duration.ofSeconds(30));
        return CpuLimitedServerHost.problem(limit, HostFiles.through(shell));
    }

    /** Every host, prepared at once; the failures of all of them in one message. */
    private static Map<String, RemoteHost> openAll(Ssh ssh, List<String> names, String remoteJava, Bundle bundle,
            Path jdkScript, PrintStream log) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            Map<String, Future<RemoteHost>> pending = new LinkedHashMap<>();
            for (String name : names) {
                pending.put(name, pool.submit(() -> RemoteHost.open(ssh, name, remoteJava, bundle, jdkScript, log)));
            }
            Map<String, RemoteHost> opened = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (var e : pending.entrySet()) {
                try {
                    opened.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException failure) {
                    Throwable cause = failure.getCause();
                    problems.add(cause instanceof IOException ? cause.getMessage() : e.getKey() + ": " + cause);
                }
            }
            if (!problems.isEmpty()) {
                throw new IOException(String.join("; ", problems));
            }
            return opened;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Checks that {@code list} (if given) names CPUs {@code host} has, and that it can pin to them. */
    private static void checkCpus(RemoteHost host, String list, String option) throws IOException {
        if (list == null) {
            return;
        }
        BitSet wanted = CpuBusy.parseList(list);
        String online = host.onlineCpus();
        if (!online.isBlank()) {
            BitSet has = CpuBusy.parseList(online);
            BitSet missing = (BitSet) wanted.clone();
            missing.andNot(has);
            if (!missing.isEmpty()) {
                throw new IOException(option + " " + list + ": " + host.name() + " has CPUs " + online + " only");
            }
        }
        if (!host.hasTaskset()) {
            throw new IOException(option + " needs taskset on " + host.name() + " (apt-get install util-linux there), "
                    + "or leave " + option + " out to use all its CPUs");
        }
    }

    /** How many CPUs {@code list} names, or {@code all} when there is no list. */
    private static int cpus(String list, int all) {
        return list == null ? all : CpuBusy.parseList(list).cardinality();
    }
}
