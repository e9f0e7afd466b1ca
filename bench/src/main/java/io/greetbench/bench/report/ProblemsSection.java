package io.greetbench.bench.report;

import io.greetbench.bench.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What went wrong or may mislead: failed measurements, skipped runtimes, noisy cells, warm-ups. */
final class ProblemsSection implements ReportSection {
    /** Between-trial spread of throughput above which a cell is listed as noisy. */
    static final double NOISY = 0.05;

    @Override
    public void render(ReportContext ctx, StringBuilder md) {
        List<String> failed = new ArrayList<>();
        for (CellTrials c : ctx.index().cells()) {
            for (String f : c.failures) {
                failed.add("`" + c.runtime() + "` " + c.label().substring(c.runtime().length() + 1) + ", " + f);
            }
        }
        md.append("## Failures, skipped runtimes and noise\n\n");
        md.append(failed.isEmpty() ? "No measurement failed.\n\n" : "Failed measurements:\n\n- " + String.join("\n- ", failed) + "\n\n");
        if (!ctx.index().skipped().isEmpty()) {
            md.append("Not measured here:\n\n- ").append(String.join("\n- ", ctx.index().skipped())).append("\n\n");
        }
        noise(ctx, md);
        warmups(ctx, md);
    }

    private static void noise(ReportContext ctx, StringBuilder md) {
        List<String> noisy = new ArrayList<>();
        long multiTrial = 0;
        long machineToo = 0;
        long probed = 0;
        for (CellTrials c : ctx.index().cells()) {
            Spread s = c.rps();
            if (s.n() < 2 || c.rateFraction() > 0) {
                continue;
            }
            multiTrial++;
            if (s.relativeRange() > NOISY) {
                Spread machine = c.machineProbe();
                String probe = "";
                if (machine.n() >= 2) {
                    probed++;
                    machineToo += machine.relativeRange() > NOISY ? 1 : 0;
                    probe = "; machine " + Units.pct(machine.relativeRange());
                }
                noisy.add(c.runtime() + " " + c.scenario() + " c=" + c.connections() + " (" + Units.pct(s.relativeRange())
                        + probe + (c.driverBound() ? "; driver-bound" : "") + ")");
            }
        }
        if (multiTrial == 0) {
            return;
        }
        md.append(String.format(Locale.ROOT, "Between-trial spread of throughput ((max − min) / median): %d of %d cells "
                + "within %s.", multiTrial - noisy.size(), multiTrial, Units.pct(NOISY)));
        md.append(noisy.isEmpty() ? "\n\n" : " Above it: " + String.join(", ", noisy) + ".\n\n");
        if (probed > 0) {
            md.append(String.format(Locale.ROOT, "\"machine\" is the spread of the machine's own speed over the same trials "
                    + "(a fixed loop timed on the driver CPU before and after each measurement): in %d of these %d "
                    + "cells the machine itself ran more than %s faster in one trial than in another, so the "
                    + "spread there is at least partly the host's, not the runtime's.\n\n", machineToo, probed,
                    Units.pct(NOISY)));
        }
    }

    /** How long the adaptive warm-ups took per runtime, and which never settled. */
    private static void warmups(ReportContext ctx, StringBuilder md) {
        Map<String, List<Double>> byRuntime = new TreeMap<>();
        List<String> unsettled = new ArrayList<>();
        for (CellTrials c : ctx.index().cells()) {
            for (var m : c.ok) {
                if (m.load().warmupSettled() != null) {
                    byRuntime.computeIfAbsent(c.runtime(), k -> new ArrayList<>()).add(m.load().warmupSeconds());
                }
            }
            if (c.unsettledWarmups() > 0) {
                unsettled.add(c.label() + " (" + c.unsettledWarmups() + ")");
            }
        }
        if (byRuntime.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        byRuntime.forEach((runtime, values) -> {
            Spread s = Spread.of(values);
            parts.add(String.format(Locale.ROOT, "%s %.0f s (%.0f–%.0f)", runtime, s.median(), s.min(), s.max()));
        });
        // results that record the compiler's time were warmed until it went quiet too (the same change made both)
        boolean compilerRead = ctx.index().cells().stream().flatMap(c -> c.ok.stream())
                .anyMatch(m -> m.server() != null && m.server().jitCpuSeconds() != null);
        md.append("Adaptive warm-up, until the server's CPU per request stopped falling").append(compilerRead
                ? " and its JIT compiler had gone quiet" : "").append(" (median, min–max over all its measurements): ")
                .append(String.join(", ", parts)).append(". ");
        md.append(unsettled.isEmpty() ? "Every warm-up settled before the maximum.\n\n"
                : "Reached the maximum without settling (measured anyway): " + String.join(", ", unsettled) + ".\n\n");
    }
}
