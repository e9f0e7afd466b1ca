package io.greetbench.bench.cli;

import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code greetbench jmh [JMH options]}: the JMH benchmarks from {@code bench/target/benchmarks.jar}.
 * Results go to a folder as JMH JSON ({@code jmh-result.json}, what the JMH visualizers read), and
 * the round trip runs over the runtimes available on this JVM unless {@code -p runtime=...} says otherwise.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true, description = {
    "Run the JMH benchmarks and write OUT/jmh-result.json for 'greetbench report OUT'.",
    "Any JMH option passes through: -l lists the benchmarks, -prof gc adds allocation per operation; "
        + "--jmh-help shows JMH's own options.",
    "Forks, iterations and their times default to -f 3 -wi 5 -i 5 -w 2s -r 2s (each one you give replaces its default), "
        + "enough for most scores to come within 10%% (the report marks a score with a larger error unresolved); "
        + "about a minute per benchmark and parameter, half an hour for them all. Quicker, e.g.: -f 1 -wi 1 -i 2."})
final class JmhCommand implements Callable<Integer> {
    /**
     * JMH options and the values greetbench gives them unless the user does: three forks of five
     * 2-second iterations after five of warm-up, where the benchmarks' own annotations (one fork of 1-s
     * iterations for the round trip) leave errors of 50% and more on a busy 2-core host.
     */
    static final List<List<String>> DEFAULTS = List.of(List.of("-f", "3"), List.of("-wi", "5"), List.of("-i", "5"),
            List.of("-w", "2s"), List.of("-r", "2s"));

    @Option(names = "--jmh-help", description = "Show JMH's own options (JMH's -h).")
    boolean jmhHelp;

    @Option(names = "--out", description = "Results folder (default: results/jmh-<time>).")
    Path out;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path jar = RunSettings.root().resolve("bench/target/benchmarks.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("greetbench: " + jar + " is missing; build it with: mvn -B -DskipTests package");
            return ExitCode.USAGE;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getenv().getOrDefault("GREETBENCH_JVM_FLAGS", "");
        if (!flags.isBlank()) {
            command.addAll(Arrays.asList(flags.trim().split("\\s+"))); // forks inherit them
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(jmhArgs);
        if (jmhHelp) {
            command.add("-h");
        }
        boolean listing = jmhHelp || jmhArgs.stream().anyMatch(a -> a.equals("-l") || a.equals("-lp") || a.equals("-h")
                || a.equals("-lprof") || a.equals("-lrf"));
        Path dir = null;
        if (!listing) {
            command.addAll(defaultsNotGiven(jmhArgs));
            if (jmhArgs.stream().noneMatch(a -> a.startsWith("runtime=") || a.startsWith("-p runtime="))) {
                String available = Runtimes.all().stream().filter(r -> r.unavailableReason().isEmpty())
                        .map(ServerRuntime::name).collect(Collectors.joining(","));
                command.addAll(List.of("-p", "runtime=" + available));
            }
            if (!jmhArgs.contains("-rff")) {
                dir = (out != null ? out : RunSettings.root().resolve("results").resolve("jmh-" + RunSettings.stamp()))
                        .toAbsolutePath();
                Files.createDirectories(dir);
                command.addAll(List.of("-rf", "json", "-rff", dir.resolve("jmh-result.json").toString()));
            }
        }
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (dir != null && code == 0) {
            System.out.println("results: " + dir.resolve("jmh-result.json") + "  (report: ./greetbench report " + dir + ")");
        }
        return code;
    }

    /** The {@link #DEFAULTS} whose option is not among {@code args} ("-f 1" and "-f1" both give -f; "-foe" does not). */
    static List<String> defaultsNotGiven(List<String> args) {
        List<String> added = new ArrayList<>();
        for (List<String> option : DEFAULTS) {
            String name = option.get(0);
            boolean given = args.stream().anyMatch(a -> a.equals(name) || a.startsWith(name) && a.length() > name.length()
                    && Character.isDigit(a.charAt(name.length())));
            if (!given) {
                added.addAll(option);
            }
        }
        return added;
    }
}
