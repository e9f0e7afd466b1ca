package io.greetbench.bench.run;

import io.greetbench.bench.results.HostEnvironment;
import io.greetbench.bench.results.NetworkLimits;
import io.greetbench.bench.results.RecordedOptions;
import io.greetbench.bench.results.RunEnvironment;
import io.greetbench.bench.server.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Describes this machine, the servers' JVM, the libraries, the git commit and the command, for
 * {@code environment.json} ({@link RunEnvironment}).
 */
public final class Environment {
    /** The driver's own libraries; the runtimes name theirs ({@code ServerRuntime.libraries()}). */
    private static final List<String> DRIVER_LIBRARIES = List.of("io.netty:netty-handler", "org.hdrhistogram:HdrHistogram",
            "info.picocli:picocli", "org.jfree:jfreechart");

    private Environment() {
    }

    static RunEnvironment describe(RunOptions options, Path root) {
        return describe(options, root, null);
    }

    /** This machine, and {@code hosts} (the other hosts of the run, read on each; null when there are none). */
    static RunEnvironment describe(RunOptions options, Path root, List<HostEnvironment> hosts) {
        HostEnvironment server = hosts == null ? null
                : hosts.stream().filter(h -> h.role().equals("server")).findFirst().orElse(null);
        Map<String, String> libs = new LinkedHashMap<>();
        java.util.stream.Stream.concat(io.greetbench.core.Runtimes.all().stream().flatMap(r -> r.libraries().stream()),
                DRIVER_LIBRARIES.stream()).distinct().forEach(lib -> {
                    String[] ga = lib.split(":");
                    libs.put(lib, version(ga[0], ga[1]));
                });
        RecordedOptions recorded = new RecordedOptions(options.runtimes(),
                options.plans().stream().map(p -> p.scenario().key()).toList(),
                options.plans().stream().map(ScenarioPlan::recorded).toList(), null,
                options.warmup().toMillis() / 1000.0,
                Math.max(options.warmup().toMillis(), options.warmupMax().toMillis()) / 1000.0,
                options.duration().toMillis() / 1000.0, options.trials(),
                options.serverCpuLimit() == null ? null : options.serverCpuLimit().cpus(),
                options.anyBudget() == null ? null : options.anyBudget().cpus(), options.precision().target(),
                options.precision().maxTime().toSeconds() / 60.0, options.precision().gate(), options.precision().twins(),
                options.cpuPeriodMicros(), options.jvmFlags().isEmpty() ? null : options.jvmFlags(), containerFlags(options));
        return new RunEnvironment(Instant.now().toString(), options.command(),
                firstMatch(Path.of("/proc/cpuinfo"), "model name"), Runtime.getRuntime().availableProcessors(),
                run(List.of("nproc", "--all")), memory(firstMatch(Path.of("/proc/meminfo"), "MemTotal")),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                firstMatch(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", ""),
                serverJava(options, server), serverJavaVersion(options, server), serverJvmFlags(options, server),
                System.getProperty("java.home"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                cpusOrAll(options.serverCpus()), cpusOrAll(options.driverCpus()), libs, run(List.of("nginx", "-v")),
                run(List.of("/usr/bin/python3", "-c",
                        "import sys, aiohttp; print(sys.version.split()[0], 'aiohttp', aiohttp.__version__)")),
                run(List.of("git", "-C", root.toString(), "rev-parse", "HEAD")),
                !run(List.of("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")).isEmpty(),
                recorded, networkLimits(), hosts, options.cpuChoice(), null, null);
    }

    /** The heap flags of the memory and start-up scenarios, in place of the run's fixed heap; null when the run has neither. */
    private static List<String> containerFlags(RunOptions options) {
        boolean memory = options.plans().stream().anyMatch(p -> p.scenario().kind() == io.greetbench.bench.scenario.ScenarioKind.MEMORY_LIMIT);
        boolean startup = options.plans().stream().anyMatch(p -> p.scenario().kind() == io.greetbench.bench.scenario.ScenarioKind.STARTUP);
        if (!memory && !startup) {
            return null;
        }
        List<String> flags = new java.util.ArrayList<>(io.greetbench.bench.server.ContainerFlags.HEAP);
        if (memory) {
            flags.addAll(MemoryLimitSearch.FLAGS);
        }
        return flags;
    }

    /** The servers' java: on the server host, when that is another one. */
    private static String serverJava(RunOptions options, HostEnvironment server) {
        return server != null ? server.java() : options.serverJava().toString();
    }

    private static String serverJavaVersion(RunOptions options, HostEnvironment server) {
        return server != null ? server.javaVersion() : run(List.of(options.serverJava().toString(), "-version"));
    }

    private static List<String> serverJvmFlags(RunOptions options, HostEnvironment server) {
        List<String> flags = new java.util.ArrayList<>(server == null ? options.serverJvmFlags() : server.jvmFlags());
        if (server != null) {
            flags.addAll(io.greetbench.bench.server.ServerSite.HEAP);
        }
        flags.addAll(options.jvmFlags()); // --jvm-flags, after the servers' own, as the launcher passes them
        return flags;
    }

    /** A CPU list as recorded: null (another host's CPUs, unpinned) is "all". */
    private static String cpusOrAll(String cpus) {
        return cpus == null ? "all" : cpus;
    }

    /** This machine's connection limits; {@code ulimit -n} is this process's, which its servers inherit. */
    static NetworkLimits networkLimits() {
        return new NetworkLimits(integer(Path.of("/proc/sys/net/core/somaxconn")),
                integer(Path.of("/proc/sys/net/ipv4/tcp_max_syn_backlog")),
                text(Path.of("/proc/sys/net/ipv4/ip_local_port_range")), openFilesLimit());
    }

    private static Integer integer(Path file) {
        try {
            return Integer.valueOf(text(file));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Path file) {
        try {
            // readAllLines, not readString: /proc/sys files say they are empty, and readString then reads one byte
            return String.join(" ", Files.readAllLines(file)).trim().replaceAll("\\s+", " ");
        } catch (IOException e) {
            return null;
        }
    }

    /** The soft limit of open files, from /proc/self/limits ("Max open files  1024  4096  files"). */
    private static Long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    private static String memory(String memTotal) {
        try {
            long kb = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
            return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }

    /**
     * The version in a jar's Maven pom.properties on the class path; for a jar that has none (picocli,
     * tomcat-embed-core), the version in its file name as Maven copies it ({@code artifact-version.jar});
     * else "?".
     */
    static String version(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Environment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the file name
        }
        return versionInFileName(artifact, System.getProperty("java.class.path", ""));
    }

    /** The version in a class path entry named {@code artifact-VERSION.jar}, or "?". */
    static String versionInFileName(String artifact, String classPath) {
        java.util.regex.Pattern named = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(artifact)
                + "-(\\d[^/]*)\\.jar");
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path file = Path.of(entry).getFileName();
            java.util.regex.Matcher m = named.matcher(file == null ? "" : file.toString());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return "?";
    }

    private static String firstMatch(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not on this system
        }
        return "?";
    }

    /** A command's output (stdout and stderr), trimmed; empty when it cannot run or takes over 10 s. */
    static String run(List<String> command) {
        Path out = null;
        try {
            out = Files.createTempFile("greetbench-env", ".txt");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                Processes.stop(p.toHandle(), java.time.Duration.ofSeconds(2));
                return "";
            }
            return Files.readString(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temp file left in /tmp
                }
            }
        }
    }

    /** Adds the checks of every CPU between rounds to the run's environment.json. */
    static void withCpuChecks(Path dir, List<io.greetbench.bench.results.CpuReadings> checks) throws IOException {
        RunEnvironment env = RunEnvironment.read(dir);
        if (env.known()) {
            env.withCpuChecksBetweenRounds(checks).write(dir);
        }
    }
}
