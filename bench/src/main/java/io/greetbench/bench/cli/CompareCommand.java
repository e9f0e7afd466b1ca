package io.greetbench.bench.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greetbench.bench.report.ReportWriter;
import io.greetbench.bench.results.ResultsFile;
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
 * findings.json) with the report's bootstrap and rule.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, description = {
    "Hold the findings of one run against a second run: which claims survive, which cells moved.",
    "For each significant finding of RUN_A: confirmed in RUN_B, not significant in RUN_B, contradicted "
        + "(significant the other way) or missing there; then the cells (runtime, metric) whose 95%% intervals "
        + "in the two runs do not overlap. A run's findings come from its findings.json, else they are computed "
        + "from its results.jsonl.",
    "Exit code: 0 when no finding is contradicted, 1 when one is, 2 for a folder with neither file."})
final class CompareCommand implements Callable<Integer> {
    /** A finding of run A is significant in run B the other way round. */
    static final int CONTRADICTED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The run whose findings are checked (a results folder).")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The second run they are checked against.")
    Path runB;

    @Option(names = "--json", description = "One JSON object (runs, summary, rechecks, nonOverlapping) instead of tables.")
    boolean json;

    /** A run's findings and where they came from. */
    record Run(String dir, String source, long seed, int resamples, @com.fasterxml.jackson.annotation.JsonIgnore Findings findings) {
    }

    /** One cell that moved: a runtime's interval on a metric in A and in B, not overlapping. */
    record Shift(io.greetbench.bench.stats.CellKey cell, String runtime, Metric metric, Interval inA, Interval inB, double change) {
        static Shift of(CellShift s) {
            return new Shift(s.cell(), s.runtime(), s.metric(), s.inA(), s.inB(), s.change());
        }
    }

    /** What --json prints. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Result(Run runA, Run runB, Map<String, Integer> summary, List<Recheck> rechecks, List<Shift> nonOverlapping) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Run a;
        Run b;
        List<Recheck> rechecks;
        List<CellShift> shifts;
        try {
            a = load(runA);
            b = load(runB);
            rechecks = new ArrayList<>(Comparison.recheck(a.findings().findings(), b.findings().findings()));
            shifts = Comparison.nonOverlapping(a.findings().intervals(), b.findings().intervals());
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
        summary.put("NON_OVERLAPPING_CELLS", shifts.size());
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(new Result(a, b, summary, rechecks, shifts.stream().map(Shift::of).toList())));
        } else {
            human(out, a, b, rechecks, counts, shifts);
        }
        out.flush();
        return counts.get(RecheckOutcome.CONTRADICTED) > 0 ? CONTRADICTED : ExitCode.OK;
    }

    /** A folder that is not a run: said in one line, with what to give instead. */
    private static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private static Run load(Path dir) throws Problem {
        Path file = dir.resolve(Findings.FILE);
        try {
            if (Files.isRegularFile(file)) {
                Findings f = Findings.read(file);
                return new Run(dir.toString(), Findings.FILE, f.seed(), f.resamples(), f);
            }
            if (Files.isRegularFile(dir.resolve(ResultsFile.NAME))) {
                Findings f = ReportWriter.findings(dir);
                return new Run(dir.toString(), "computed from " + ResultsFile.NAME, f.seed(), f.resamples(), f);
            }
        } catch (IOException e) {
            throw new Problem("cannot read " + (Files.isRegularFile(file) ? file : dir.resolve(ResultsFile.NAME)) + " ("
                    + e.getMessage().lines().findFirst().orElse("") + "); give a results folder written by greetbench");
        }
        throw new Problem(dir + " holds neither " + Findings.FILE + " nor " + ResultsFile.NAME
                + "; give two results folders written by 'greetbench run' (e.g. docs/results/<id>)");
    }

    /** Contradictions first, then what B could not confirm, then the confirmed. */
    private static int severity(RecheckOutcome o) {
        return switch (o) {
            case CONTRADICTED -> 0;
            case NOT_SIGNIFICANT_IN_B -> 1;
            case MISSING_IN_B -> 2;
            case CONFIRMED -> 3;
        };
    }

    private static String outcomeText(RecheckOutcome o) {
        return switch (o) {
            case CONFIRMED -> "confirmed";
            case NOT_SIGNIFICANT_IN_B -> "not significant in B";
            case CONTRADICTED -> "CONTRADICTED";
            case MISSING_IN_B -> "missing in B";
        };
    }

    private static void human(PrintWriter out, Run a, Run b, List<Recheck> rechecks, Map<RecheckOutcome, Integer> counts,
            List<CellShift> shifts) {
        out.printf(Locale.ROOT, "A: %s (%s; seed %d, %,d resamples)%n", a.dir(), a.source(), a.seed(), a.resamples());
        out.printf(Locale.ROOT, "B: %s (%s; seed %d, %,d resamples)%n%n", b.dir(), b.source(), b.seed(), b.resamples());
        out.printf(Locale.ROOT, "%d significant finding(s) of A held against B: %d confirmed, %d not significant in B, "
                + "%d contradicted, %d missing in B.%n", rechecks.size(), counts.get(RecheckOutcome.CONFIRMED),
                counts.get(RecheckOutcome.NOT_SIGNIFICANT_IN_B), counts.get(RecheckOutcome.CONTRADICTED),
                counts.get(RecheckOutcome.MISSING_IN_B));
        if (!rechecks.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"outcome", "cell", "metric", "pair A/B", "ratio in A (95% CI)", "ratio in B (95% CI)"});
            for (Recheck r : rechecks) {
                Finding f = r.inA();
                rows.add(new String[] {outcomeText(r.outcome()), f.cell().label(), f.metric().label(),
                    f.runtimeA() + "/" + f.runtimeB(), ratio(f), r.inB() == null ? Units.NONE : ratio(r.inB())});
            }
            out.println();
            table(out, rows);
        }
        out.println();
        if (shifts.isEmpty()) {
            out.println("Cells whose 95% intervals do not overlap between A and B: none.");
            return;
        }
        out.printf(Locale.ROOT, "Cells whose 95%% intervals do not overlap between A and B: %d.%n%n", shifts.size());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "runtime", "metric", "A: median (95% CI)", "B: median (95% CI)", "change"});
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
