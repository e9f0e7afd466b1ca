package io.greetbench.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The report's JMH part, from the JMH JSON ({@code jmh-result.json}) in the results folder. */
final class JmhSection implements ReportSection {
    static final String FILE = "jmh-result.json";
    private static final String ALLOC = "gc.alloc.rate.norm"; // JMH 1.37's name (older versions prefix "·")

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
                .append("where it was on. The round trip runs client and server in one JVM: its figure is the whole ")
                .append("request, not the server alone.\n\n");
        md.append("| benchmark | parameters | mode | score | allocated per op |\n|---|---|---|---:|---:|\n");
        Map<String, Double> allocPerRuntime = new LinkedHashMap<>();
        Map<String, Double> opsPerRuntime = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String benchmark = r.path("benchmark").asText();
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            r.path("params").fields().forEachRemaining(e -> params.append(e.getKey()).append('=').append(e.getValue().asText()).append(' '));
            JsonNode primary = r.path("primaryMetric");
            JsonNode alloc = r.path("secondaryMetrics").path(ALLOC);
            if (alloc.isMissingNode()) {
                alloc = r.path("secondaryMetrics").path("·" + ALLOC);
            }
            String allocText = alloc.isMissingNode() ? "–" : String.format(Locale.ROOT, "%.0f B", alloc.path("score").asDouble());
            md.append("| ").append(shortName).append(" | ").append(params.toString().trim()).append(" | ")
                    .append(r.path("mode").asText()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f ± %.3f %s", primary.path("score").asDouble(),
                            primary.path("scoreError").asDouble(), primary.path("scoreUnit").asText()))
                    .append(" | ").append(allocText).append(" |\n");
            String runtime = r.path("params").path("runtime").asText(null);
            if (runtime != null && r.path("mode").asText().equals("thrpt")) {
                opsPerRuntime.put(runtime, primary.path("score").asDouble());
                if (!alloc.isMissingNode()) {
                    allocPerRuntime.put(runtime, alloc.path("score").asDouble());
                }
            }
        }
        md.append('\n');
        if (Charts.bar(dir.resolve("jmh-roundtrip.png"), "In-process round trips per µs (one connection per thread)",
                "runtime", "round trips / µs", opsPerRuntime)) {
            md.append("![JMH round trip](jmh-roundtrip.png)\n\n");
        }
        if (Charts.bar(dir.resolve("jmh-alloc.png"), "Bytes allocated per request (JMH -prof gc)", "runtime",
                "bytes per request", allocPerRuntime)) {
            md.append("![JMH allocation per request](jmh-alloc.png)\n\n");
        }
    }
}
