package io.greetbench.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * {@code environment.json}: the machine, the JVM and its flags, every runtime library's version, the
 * git commit and the exact command, so a report always says what produced its numbers.
 */
public final class Environment {
    static final String NAME = "environment.json";
    private static final String[][] LIBRARIES = {
        {"io.netty", "netty-codec-http"}, {"io.netty", "netty-transport-native-epoll"},
        {"io.netty", "netty-transport-native-io_uring"}, {"io.vertx", "vertx-core"}, {"io.vertx", "vertx-web"},
        {"io.undertow", "undertow-core"}, {"org.jboss.xnio", "xnio-nio"}, {"org.hdrhistogram", "HdrHistogram"},
        {"info.picocli", "picocli"}, {"org.jfree", "jfreechart"}};

    private Environment() {
    }

    static Map<String, Object> describe(RunOptions options, Path root) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("startedAt", Instant.now().toString());
        env.put("command", options.command());
        env.put("cpuModel", firstMatch(Path.of("/proc/cpuinfo"), "model name"));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("onlineCpus", run(List.of("nproc", "--all")));
        env.put("memTotal", memory(firstMatch(Path.of("/proc/meminfo"), "MemTotal")));
        env.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("os", firstMatch(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", ""));
        env.put("serverJava", options.serverJava().toString());
        env.put("serverJavaVersion", run(List.of(options.serverJava().toString(), "-version")));
        env.put("serverJvmFlags", options.serverJvmFlags());
        env.put("driverJava", System.getProperty("java.home"));
        env.put("driverJavaVersion", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("serverCpus", options.serverCpus());
        env.put("driverCpus", options.driverCpus());
        Map<String, String> libs = new LinkedHashMap<>();
        for (String[] lib : LIBRARIES) {
            libs.put(lib[0] + ":" + lib[1], version(lib[0], lib[1]));
        }
        env.put("libraries", libs);
        env.put("nginx", run(List.of("nginx", "-v")));
        env.put("python3Aiohttp", run(List.of("/usr/bin/python3", "-c", "import sys, aiohttp; print(sys.version.split()[0], 'aiohttp', aiohttp.__version__)")));
        env.put("gitCommit", run(List.of("git", "-C", root.toString(), "rev-parse", "HEAD")));
        env.put("gitDirty", !run(List.of("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")).isEmpty());
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("runtimes", options.runtimes());
        opts.put("scenarios", options.scenarios().stream().map(Scenario::key).toList());
        opts.put("connections", options.connections());
        opts.put("ioWaitConnections", options.ioWaitConnections());
        opts.put("rateConnections", options.rateConnections());
        opts.put("rateFractions", options.rateFractions());
        opts.put("ioWaitMillis", options.ioWait().toMillis());
        opts.put("warmupSeconds", options.warmup().toMillis() / 1000.0);
        opts.put("warmupMaxSeconds", Math.max(options.warmup().toMillis(), options.warmupMax().toMillis()) / 1000.0);
        opts.put("durationSeconds", options.duration().toMillis() / 1000.0);
        opts.put("trials", options.trials());
        env.put("options", opts);
        return env;
    }

    private static String memory(String memTotal) {
        try {
            long kb = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
            return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }

    static void write(Path dir, Map<String, Object> env) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(NAME).toFile(), env);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        return Files.exists(file) ? new ObjectMapper().readValue(file.toFile(), Map.class) : Map.of();
    }

    /** The version in a jar's Maven pom.properties on the class path, or "?". */
    static String version(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Environment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "?";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
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
                ServerProcess.stop(p.toHandle(), java.time.Duration.ofSeconds(2));
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
}
