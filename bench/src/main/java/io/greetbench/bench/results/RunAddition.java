package io.greetbench.bench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Adds a run of other scenarios to a run's folder: its lines of results.jsonl (byte for byte), its
 * server logs, and its environment (kept under {@code added} in the folder's environment.json, see
 * {@link AddedRun}). Only a run measured on the same machine, and only scenarios the folder does not
 * hold: a cell's trials all come from one run, so no interval mixes two runs' conditions.
 */
public final class RunAddition {
    private static final String LOGS = "logs";

    private RunAddition() {
    }

    /** What stops {@code part} from being added to {@code target}, said to a person; null when nothing does. */
    public static String problem(Path target, Path part) throws IOException {
        for (Path dir : List.of(target, part)) {
            if (!Files.isRegularFile(dir.resolve(ResultsFile.NAME))) {
                return dir + " has no " + ResultsFile.NAME + ": give folders that 'greetbench run' wrote";
            }
            if (!RunEnvironment.read(dir).known()) {
                return dir + " has no " + RunEnvironment.NAME + ": the machine it was measured on is unknown, so it cannot "
                        + "join another run";
            }
        }
        if (Files.isSameFile(target, part)) {
            return part + " is the folder it would be added to";
        }
        RunEnvironment into = RunEnvironment.read(target);
        RunEnvironment from = RunEnvironment.read(part);
        List<String> differ = machineDifferences(into, from);
        if (!differ.isEmpty()) {
            return part + " was measured on another machine (" + String.join("; ", differ) + "): runtimes are compared "
                    + "only within one machine's runs; keep it as a run of its own";
        }
        if (!from.addedOrNone().isEmpty()) {
            return part + " has runs added to it itself; add each of those to " + target + " on its own";
        }
        Set<String> bringing = scenarios(part);
        if (bringing.isEmpty()) {
            return part + " holds no measurement to add";
        }
        Set<String> shared = new LinkedHashSet<>(bringing);
        shared.retainAll(scenarios(target));
        if (!shared.isEmpty()) {
            return "both folders hold the scenario(s) " + String.join(", ", shared) + ": a cell's trials must all come "
                    + "from one run; measure those scenarios again in one run, or keep " + part + " as a run of its own";
        }
        for (Path log : logs(part)) {
            if (Files.exists(target.resolve(LOGS).resolve(log.getFileName().toString()))) {
                return target + "/" + LOGS + " already has a log named " + log.getFileName() + "; nothing was added";
            }
        }
        return null;
    }

    /**
     * Adds {@code part} to {@code target} ({@link #problem} must have found nothing): its logs, then its
     * results, then its environment. {@code part} itself is left as it was.
     */
    public static AddedRun add(Path target, Path part, Instant now) throws IOException {
        String problem = problem(target, part);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        List<String> scenarios = new ArrayList<>(scenarios(part));
        byte[] lines = Files.readAllBytes(part.resolve(ResultsFile.NAME));
        Path logs = Files.createDirectories(target.resolve(LOGS));
        for (Path log : logs(part)) {
            copy(log, logs.resolve(log.getFileName().toString()));
        }
        Path results = target.resolve(ResultsFile.NAME);
        byte[] existing = Files.readAllBytes(results);
        if (existing.length > 0 && existing[existing.length - 1] != '\n') {
            Files.write(results, new byte[] {'\n'}, StandardOpenOption.APPEND); // a torn last line stays its own line
        }
        Files.write(results, lines, StandardOpenOption.APPEND);
        if (lines.length > 0 && lines[lines.length - 1] != '\n') {
            Files.write(results, new byte[] {'\n'}, StandardOpenOption.APPEND);
        }
        long count = new String(lines, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        AddedRun added = new AddedRun(now.toString(), part.toString(), scenarios, (int) count, RunEnvironment.read(part));
        RunEnvironment.read(target).withAdded(added).write(target);
        return added;
    }

    /** What tells two machines apart in their environment.json, "field: this vs that"; empty for the same machine. */
    static List<String> machineDifferences(RunEnvironment a, RunEnvironment b) {
        List<String> differ = new ArrayList<>();
        differ(differ, "CPU", a.cpuModel(), b.cpuModel());
        differ(differ, "CPUs online", a.onlineCpus(), b.onlineCpus());
        differ(differ, "memory", a.memTotal(), b.memTotal());
        differ(differ, "kernel", a.kernel(), b.kernel());
        differ(differ, "OS", a.os(), b.os());
        return differ;
    }

    private static void differ(List<String> differ, String field, String a, String b) {
        if (!Objects.equals(a, b)) {
            differ.add(field + ": " + a + " vs " + b);
        }
    }

    private static Set<String> scenarios(Path dir) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Measurement m : ResultsFile.read(dir)) {
            if (m.scenario() != null) {
                names.add(m.scenario());
            }
        }
        return names;
    }

    /** What a run's logs folder holds at its top: the servers' logs, and folders (nginx's) of their own. */
    private static List<Path> logs(Path dir) throws IOException {
        Path logs = dir.resolve(LOGS);
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.sorted().toList();
        }
    }

    /** A file, or a folder with everything in it; never over something already there. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
