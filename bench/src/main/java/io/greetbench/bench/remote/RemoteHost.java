package io.greetbench.bench.remote;

import io.greetbench.bench.results.HostEnvironment;
import io.greetbench.bench.results.NetworkLimits;
import io.greetbench.bench.server.HostShell;
import io.greetbench.bench.server.ServerSite;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Another host of a run, reached over ssh and made ready: its JDK found by greetbench's own rule
 * ({@code bench/scripts/jdk.sh}, sent there) or {@code --remote-java}; greetbench copied into its
 * cache folder ({@code $GREETBENCH_REMOTE_DIR} there, else {@code ~/.cache/greetbench}) under the
 * hash of its content, unless a trusted copy is there already ({@link HostCopy}); and what it is,
 * read once and checked ({@link HostFacts}).
 */
final class RemoteHost {
    /** What runs on the host, once, in one connection: the JDK rule and the facts, as {@code key=value} lines. */
    private static final String PROBE = """
            set -u
            umask 077
            [[ -n "$1" ]] && export GREETBENCH_JAVA="$1"
            jdk_choose || exit 3
            dir="${GREETBENCH_REMOTE_DIR:-$HOME/.cache/greetbench}"
            [[ -d "$dir" ]] || mkdir -p -m 700 "$dir" || exit 4
            dir="$(cd "$dir" && pwd -P)" || exit 4
            echo "java=$JDK_HOME/bin/java"
            echo "jvmflags=$(jdk_flags "$JDK_FEATURE")"
            echo "javaversion=$("$JDK_HOME/bin/java" -version 2>&1 | head -1)"
            echo "dir=$dir"
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
            echo "addresses=$( (ip -o addr show 2>/dev/null | awk '{sub("/.*", "", $4); print $4}') | tr '\\n' ' ')"
            """;

    private final Ssh ssh;
    private final String name;
    private final String address;
    private final HostFacts facts;
    private final String classPath;
    private volatile Path scratch;

    private RemoteHost(Ssh ssh, String name, String address, HostFacts facts, String classPath) {
        this.ssh = ssh;
        this.name = name;
        this.address = address;
        this.facts = facts;
        this.classPath = classPath;
    }

    /**
     * Connects to {@code name}, finds its JDK ({@code remoteJava} if given), and installs {@code bundle}
     * there if it has no trusted copy ({@code messages} says when one is replaced). An IOException
     * says what is wrong with that host, in one line.
     */
    static RemoteHost open(Ssh ssh, String name, String remoteJava, Bundle bundle, Path jdkScript, PrintStream messages)
            throws IOException {
        String address = ssh.hostName(name);
        String script = Files.readString(jdkScript) + "\n" + HostCopy.FUNCTIONS + PROBE + HostCopy.probe(bundle);
        HostShell.Result r = ssh.run(name, List.of("bash", "-s", "--", remoteJava == null ? "" : remoteJava, bundle.hash()),
                Ssh.bytes(script), Duration.ofSeconds(60));
        if (r.exit() == 3) {
            throw new IOException(name + " has no JDK greetbench can use (" + r.lastLine() + "): install a JDK 17+ there "
                    + "(21+ for virtual threads), or name one with --remote-java");
        }
        if (r.exit() == HostCopy.FOREIGN_CACHE) {
            throw new IOException("greetbench's cache folder " + r.lastLine() + " on " + name + " is another user's, a link, "
                    + "or others may write to it, so greetbench runs nothing from it: make it yours alone (chmod go-w), "
                    + "or name another with GREETBENCH_REMOTE_DIR there");
        }
        if (!r.ok()) {
            throw new IOException("could not prepare " + name + " (" + r.lastLine() + "); greetbench needs bash and "
                    + "sha256sum there, and a writable cache folder ($GREETBENCH_REMOTE_DIR, else ~/.cache/greetbench)");
        }
        HostFacts facts = HostFacts.parse(name, r.out());
        String installed = facts.get("installed");
        if (!"yes".equals(installed)) {
            if ("changed".equals(installed)) {
                messages.println("greetbench: the copy of greetbench on " + name + " (" + facts.dir() + "/" + bundle.hash()
                        + ") does not match this build's files, or is not only its user's: replacing it");
            }
            HostCopy.install(ssh, name, bundle, facts.dir());
        }
        List<String> paths = new ArrayList<>();
        bundle.names().forEach(n -> paths.add(facts.dir() + "/" + bundle.hash() + "/" + n));
        return new RemoteHost(ssh, name, address, facts, String.join(":", paths));
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

    /** This run's folder there, for servers' files, once made ({@link #makeScratch}); null before. */
    Path scratch() {
        return scratch;
    }

    /** The JVM flags for its JDK (the same rule as ./greetbench's). */
    List<String> jvmFlags() {
        return facts.jvmFlags();
    }

    /** How servers run there: its java, the copied class path, listening on {@code bindAddress}, the scratch folder. */
    ServerSite site(String bindAddress) {
        List<String> flags = new ArrayList<>(jvmFlags());
        flags.addAll(ServerSite.HEAP);
        return new ServerSite(name, false, facts.java(), classPath, flags, bindAddress, scratch);
    }

    /** greetbench there, with its JDK's flags and {@code extraFlags}. */
    List<String> greetbench(List<String> extraFlags, List<String> args) {
        List<String> flags = new ArrayList<>(jvmFlags());
        flags.addAll(extraFlags);
        return site(null).greetbench(flags, args); // not a server: it listens nowhere
    }

    /**
     * The address its servers listen on so that the load reaches them at {@code target} (a name or
     * address, as the load is aimed): {@code target}'s address as this machine resolves it, which must
     * be one of its own (checked when it could say which it has). An IOException says what to give instead.
     */
    String listenAddress(String target) throws IOException {
        InetAddress wanted;
        try {
            wanted = InetAddress.getByName(target);
        } catch (UnknownHostException e) {
            throw new IOException("cannot resolve " + target + ", the server address, here: give --server-address as an "
                    + "address of " + name + " that this machine and the drivers reach");
        }
        String own = facts.get("addresses") == null ? "" : facts.get("addresses").trim();
        if (!own.isEmpty() && !Arrays.stream(own.split("\\s+")).anyMatch(a -> sameAddress(a, wanted))) {
            throw new IOException(name + " has no address " + wanted.getHostAddress() + " (its own: " + own + "), and its "
                    + "servers listen only on the address the load goes to: give --server-address as one of its own "
                    + "addresses that this machine and the drivers reach");
        }
        return wanted.getHostAddress();
    }

    private static boolean sameAddress(String literal, InetAddress address) {
        try {
            return literal.matches("[0-9A-Fa-f:.]+") && InetAddress.getByName(literal).equals(address);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Its online CPUs, as a list (e.g. 0-15); empty when unknown. */
    String onlineCpus() {
        return facts.get("online");
    }

    /** Its CPU count. */
    int cpus() {
        Long n = facts.number("cpus");
        return n == null || n < 1 || n > 1 << 20 ? 1 : n.intValue();
    }

    boolean hasTaskset() {
        String taskset = facts.get("taskset");
        return taskset != null && !taskset.isBlank();
    }

    /** What it is, for environment.json. */
    HostEnvironment describe(String role, String pinnedCpus) {
        Long mem = facts.number("memkb");
        String memTotal = mem == null ? null : String.format(java.util.Locale.ROOT, "%.1f GiB", mem / 1024.0 / 1024.0);
        Long somaxconn = facts.number("somaxconn");
        Long synBacklog = facts.number("synbacklog");
        return new HostEnvironment(name, role, address, facts.get("model"), cpus(), facts.get("online"), pinnedCpus,
                memTotal, facts.get("kernel"), facts.get("os"), facts.java().toString(), facts.get("javaversion"), jvmFlags(),
                new NetworkLimits(somaxconn == null ? null : somaxconn.intValue(),
                        synBacklog == null ? null : synBacklog.intValue(), facts.get("portrange"), facts.number("nofile")));
    }

    /** Makes this run's scratch folder there, for servers' files: a new folder of mktemp's under its cache's runs/. */
    void makeScratch() throws IOException {
        String runs = facts.dir() + "/runs";
        HostShell.Result made = ssh.run(name, List.of("sh", "-c", "mkdir -p -m 700 \"$0\" && mktemp -d \"$0/$1-XXXXXX\"", runs,
                localName()), Duration.ofSeconds(30));
        String folder = made.out().strip();
        if (!made.ok() || !folder.startsWith(runs + "/") || folder.contains("\n")) {
            throw new IOException("could not make a folder in " + runs + " on " + name + ": " + made.lastLine());
        }
        scratch = Path.of(folder);
    }

    /** Removes this run's scratch folder there, if it made one. */
    void removeScratch() {
        Path made = scratch;
        if (made == null) {
            return;
        }
        try {
            ssh.run(name, List.of("rm", "-rf", made.toString()), Duration.ofSeconds(30));
        } catch (IOException e) {
            // unreachable: a folder of logs is left in its cache
        }
    }
}
