package io.greetbench.bench.remote;

import io.greetbench.bench.results.HostEnvironment;
import io.greetbench.bench.results.NetworkLimits;
import io.greetbench.bench.server.HostShell;
import io.greetbench.bench.server.ServerSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Another host of a run, reached over ssh and made ready: its JDK found by greetbench's own rule
 * ({@code bench/scripts/jdk.sh}, sent there) or {@code --remote-java}; greetbench copied into its
 * cache folder ({@code $GREETBENCH_REMOTE_DIR} there, else {@code ~/.cache/greetbench}) under the
 * hash of its content, unless there already; and what it is, read once.
 */
final class RemoteHost {
    /** What runs on the host, once, in one connection: the JDK rule and the facts, as {@code key=value} lines. */
    private static final String PROBE = """
            set -u
            [[ -n "$1" ]] && export GREETBENCH_JAVA="$1"
            jdk_choose || exit 3
            dir="${GREETBENCH_REMOTE_DIR:-$HOME/.cache/greetbench}"
            mkdir -p "$dir" || exit 4
            echo "java=$JDK_HOME/bin/java"
            echo "jvmflags=$(jdk_flags "$JDK_FEATURE")"
            echo "javaversion=$("$JDK_HOME/bin/java" -version 2>&1 | head -1)"
            echo "dir=$(cd "$dir" && pwd -P)"
            [[ -f "$dir/$2/.complete" ]] && echo "installed=yes" || echo "installed=no"
            echo "cpus=$(nproc --all 2>/dev/null)"
            echo "online=$(cat /sys/devices/system/cpu/online 2>/dev/null)"
            echo "model=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
            echo "memkb=$(awk '/^MemTotal/ {print $2}' /proc/meminfo 2>/dev/null)"
            echo "kernel=$(uname -sr)"
            echo "os=$(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-?}")"
            echo "somaxconn=$(cat /proc/sys/net/core/somaxconn 2>/dev/null)"
            echo "synbacklog=$(cat /proc/sys/net/ipv4/tcp_max_syn_backlog 2>/dev/null)"
            echo "portrange=$(tr -s '\\t ' '  ' </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null)"
            echo "nofile=$(ulimit -n)"
            echo "taskset=$(command -v taskset || true)"
            """;

    private final Ssh ssh;
    private final String name;
    private final String address;
    private final Map<String, String> facts;
    private final String classPath;
    private final Path scratch;

    private RemoteHost(Ssh ssh, String name, String address, Map<String, String> facts, String classPath, Path scratch) {
        this.ssh = ssh;
        this.name = name;
        this.address = address;
        this.facts = facts;
        this.classPath = classPath;
        this.scratch = scratch;
    }

    /**
     * Connects to {@code name}, finds its JDK ({@code remoteJava} if given), and installs {@code bundle}
     * there if missing. An IOException says what is wrong with that host, in one line.
     */
    static RemoteHost open(Ssh ssh, String name, String remoteJava, Bundle bundle, Path jdkScript) throws IOException {
        String address = ssh.hostName(name);
        String script = Files.readString(jdkScript) + "\n" + PROBE;
        HostShell.Result r = ssh.run(name, List.of("bash", "-s", "--", remoteJava == null ? "" : remoteJava, bundle.hash()),
                Ssh.bytes(script), Duration.ofSeconds(60));
        if (r.exit() == 3) {
            throw new IOException(name + " has no JDK greetbench can use (" + r.lastLine() + "): install a JDK 17+ there "
                    + "(21+ for virtual threads), or name one with --remote-java");
        }
        if (!r.ok()) {
            throw new IOException("could not prepare " + name + " (" + r.lastLine() + "); greetbench needs bash there, and "
                    + "a writable cache folder ($GREETBENCH_REMOTE_DIR, else ~/.cache/greetbench)");
        }
        Map<String, String> facts = new HashMap<>();
        for (String line : r.out().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        String dir = facts.get("dir") + "/" + bundle.hash();
        if (!"yes".equals(facts.get("installed"))) {
            install(ssh, name, bundle, facts.get("dir"));
        }
        List<String> paths = new ArrayList<>();
        bundle.names().forEach(n -> paths.add(dir + "/" + n));
        Path scratch = Path.of(facts.get("dir"), "runs", localName() + "-" + ProcessHandle.current().pid());
        return new RemoteHost(ssh, name, address, facts, String.join(":", paths), scratch);
    }

    /** Copies the bundle into {@code base}/HASH, through a partial folder renamed when complete. */
    private static void install(Ssh ssh, String host, Bundle bundle, String base) throws IOException {
        String partial = base + "/" + bundle.hash() + ".partial-" + ProcessHandle.current().pid();
        Path staging = Files.createTempDirectory("greetbench-bundle");
        try {
            List<Path> files = bundle.stage(staging);
            HostShell.Result made = ssh.run(host, List.of("mkdir", "-p", partial), Duration.ofSeconds(30));
            if (!made.ok()) {
                throw new IOException("could not make " + partial + " on " + host + ": " + made.lastLine());
            }
            ssh.copy(host, files, partial, Duration.ofMinutes(5));
            // Complete only once every file is there; another run that got there first wins.
            String finish = "touch \"$0/.complete\" && { mv -T \"$0\" \"$1\" 2>/dev/null || rm -rf \"$0\"; }";
            HostShell.Result done = ssh.run(host, List.of("sh", "-c", finish, partial, base + "/" + bundle.hash()),
                    Duration.ofSeconds(30));
            if (!done.ok()) {
                throw new IOException("could not complete the copy of greetbench on " + host + ": " + done.lastLine());
            }
        } finally {
            try (var staged = Files.list(staging)) {
                for (Path p : staged.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(staging);
        }
    }

    private static String localName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
        } catch (IOException e) {
            return "orchestrator";
        }
    }

    String name() {
        return name;
    }

    /** The address ssh connects to. */
    String address() {
        return address;
    }

    Ssh ssh() {
        return ssh;
    }

    HostShell shell() {
        return new SshShell(ssh, name);
    }

    /** This run's folder there, for servers' files. */
    Path scratch() {
        return scratch;
    }

    /** The JVM flags for its JDK (the same rule as ./greetbench's). */
    List<String> jvmFlags() {
        String flags = facts.getOrDefault("jvmflags", "");
        return flags.isBlank() ? List.of() : Arrays.asList(flags.trim().split("\\s+"));
    }

    /** How servers run there: its java, the copied class path, every address, the scratch folder. */
    ServerSite site() {
        List<String> flags = new ArrayList<>(jvmFlags());
        flags.addAll(ServerSite.HEAP);
        return new ServerSite(name, false, Path.of(facts.get("java")), classPath, flags, "0.0.0.0", scratch);
    }

    /** greetbench there, with its JDK's flags and {@code extraFlags}. */
    List<String> greetbench(List<String> extraFlags, List<String> args) {
        List<String> flags = new ArrayList<>(jvmFlags());
        flags.addAll(extraFlags);
        return new ServerSite(name, false, Path.of(facts.get("java")), classPath, flags, "0.0.0.0", scratch)
                .greetbench(flags, args);
    }

    /** Its online CPUs, as a list (e.g. 0-15); empty when unknown. */
    String onlineCpus() {
        return facts.getOrDefault("online", "");
    }

    /** Its CPU count. */
    int cpus() {
        try {
            return Integer.parseInt(facts.getOrDefault("cpus", ""));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    boolean hasTaskset() {
        return !facts.getOrDefault("taskset", "").isBlank();
    }

    /** What it is, for environment.json. */
    HostEnvironment describe(String role, String pinnedCpus) {
        String mem = facts.get("memkb");
        String memTotal = mem == null || mem.isBlank() ? null
                : String.format(java.util.Locale.ROOT, "%.1f GiB", Long.parseLong(mem) / 1024.0 / 1024.0);
        return new HostEnvironment(name, role, address, facts.get("model"), cpus(), facts.get("online"), pinnedCpus,
                memTotal, facts.get("kernel"), facts.get("os"), facts.get("java"), facts.get("javaversion"), jvmFlags(),
                new NetworkLimits(integer("somaxconn"), integer("synbacklog"), facts.get("portrange"), longValue("nofile")));
    }

    /** Makes this run's scratch folder there, for servers' files. */
    void makeScratch() throws IOException {
        HostShell.Result made = ssh.run(name, List.of("mkdir", "-p", scratch.toString()), Duration.ofSeconds(30));
        if (!made.ok()) {
            throw new IOException("could not make " + scratch + " on " + name + ": " + made.lastLine());
        }
    }

    /** Removes this run's scratch folder there. */
    void removeScratch() {
        try {
            ssh.run(name, List.of("rm", "-rf", scratch.toString()), Duration.ofSeconds(30));
        } catch (IOException e) {
            // unreachable: a folder of logs is left in its cache
        }
    }

    private Integer integer(String key) {
        try {
            return Integer.valueOf(facts.getOrDefault(key, ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Long longValue(String key) {
        String v = facts.getOrDefault(key, "");
        if (v.equals("unlimited")) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
