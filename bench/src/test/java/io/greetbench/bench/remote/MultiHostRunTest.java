package io.greetbench.bench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.results.DriverFigures;
import io.greetbench.bench.results.HostEnvironment;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.RunEnvironment;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.server.CommandRun;
import io.greetbench.bench.server.CpuCgroups;
import io.greetbench.bench.server.Processes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --server-host --driver-hosts} end to end on one machine: an orchestrator, a server host
 * and two driver hosts, each a network namespace with its own sshd ({@code bench/scripts/netns-hosts.sh}),
 * joined by a bridge inside the orchestrator's namespace; every load stays inside them. Each host
 * gets its own copy of greetbench. Needs root and openssh-server (CI has both); skipped elsewhere,
 * saying why. Everything is torn down afterwards, also when a test fails.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHostRunTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("bench/scripts/netns-hosts.sh");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final List<String> HOSTS = List.of("server", "d1", "d2");

    private static Path base;
    private static Path state;
    private static String orchestrator;
    /** Namespace of each host (server, d1, d2) and the PID of its sshd. */
    private static final java.util.Map<String, String> NAMESPACE = new java.util.HashMap<>();
    private static final java.util.Map<String, Long> SSHD = new java.util.HashMap<>();

    @BeforeAll
    static void setUpHosts() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to create network namespaces (CI runs as root)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "needs /usr/sbin/sshd (apt-get install openssh-server)");
        String probe = "gbprobe-" + ProcessHandle.current().pid();
        var made = run(List.of("ip", "netns", "add", probe));
        assumeTrue(made.ok(), "cannot create a network namespace here: " + made.lastLine());
        run(List.of("ip", "netns", "del", probe));

        base = Files.createTempDirectory("greetbench-netns"); // this user's alone, kept to the end
        state = base.resolve("hosts"); // the script makes it, and refuses one that exists
        var up = run(List.of(SCRIPT.toString(), "up", state.toString(), "2"));
        if (!up.ok()) {
            tearDownHosts();
            throw new AssertionError("could not set up the hosts: " + up.err() + up.out());
        }
        for (String line : Files.readAllLines(state.resolve("namespaces"))) {
            String[] f = line.split(" ");
            if (f[1].equals("orchestrator")) {
                orchestrator = f[0];
            } else {
                String host = f[0].substring(f[0].lastIndexOf('-') + 1);
                NAMESPACE.put(host, f[0]);
                SSHD.put(host, Long.parseLong(f[3]));
            }
        }
    }

    @AfterAll
    static void tearDownHosts() throws Exception {
        if (state == null) {
            return;
        }
        Set<String> namespaces = new HashSet<>(NAMESPACE.values());
        if (orchestrator != null) {
            namespaces.add(orchestrator);
        }
        var down = run(List.of(SCRIPT.toString(), "down", state.toString()));
        assertTrue(down.ok(), "tear-down failed: " + down.err());
        String left = run(List.of("ip", "netns", "list")).out();
        for (String ns : namespaces) {
            assertFalse(left.contains(ns), "namespace " + ns + " is still there: " + left);
        }
        for (long sshd : SSHD.values()) {
            for (int i = 0; i < 50 && alive(sshd); i++) {
                TimeUnit.MILLISECONDS.sleep(100); // a process killed a moment ago is gone once reaped
            }
            assertFalse(alive(sshd), "sshd " + sshd + " still runs");
        }
        assertFalse(Files.exists(state), "the keys and configuration are removed");
        Files.delete(base);
    }

    @Test
    @Order(1)
    void aRunOnAServerHostLoadedFromTwoDriverHostsMergesTheirWindowsAndLeavesNothingRunning(@TempDir Path out)
            throws Exception {
        long t0 = System.nanoTime();
        Process cli = startRun(out, 1, "2s", true, "--server-cpu-limit", "0.5");
        try {
            assertTrue(cli.waitFor(200, TimeUnit.SECONDS), "the run did not end");
            String log = Files.readString(log(out));
            assertEquals(0, cli.exitValue(), log);
            System.out.printf("multi-host run of one cell: %.1f s%n", (System.nanoTime() - t0) / 1e9);

            List<Measurement> results = ResultsFile.read(out);
            assertEquals(1, results.size(), results.toString());
            Measurement m = results.get(0);
            assertEquals(Status.OK, m.status(), m.toString());
            assertEquals("gb-server", m.serverHost());
            assertEquals(List.of("gb-d1", "gb-d2"), m.driverHosts());
            assertEquals(0.5, m.cpuLimit(), "the server ran under its CPU limit, made on its host");
            assertTrue(m.server().cpuUtilization() < 0.65, "throttled to 0.5 CPU: " + m.server());
            assertEquals(2, m.drivers().size());
            long requests = 0;
            long recorded = 0;
            for (DriverFigures d : m.drivers()) {
                assertTrue(d.load().requests() > 0, d.host() + " answered nothing: " + d);
                assertNotNull(d.clockOffsetMillis(), d.toString());
                assertTrue(Math.abs(d.clockOffsetMillis()) < 50, "one machine, one clock: " + d.clockOffsetMillis());
                assertTrue(d.windowLateMillis() != null && d.windowLateMillis() >= 0, d.toString());
                requests += d.load().requests();
                recorded += d.load().histogram().getTotalCount();
            }
            Histogram merged = m.load().histogram();
            assertEquals(recorded, merged.getTotalCount(), "the merged histogram holds every driver's");
            assertEquals(requests, m.load().requests());
            assertEquals(m.drivers().get(0).load().requestsPerSecond() + m.drivers().get(1).load().requestsPerSecond(),
                    m.load().requestsPerSecond(), 1e-6);
            assertEquals(8, m.load().connections(), "4 connections from each host");
            assertTrue(m.server().gcPauses() != null, "GC read from the server's log on its host: " + m.server());
            assertTrue(Files.exists(out.resolve("logs").resolve("netty-nio-plaintext-c8-t1.gc.log")), "GC log fetched");
            String serverLog = Files.readString(out.resolve("logs").resolve("netty-nio-plaintext-c8-t1.log"));
            assertTrue(serverLog.contains("listening on http://10.201.0.2:"), "only on the address the load goes to: " + serverLog);

            RunEnvironment env = RunEnvironment.read(out);
            assertEquals(List.of("gb-server", "gb-d1", "gb-d2"), env.hosts().stream().map(HostEnvironment::host).toList());
            for (HostEnvironment h : env.hosts()) {
                assertTrue(h.network().somaxconn() > 0 && h.network().openFiles() > 0, h.toString());
                assertTrue(h.network().localPortRange().matches("\\d+ \\d+"), h.toString());
            }
            assertTrue(env.serverJava().equals(env.hosts().get(0).java()), "the servers' java is the server host's");
            for (String host : HOSTS) { // each host got its own copy, in its own folder
                try (DirectoryStream<Path> copies = Files.newDirectoryStream(state.resolve("remote-gb-" + host), "*")) {
                    boolean complete = false;
                    for (Path copy : copies) {
                        complete |= Files.exists(copy.resolve(".complete"));
                    }
                    assertTrue(complete, "no complete copy of greetbench on gb-" + host);
                }
            }
            for (String host : HOSTS) { // the run's scratch folders (the servers' GC logs) are gone
                Path runs = state.resolve("remote-gb-" + host).resolve("runs");
                assertTrue(!Files.exists(runs) || Files.list(runs).findAny().isEmpty(), "left in " + runs);
            }
            assertOnlySshdLeft(serverPids(log));
            for (DriverFigures d : m.drivers()) {
                assertFalse(alive(d.pid()), "driver " + d.pid() + " on " + d.host() + " still runs");
            }
            assertEquals(Set.of(), cgroups(cli.pid()), "the server's cgroup is gone");
        } finally {
            Processes.stop(cli.toHandle(), Duration.ofSeconds(5));
        }
    }

    @Test
    @Order(0)
    void aHostWithoutTheJavaItIsToldToUseIsAOneLineErrorNamingIt(@TempDir Path out) throws Exception {
        Process cli = startRun(out, 1, "1s", true, "--remote-java", "/nonexistent/bin/java");
        try {
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "the run did not end");
            String log = Files.readString(log(out));
            assertEquals(2, cli.exitValue(), log);
            String error = log.lines().filter(l -> l.contains("no JDK")).findFirst().orElse(log);
            assertTrue(error.startsWith("greetbench: gb-server has no JDK greetbench can use"), error);
            assertTrue(error.contains("--remote-java"), "says what to do: " + error);
            assertOnlySshdLeft(List.of());
        } finally {
            Processes.stop(cli.toHandle(), Duration.ofSeconds(5));
        }
    }

    @Test
    @Order(2)
    void aServerHostLoadedFromHereIsSampledThereAndTheResultNamesBoth(@TempDir Path out) throws Exception {
        Process cli = startRun(out, 1, "1s", false);
        try {
            assertTrue(cli.waitFor(200, TimeUnit.SECONDS), "the run did not end");
            String log = Files.readString(log(out));
            assertEquals(0, cli.exitValue(), log);
            Measurement m = ResultsFile.read(out).get(0);
            assertEquals(Status.OK, m.status(), m.toString());
            assertEquals("gb-server", m.serverHost());
            assertEquals(List.of("local"), m.driverHosts(), "the load came from the orchestrator itself");
            assertEquals(null, m.drivers());
            assertTrue(m.load().requests() > 0 && m.load().errorCount() == 0, m.load().toString());
            assertTrue(m.server().cpuMicrosPerRequest() > 0 && m.server().rssPeakKb() > 10_000
                    && m.server().threadsPeak() > 1, "sampled on the server host: " + m.server());
            assertEquals(1, RunEnvironment.read(out).hosts().size(), "one other host");
            assertOnlySshdLeft(serverPids(log));
        } finally {
            Processes.stop(cli.toHandle(), Duration.ofSeconds(5));
        }
    }

    @Test
    @Order(3)
    void aRunStoppedWithSigtermStopsEveryProcessOnEveryHostAndKeepsWhatWasMeasured(@TempDir Path out) throws Exception {
        Process cli = startRun(out, 2, "6s", true);
        try {
            awaitLog(out, "window open", 2);
            TimeUnit.SECONDS.sleep(1);
            cli.destroy(); // SIGTERM
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "the run did not stop");
            String log = Files.readString(log(out));
            assertTrue(log.contains("interrupted"), log);
            List<Measurement> results = ResultsFile.read(out);
            assertEquals(1, results.size(), "the first cell is kept, the interrupted one not recorded: " + results);
            assertTrue(results.get(0).ok(), results.toString());
            assertOnlySshdLeft(serverPids(log));
        } finally {
            Processes.stop(cli.toHandle(), Duration.ofSeconds(5));
        }
    }

    @Test
    @Order(4) // last: the dropped host stays down
    void aDriverHostThatDropsMidCellFailsThatCellNamingItAndTheOthersAreStopped(@TempDir Path out) throws Exception {
        Process cli = startRun(out, 2, "6s", true);
        try {
            awaitLog(out, "window open", 2);
            TimeUnit.SECONDS.sleep(1);
            // gb-d2 drops: its sshd and every process of its namespace (its sessions, its driver) killed outright.
            for (long pid : pidsIn(NAMESPACE.get("d2"))) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "the run did not end");
            String log = Files.readString(log(out));
            List<Measurement> results = ResultsFile.read(out);
            assertEquals(2, results.size(), log);
            assertEquals(Status.OK, results.get(0).status(), "the cell before stands: " + results.get(0));
            Measurement failed = results.get(1);
            assertEquals(Status.FAILED, failed.status(), log);
            assertTrue(failed.reason().contains("driver host gb-d2 dropped"), failed.reason());
            assertEquals("gb-server", failed.serverHost());
            assertEquals(1, cli.exitValue(), "a failed measurement: " + log);
            SSHD.remove("d2"); // killed above
            assertOnlySshdLeft(serverPids(log));
        } finally {
            Processes.stop(cli.toHandle(), Duration.ofSeconds(5));
        }
    }

    /**
     * {@code greetbench run} from the orchestrator's namespace: netty-nio, plaintext at 8 connections,
     * {@code trials} cells, on gb-server loaded from gb-d1 and gb-d2 ({@code fromDriverHosts}) or from itself.
     */
    private static Process startRun(Path out, int trials, String duration, boolean fromDriverHosts, String... more)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", orchestrator, JAVA.toString(), "-cp",
                System.getProperty("java.class.path"), "io.greetbench.bench.cli.GreetbenchCommand", "run",
                "--runtimes", "netty-nio", "--scenarios", "plaintext", "--connections", "8", "--warmup", "1s",
                "--warmup-max", "1s", "--duration", duration, "--trials", String.valueOf(trials), "--max-minutes", "0", "--no-aa",
                "--server-host", "gb-server", "--ssh-config", state.resolve("ssh_config").toString(), "--out",
                out.toString()));
        if (fromDriverHosts) {
            command.addAll(List.of("--driver-hosts", "gb-d1,gb-d2"));
        }
        command.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(out).toFile());
        pb.environment().put("GREETBENCH_ROOT", ROOT.toString());
        return pb.start();
    }

    private static Path log(Path out) {
        return out.resolveSibling(out.getFileName() + ".log");
    }

    private static void awaitLog(Path out, String text, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            String log = Files.exists(log(out)) ? Files.readString(log(out)) : "";
            if (log.split(Pattern.quote(text), -1).length - 1 >= times) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("'" + text + "' not seen " + times + " times: " + Files.readString(log(out)));
    }

    /** Nothing runs in any namespace but the hosts' sshds (allowing their sessions a few seconds to end), and no server. */
    private static void assertOnlySshdLeft(List<Long> serverPids) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String left;
        do {
            left = strays();
            if (left.isEmpty()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals("", left, "processes left in the namespaces");
        for (long pid : serverPids) {
            for (int i = 0; i < 50 && alive(pid); i++) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertFalse(alive(pid), "server " + pid + " still runs");
        }
    }

    /** Each process in a namespace that is not its sshd, described; empty when there is none. */
    private static String strays() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String ns : List.of(orchestrator, NAMESPACE.get("server"), NAMESPACE.get("d1"), NAMESPACE.get("d2"))) {
            String host = ns.substring(ns.lastIndexOf('-') + 1);
            for (long pid : pidsIn(ns)) {
                if (!SSHD.containsKey(host) || SSHD.get(host) != pid) {
                    sb.append(ns).append(": ").append(pid).append(' ')
                            .append(ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?")).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static List<Long> pidsIn(String namespace) throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String line : run(List.of("ip", "netns", "pids", namespace)).out().split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        return pids;
    }

    private static List<Long> serverPids(String log) {
        List<Long> pids = new ArrayList<>();
        Matcher m = Pattern.compile("server pid (\\d+)").matcher(log);
        while (m.find()) {
            pids.add(Long.parseLong(m.group(1)));
        }
        return pids;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * The cgroups a run made on the server host (this machine's tree: namespaces share it), named by
     * the run's PID (other greetbench runs on this machine have theirs).
     */
    private static Set<Path> cgroups(long runPid) throws IOException {
        Set<Path> all = new HashSet<>();
        var found = CpuCgroups.find();
        if (found.isPresent()) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(found.get().root(), "greetbench-" + runPid + "-*")) {
                s.forEach(all::add);
            }
        }
        return all;
    }

    private static io.greetbench.bench.server.HostShell.Result run(List<String> command) throws IOException {
        return CommandRun.run(new ProcessBuilder(command), Duration.ofSeconds(60), command.get(0));
    }
}
