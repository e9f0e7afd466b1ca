package io.greetbench.bench.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greetbench.bench.report.ReportWriter;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.stats.Bootstrap;
import io.greetbench.bench.stats.CellShift;
import io.greetbench.bench.stats.Comparison;
import io.greetbench.bench.stats.Finding;
import io.greetbench.bench.stats.Findings;
import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.stats.Metric;
import io.greetbench.bench.stats.Recheck;
import io.greetbench.bench.stats.RecheckOutcome;
import io.greetbench.bench.text.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greetbench compare RUN_A RUN_B}: the claims of one run held against a second. Each run's
 * findings come from its findings.json, or are computed from its results.jsonl (older runs have no
 * findings.json, or one written before q-values: then its results are judged again when they are there)
 * with the report's bootstrap and rule.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, description = {
    "Hold the findings of one run against a second run: which claims survive, which cells moved.",
    "For each finding of RUN_A: confirmed in RUN_B (its interval overlaps A's), confirmed in sign with a size that "
        + "differs, contradicted (B finds a difference the other way), or not confirmed: B finds a difference of unclear "
        + "size, one under the threshold, none (its interval includes 1), none once its many pairs are counted, has too "
        + "few trials, or lacks the pair. Then B's findings that A does not state, the runtimes and cells of A missing in "
        + "B, and the cells (runtime, metric) whose intervals in the two runs do not overlap, with how many of those two "
        + "runs of an unchanged machine would give. Each run's threshold, false discovery rate target and trial counts "
        + "are printed, with a warning when they differ. A run's findings come from its findings.json, else they are "
        + "computed from its results.jsonl.",
    "Exit code: 0 when B contradicts nothing and lacks nothing of A; 1 when a finding is contradicted; 3 when a "
        + "runtime or cell of A is missing in B (and nothing is contradicted); 2 for a folder with neither file."})
final class CompareCommand implements Callable<Integer> {
    /** A finding of run A is significant in run B the other way round. */
    static final int CONTRADICTED = 1;
    /** A runtime or a cell of run A is not in run B at all. */
    static final int INCOMPLETE = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The run whose findings are checked (a results folder).")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The second run they are checked against.")
    Path runB;

    @Option(names = "--json", description = "One JSON object (runs, warnings, summary, rechecks, newInB, missingInB, "
            + "nonOverlapping, expectedNonOverlapping) instead of tables.")
    boolean json;

    /** A run's findings, where they came from, and the rule and trials they rest on. */
    record Run(String dir, String source, long seed, int resamples, double threshold, Double fdr, Integer minTrials,
            String trials, @com.fasterxml.jackson.annotation.JsonIgnore Findings findings) {
        static Run of(Path dir, String source, Findings f) {
            List<Integer> ns = f.intervals().stream().map(i -> i.interval().n()).distinct().sorted().toList();
            String trials = ns.isEmpty() ? "none" : ns.size() == 1 ? String.valueOf(ns.get(0))
                    : ns.get(0) + "–" + ns.get(ns.size() - 1);
            return new Run(dir.toString(), source, f.seed(), f.resamples(), f.threshold(), f.fdr(), f.minTrials(), trials, f);
        }

        /** "threshold 5%, FDR target 5%, at least 5 trials a side; trials per runtime and cell: 5". */
        String rule() {
            return "threshold " + Units.pctExact(threshold) + ", FDR target " + (fdr == null ? "none (written before q-values)"
                    : Units.pctExact(fdr)) + (minTrials == null ? "" : ", at least " + minTrials + " trials a side")
                    + "; trials per runtime and cell: " + trials;
        }
    }

    /** One cell that moved: a runtime's interval on a metric in A and in B, not overlapping. */
    record Shift(io.greetbench.bench.stats.CellKey cell, String runtime, Metric metric, Interval inA, Interval inB, double change) {
        static Shift of(CellShift s) {
            return new Shift(s.cell(), s.runtime(), s.metric(), s.inA(), s.inB(), s.change());
        }
    }

    /** What --json prints. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Result(Run runA, Run runB, List<String> warnings, Map<String, Integer> summary, List<Recheck> rechecks,
            List<Recheck> newInB, Comparison.Missing missingInB, List<Shift> nonOverlapping, double expectedNonOverlapping) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Run a;
        Run b;
        List<Recheck> rechecks;
        List<Recheck> fresh;
        Comparison.Missing missing;
        List<CellShift> shifts;
        double expected;
        try {
            a = load(runA);
            b = load(runB);
            rechecks = new ArrayList<>(Comparison.recheck(a.findings().findings(), b.findings().findings()));
            fresh = Comparison.newInB(a.findings().findings(), b.findings().findings());
            missing = Comparison.missingInB(a.findings().intervals(), b.findings().intervals());
            shifts = Comparison.nonOverlapping(a.findings().intervals(), b.findings().intervals());
            expected = Comparison.expectedNonOverlapping(a.findings().intervals(), bootstrap(a), b.findings().intervals(),
                    bootstrap(b));
        } catch (Problem | IllegalArgumentException e) {
            err.println("greetbench: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        rechecks.sort(Comparator.comparing(r -> severity(r.outcome())));
        Map<String, Integer> summary = new LinkedHashMap<>();
        Map<RecheckOutcome, Integer> counts = new EnumMap<>(RecheckOutcome.class);
        for (RecheckOutcome o : RecheckOutcome.values()) {
            counts.put(o, (int) rechecks.stream().filter(r -> r.outcome() == o).count());
            summary.put(o.name(), counts.get(o));
        }
        summary.put("NEW_IN_B", fresh.size());
        summary.put("RUNTIMES_MISSING_IN_B", missing.runtimes().size());
        summary.put("CELLS_MISSING_IN_B", missing.cells().size());
        summary.put("NON_OVERLAPPING_CELLS", shifts.size());
        List<String> warnings = warnings(a, b);
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(new Result(a, b, warnings, summary, rechecks, fresh, missing,
                    shifts.stream().map(Shift::of).toList(), expected)));
        } else {
            human(out, a, b, warnings, rechecks, counts, fresh, missing, shifts, expected);
        }
        out.flush();
        if (counts.get(RecheckOutcome.CONTRADICTED) > 0) {
            return CONTRADICTED;
        }
        return missing.any() ? INCOMPLETE : ExitCode.OK;
    }

    /** A folder that is not a run: said in one line, with what to give instead. */
    private static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private static Bootstrap bootstrap(Run r) {
        return new Bootstrap(r.resamples(), r.seed());
    }

    private static Run load(Path dir) throws Problem {
        Path file = dir.resolve(Findings.FILE);
        boolean results = Files.isRegularFile(dir.resolve(ResultsFile.NAME));
        try {
            if (Files.isRegularFile(file)) {
                Findings f = Findings.read(file);
                if (f.accountsForManyComparisons()) {
                    return Run.of(dir, Findings.FILE, f);
                }
                if (results) {
                    return Run.of(dir, "computed from " + ResultsFile.NAME + " (its " + Findings.FILE
                            + " was written before q-values)", ReportWriter.findings(dir));
                }
                return Run.of(dir, Findings.FILE + ", written before q-values: judged again from its intervals, its many "
                        + "pairs unaccounted for", f.rejudged());
            }
            if (results) {
                return Run.of(dir, "computed from " + ResultsFile.NAME, ReportWriter.findings(dir));
            }
        } catch (IOException e) {
            throw new Problem("cannot read " + (Files.isRegularFile(file) ? file : dir.resolve(ResultsFile.NAME)) + " ("
                    + e.getMessage().lines().findFirst().orElse("") + "); give a results folder written by greetbench");
        }
        throw new Problem(dir + " holds neither " + Findings.FILE + " nor " + ResultsFile.NAME
                + "; give two results folders written by 'greetbench run' (e.g. docs/results/<id>)");
    }

    /** Where the two runs were judged differently, or rest on different trial counts. */
    private static List<String> warnings(Run a, Run b) {
        List<String> warnings = new ArrayList<>();
        if (a.threshold() != b.threshold()) {
            warnings.add("the thresholds differ: " + Units.pctExact(a.threshold()) + " in A, " + Units.pctExact(b.threshold()) + " in B");
        }
        if (!java.util.Objects.equals(a.fdr(), b.fdr())) {
            warnings.add("the false discovery rate targets differ: " + (a.fdr() == null ? "none" : Units.pctExact(a.fdr())) + " in A, "
                    + (b.fdr() == null ? "none" : Units.pctExact(b.fdr())) + " in B");
        }
        if (!java.util.Objects.equals(a.minTrials(), b.minTrials())) {
            warnings.add("the minimum trials for a claim differ: " + a.minTrials() + " in A, " + b.minTrials() + " in B");
        }
        if (!a.trials().equals(b.trials())) {
            warnings.add("the trial counts differ: " + a.trials() + " in A, " + b.trials() + " in B (fewer trials give wider "
                    + "intervals: a finding can fail to be confirmed for that alone)");
        }
        return warnings;
    }

    /** Contradictions first, then what B could not confirm, then the confirmed in sign, then the confirmed. */
    private static int severity(RecheckOutcome o) {
        return switch (o) {
            case CONTRADICTED -> 0;
            case CONFIRMED -> 3;
            case SIZE_DIFFERS -> 2;
            default -> 1;
        };
    }

    private static String outcomeText(RecheckOutcome o) {
        return switch (o) {
            case CONFIRMED -> "confirmed";
            case SIZE_DIFFERS -> "confirmed in sign, size differs";
            case CONTRADICTED -> "CONTRADICTED";
            case SIZE_UNCLEAR_IN_B -> "different in B, size unclear";
            case UNDER_THRESHOLD_IN_B -> "under the threshold in B";
            case NO_DIFFERENCE_IN_B -> "no difference in B";
            case NOT_SIGNIFICANT_IN_B -> "not significant over B's pairs";
            case TOO_FEW_TRIALS_IN_B -> "too few trials in B";
            case MISSING_IN_B -> "missing in B";
        };
    }

    private static void human(PrintWriter out, Run a, Run b, List<String> warnings, List<Recheck> rechecks,
            Map<RecheckOutcome, Integer> counts, List<Recheck> fresh, Comparison.Missing missing, List<CellShift> shifts,
            double expected) {
        out.printf(Locale.ROOT, "A: %s (%s; seed %d, %,d resamples)%n   %s%n", a.dir(), a.source(), a.seed(), a.resamples(), a.rule());
        out.printf(Locale.ROOT, "B: %s (%s; seed %d, %,d resamples)%n   %s%n", b.dir(), b.source(), b.seed(), b.resamples(), b.rule());
        for (String w : warnings) {
            out.println("Warning: " + w + ".");
        }
        out.println();
        List<String> parts = new ArrayList<>();
        for (RecheckOutcome o : RecheckOutcome.values()) {
            if (counts.get(o) > 0) {
                parts.add(counts.get(o) + " " + outcomeText(o));
            }
        }
        out.printf(Locale.ROOT, "%d finding(s) of A held against B%s.%n", rechecks.size(),
                parts.isEmpty() ? "" : ": " + String.join("; ", parts));
        if (!rechecks.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"outcome", "cell", "metric", "pair A/B", "ratio in A (95% CI)", "ratio in B (95% CI)", "B's q"});
            for (Recheck r : rechecks) {
                Finding f = r.inA();
                rows.add(new String[] {outcomeText(r.outcome()), f.cell().label(), f.metric().label(),
                    f.runtimeA() + "/" + f.runtimeB(), ratio(f), r.inB() == null ? Units.NONE : ratio(r.inB()),
                    r.inB() == null ? Units.NONE : Units.probability(r.inB().q())});
            }
            out.println();
            table(out, rows);
        }
        out.println();
        out.printf(Locale.ROOT, "Findings of B that A does not state: %d.%n", fresh.size());
        if (!fresh.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"cell", "metric", "pair", "ratio in B (95% CI)", "in A"});
            for (Recheck r : fresh) {
                Finding f = r.inB();
                rows.add(new String[] {f.cell().label(), f.metric().label(), f.runtimeA() + "/" + f.runtimeB(), ratio(f),
                    r.inA() == null ? "absent" : ratio(r.inA()) + ", " + r.inA().verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ')});
            }
            out.println();
            table(out, rows);
        }
        if (missing.any()) {
            out.println();
            out.printf(Locale.ROOT, "Missing in B: %d runtime(s)%s; %d cell(s)%s.%n", missing.runtimes().size(),
                    missing.runtimes().isEmpty() ? "" : " (" + String.join(", ", missing.runtimes()) + ")", missing.cells().size(),
                    missing.cells().isEmpty() ? "" : " (" + String.join(", ", missing.cells().stream()
                            .map(io.greetbench.bench.stats.CellKey::label).toList()) + ")");
        }
        out.println();
        String chance = String.format(Locale.ROOT, "two runs of an unchanged machine would give about %.1f such cells by "
                + "chance (independent trials' intervals of one distribution miss each other with a chance set by the trial "
                + "counts alone: 2/252 at 5 and 5)", expected);
        if (shifts.isEmpty()) {
            out.println("Cells whose intervals do not overlap between A and B: none; " + chance + ".");
            return;
        }
        out.printf(Locale.ROOT, "Cells whose intervals do not overlap between A and B: %d; %s.%n%n", shifts.size(), chance);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "runtime", "metric", "A: median (interval)", "B: median (interval)", "change"});
        for (CellShift s : shifts) {
            rows.add(new String[] {s.cell().label(), s.runtime(), s.metric().label(), value(s.metric(), s.inA()),
                value(s.metric(), s.inB()), String.format(Locale.ROOT, "%+.0f%%", s.change() * 100)});
        }
        table(out, rows);
    }

    /** "0.88 (0.80–0.94)", "0.16 (0.0015–0.31)", or "0.93 (n=1)" for a single trial. */
    private static String ratio(Finding f) {
        return Math.min(f.trialsA(), f.trialsB()) < 2 ? number(f.ratio()) + " (n=1)"
                : number(f.ratio()) + " (" + number(f.ratioLow()) + "–" + number(f.ratioHigh()) + ")";
    }

    /** Two decimals, or two significant digits below 0.1 (so that a small ratio never reads 0.00). */
    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 0.1 ? "%.2f" : "%.2g", v);
    }

    private static String value(Metric metric, Interval i) {
        java.util.function.Function<Double, String> format = switch (metric) {
            case CPU_PER_REQUEST -> v -> Units.oneDecimal(v) + " µs";
            case P99_LATENCY, P999_LATENCY -> Units::micros;
            case THROUGHPUT -> v -> Units.rate(v) + " req/s";
            case REQUESTS_PER_CPU -> v -> Units.rate(v) + " req/s/CPU";
            case PEAK_RSS -> Units::mibFromKb;
        };
        return format.apply(i.point()) + " (" + format.apply(i.low()) + "–" + format.apply(i.high()) + ")";
    }

    private static void table(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                widths[j] = Math.max(widths[j], row[j].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < row.length; j++) {
                line.append(j == 0 ? "" : "  ").append(row[j]).append(" ".repeat(widths[j] - row[j].length()));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
