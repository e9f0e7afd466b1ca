package io.greetbench.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report's JMH part, from the JMH JSON ({@code jmh-result.json}) in the results folder. A score
 * whose error (JMH's 99.9% half-width) is more than {@link #RESOLVED} of it says nothing a reader
 * could rank by: it is shown as "unresolved (± x%)" instead of as a number, and left out of the charts.
 */
final class JmhSection implements ReportSection {
    static final String FILE = "jmh-result.json";
    /** The largest error, relative to the score, at which a score counts as measured. */
    static final double RESOLVED = 0.10;
    private static final String ALLOC = "gc.alloc.rate.norm"; // JMH 1.37's name (older versions prefix "·")

    /** A JMH score with its error: JMH's 99.9% confidence half-width (NaN when it had too few iterations to say). */
    record Score(double value, double error, String unit) {
        static Score of(JsonNode metric) {
            return new Score(metric.path("score").asDouble(Double.NaN), errorOf(metric), metric.path("scoreUnit").asText(""));
        }

        /** JMH writes "NaN" (a string) when one iteration gave it no error. */
        private static double errorOf(JsonNode metric) {
            JsonNode e = metric.path("scoreError");
            return e.isNumber() ? e.asDouble() : e.isTextual() ? parse(e.asText()) : Double.NaN;
        }

        private static double parse(String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        /** The error as a share of the score. */
        double relativeError() {
            return error / Math.abs(value);
        }

        /** Whether the score is known to within {@link #RESOLVED} of itself. */
        boolean resolved() {
            return Double.isFinite(value) && value != 0 && Double.isFinite(error) && relativeError() <= RESOLVED;
        }

        /** "55.087 ± 1.836 us/op", or "unresolved (± 137%)" in place of the number. */
        String text(String format) {
            if (resolved()) {
                return String.format(Locale.ROOT, format + " ± " + format + " %s", value, error, unit).trim();
            }
            return Double.isFinite(error) && Double.isFinite(value) && value != 0
                    ? String.format(Locale.ROOT, "unresolved (± %.0f%%)", relativeError() * 100)
                    : "unresolved (no error estimate)";
        }
    }

    @Override
    public void render(ReportContext ctx, StringBuilder md) throws IOException {
        Path dir = ctx.dir();
        if (!Files.isRegularFile(dir.resolve(FILE))) {
            return;
        }
        JsonNode results = new ObjectMapper().readTree(dir.resolve(FILE).toFile());
        md.append("## JMH: the cost of a greeting inside each runtime\n\n")
                .append("From [`").append(FILE).append("`](").append(FILE).append(") (JMH ")
                .append(results.size() > 0 ? results.get(0).path("jmhVersion").asText() : "?").append(", ")
                .append(results.size() > 0 ? results.get(0).path("vmName").asText() + " " + results.get(0).path("vmVersion").asText() : "")
                .append("). Score ± the 99.9% confidence half-width JMH reports; allocation per operation from `-prof gc` ")
                .append("where it was on. ").append(String.format(Locale.ROOT, "A score whose error is more than %.0f%% of it ",
                        RESOLVED * 100))
                .append("is **unresolved**: the run could not pin it down (too few forks or iterations; `greetbench jmh` ")
                .append("without options runs enough), so it is given no number and no bar. The round trip runs client and ")
                .append("server in one JVM: its figure is the whole request, not the server alone.\n\n");
        md.append("| benchmark | parameters | mode | score | allocated per op |\n|---|---|---|---:|---:|\n");
        Map<String, Score> allocPerRuntime = new LinkedHashMap<>();
        Map<String, Score> opsPerRuntime = new LinkedHashMap<>();
        Map<String, Score> timePerRuntime = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String benchmark = r.path("benchmark").asText();
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            r.path("params").fields().forEachRemaining(e -> params.append(e.getKey()).append('=').append(e.getValue().asText()).append(' '));
            Score primary = Score.of(r.path("primaryMetric"));
            JsonNode allocNode = r.path("secondaryMetrics").path(ALLOC);
            if (allocNode.isMissingNode()) {
                allocNode = r.path("secondaryMetrics").path("·" + ALLOC);
            }
            Score alloc = allocNode.isMissingNode() ? null : Score.of(allocNode);
            String allocText = alloc == null ? "–" : alloc.resolved() ? String.format(Locale.ROOT, "%.0f B", alloc.value())
                    : alloc.text("%.0f");
            md.append("| ").append(shortName).append(" | ").append(params.toString().trim()).append(" | ")
                    .append(r.path("mode").asText()).append(" | ").append(primary.text("%.3f"))
                    .append(" | ").append(allocText).append(" |\n");
            String runtime = r.path("params").path("runtime").asText(null);
            if (runtime == null) {
                continue;
            }
            String mode = r.path("mode").asText();
            if (mode.equals("thrpt")) {
                opsPerRuntime.put(runtime, primary);
                if (alloc != null) {
                    allocPerRuntime.put(runtime, alloc);
                }
            } else if (mode.equals("sample") || mode.equals("avgt")) {
                timePerRuntime.putIfAbsent(runtime, primary);
            }
        }
        md.append('\n');
        chart(ctx, md, "jmh-roundtrip.png", "JMH round trip", "In-process round trips per second (one connection per thread)",
                "round trips per second", opsPerRuntime, "round-trip throughput");
        chart(ctx, md, "jmh-roundtrip-time.png", "JMH round-trip time", "Time per in-process round trip",
                "µs per round trip", timePerRuntime, "round-trip time");
        chart(ctx, md, "jmh-alloc.png", "JMH allocation per request", "Bytes allocated per request (JMH -prof gc)",
                "bytes per request", allocPerRuntime, "allocation");
    }

    /** A bar per runtime whose score is resolved, JMH's error as its whisker; a line saying so when none is. */
    private static void chart(ReportContext ctx, StringBuilder md, String file, String alt, String title, String axis,
            Map<String, Score> scores, String what) throws IOException {
        if (scores.isEmpty()) {
            return;
        }
        java.util.List<Charts.Bar> bars = new java.util.ArrayList<>();
        java.util.List<String> unresolved = new java.util.ArrayList<>();
        scores.forEach((runtime, s) -> {
            if (s.resolved()) {
                double f = perSecond(s.unit());
                bars.add(new Charts.Bar(runtime, s.value() * f, (s.value() - s.error()) * f, (s.value() + s.error()) * f));
            } else {
                unresolved.add("`" + runtime + "`");
            }
        });
        if (bars.isEmpty()) {
            Files.deleteIfExists(ctx.dir().resolve(file)); // an older report's chart of these scores would contradict the page
            md.append("No chart of ").append(what).append(": every score is unresolved.\n\n");
            return;
        }
        if (Charts.bars(ctx.dir().resolve(file), title, "whiskers: JMH's 99.9% confidence interval", axis,
                ChartAxes::compact, bars)) {
            md.append("![").append(alt).append("](").append(file).append(")\n\n");
            if (!unresolved.isEmpty()) {
                md.append("Left out of the chart, unresolved: ").append(String.join(", ", unresolved)).append(".\n\n");
            }
        }
    }

    /** A throughput per µs or ms as per second (round trips/s read better than 0.02 per µs); other units as they are. */
    private static double perSecond(String unit) {
        return switch (unit) {
            case "ops/us" -> 1e6;
            case "ops/ms" -> 1e3;
            default -> 1;
        };
    }
}
