package io.greetbench.bench.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The content of findings.json: the findings with what is needed to recompute them (the bootstrap's
 * seed and resamples) and to read them (confidence, threshold), and every runtime's median with its
 * interval in each cell and metric compared (what {@link Comparison#nonOverlapping} holds against a
 * second run).
 */
public record Findings(long seed, int resamples, double confidence, double threshold, List<Finding> findings,
        List<CellInterval> intervals) {
    public static final String FILE = "findings.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Findings {
        findings = List.copyOf(findings);
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
    }

    public static Findings of(Bootstrap bootstrap, FindingRule rule, List<Finding> findings) {
        return of(bootstrap, rule, findings, List.of());
    }

    public static Findings of(Bootstrap bootstrap, FindingRule rule, List<Finding> findings, List<CellInterval> intervals) {
        return new Findings(bootstrap.seed(), bootstrap.resamples(), Bootstrap.CONFIDENCE, rule.threshold(), findings,
                intervals);
    }

    /** Writes {@code dir/findings.json}: the same findings give the same bytes. */
    public Path write(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Reads a findings.json. */
    public static Findings read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Findings.class);
    }
}
