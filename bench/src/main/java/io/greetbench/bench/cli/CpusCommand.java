package io.greetbench.bench.cli;

import io.greetbench.bench.load.CpuBusy;
import io.greetbench.bench.results.CpuReadings;
import io.greetbench.bench.run.CpuChoice;
import io.greetbench.bench.run.CpuCheck;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greetbench cpus}: how fast and how steady each CPU is right now, and where a run would put the server. */
@Command(name = "cpus", mixinStandardHelpOptions = true, description = {
    "Time a fixed piece of work on each CPU, in turn, and say how steady each one is and which one a run would give "
        + "the server.",
    "On a shared virtual machine the host slows CPUs down one at a time, for seconds; run this to see it."})
final class CpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to read the CPUs (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (CpuCheck check = new CpuCheck(CpuBusy.allowedCpus())) {
            Map<Integer, List<Double>> readings = check.readings(duration);
            Map<Integer, CpuReadings> survey = new LinkedHashMap<>();
            readings.forEach((cpu, values) -> survey.put(cpu, CpuReadings.of(cpu, values)));
            out.println(CpuChoice.table(survey));
            out.println(distribution(readings));
            if (survey.size() >= 2) {
                out.println(CpuChoice.choose(survey, 1).explanation());
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Bounds of the bins of reading / the CPU's fastest reading: where the gate's threshold sits among them. */
    private static final double[] BINS = {1.05, 1.10, 1.15, 1.25, 1.50};

    /** How the readings of each CPU spread, as multiples of its fastest: the evidence for the gate's threshold. */
    static String distribution(Map<Integer, List<Double>> readings) {
        StringBuilder sb = new StringBuilder("reading / the CPU's fastest:  ");
        for (int i = 0; i <= BINS.length; i++) {
            sb.append(String.format(Locale.ROOT, "%-12s", i == 0 ? "≤" + BINS[0] : i == BINS.length ? ">" + BINS[i - 1]
                    : BINS[i - 1] + "–" + BINS[i]));
        }
        for (var e : readings.entrySet()) {
            double fastest = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            int[] counts = new int[BINS.length + 1];
            for (double r : e.getValue()) {
                int bin = 0;
                while (bin < BINS.length && r / fastest > BINS[bin]) {
                    bin++;
                }
                counts[bin]++;
            }
            sb.append(String.format(Locale.ROOT, "%nCPU %d%26s", e.getKey(), ""));
            for (int c : counts) {
                sb.append(String.format(Locale.ROOT, "%-12s", String.format(Locale.ROOT, "%.1f%%", 100.0 * c
                        / e.getValue().size())));
            }
        }
        return sb.toString();
    }
}
