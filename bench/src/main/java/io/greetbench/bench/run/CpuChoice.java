package io.greetbench.bench.run;

import io.greetbench.bench.results.CpuReadings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which CPUs get the server and which the driver, from a {@link CpuCheck} survey: the server on the
 * steadiest, because the server's CPU is what the run measures (a slow spell there is a slow
 * runtime in the figures), while the driver has headroom by design. Steadiest: see {@link #steadiest}.
 */
public record CpuChoice(String serverCpus, String driverCpus, String explanation) {

    /**
     * Orders CPUs steadiest first, against {@code fastest}, the fastest reading of any CPU: a CPU whose
     * median is over {@link CpuReadings#SLOW} times that is busy with something else or held back by
     * the host, however even its readings (a CPU shared with a busy process reads slow and steady), and
     * comes last; then the fewest slow readings, the smallest coefficient of variation, the fastest
     * median.
     */
    static Comparator<CpuReadings> steadiest(double fastest) {
        return Comparator.comparing((CpuReadings r) -> r.median() > CpuReadings.SLOW * fastest)
                .thenComparingDouble(r -> Math.round(r.slowShare() * 20) / 20.0) // 5% steps: a reading or two is noise
                .thenComparingDouble(r -> Math.round(r.cv() * 50) / 50.0)         // 2% steps of CV
                .thenComparingDouble(CpuReadings::median);
    }

    /** The {@code serverCount} steadiest CPUs for the server, the rest for the driver. */
    public static CpuChoice choose(Map<Integer, CpuReadings> survey, int serverCount) {
        if (survey.size() < 2 || serverCount < 1 || serverCount >= survey.size()) {
            throw new IllegalArgumentException("a choice needs at least one CPU for each side (CPUs " + survey.keySet()
                    + ", " + serverCount + " for the server)");
        }
        List<CpuReadings> ordered = new ArrayList<>(survey.values());
        ordered.sort(steadiest(ordered.stream().mapToDouble(CpuReadings::fastest).min().orElseThrow()));
        List<CpuReadings> server = ordered.subList(0, serverCount);
        List<CpuReadings> driver = ordered.subList(serverCount, ordered.size());
        String explanation = String.format(Locale.ROOT, "server on CPU %s (%s), driver on CPU %s (%s): the server's CPU "
                + "is what is measured, so it gets the steadiest (fewest slow readings, then the smaller CV in steps of 2 points, "
                + "then the faster median)", list(server), describe(server), list(driver),
                describe(driver));
        return new CpuChoice(list(server), list(driver), explanation);
    }

    /** The survey as a small table, one line a CPU. */
    public static String table(Map<Integer, CpuReadings> survey) {
        StringBuilder sb = new StringBuilder("CPU  readings  fastest     median     slowest   CV     slow (>"
                + CpuReadings.SLOW + "× fastest)\n");
        for (CpuReadings r : survey.values()) {
            sb.append(String.format(Locale.ROOT, "%3d  %8d  %6.2f ms  %6.2f ms  %6.2f ms  %4.1f%%  %4.1f%%%n", r.cpu(),
                    r.readings(), r.fastest() / 1e6, r.median() / 1e6, r.slowest() / 1e6, r.cv() * 100,
                    r.slowShare() * 100));
        }
        return sb.append("(ms per million units of fixed integer work; lower is faster)").toString();
    }

    private static String list(List<CpuReadings> cpus) {
        return cpus.stream().map(r -> String.valueOf(r.cpu())).sorted().collect(Collectors.joining(","));
    }

    private static String describe(List<CpuReadings> cpus) {
        return cpus.stream().map(r -> String.format(Locale.ROOT, "median %.2f ms, CV %.1f%%, %.0f%% slow", r.median() / 1e6,
                r.cv() * 100, r.slowShare() * 100)).collect(Collectors.joining("; "));
    }
}
