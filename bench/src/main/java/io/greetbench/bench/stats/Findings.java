package io.greetbench.bench.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The content of findings.json: the findings with what is needed to recompute them (the bootstrap's
 * seed and resamples) and to read them (confidence, threshold, false discovery rate target, minimum
 * trials), the run's account of its many comparisons (pairs tested, findings stated, false findings
 * expected among them), and every runtime's median with its interval in each cell and metric compared
 * (what {@link Comparison#nonOverlapping} holds against a second run). The fields after
 * {@code intervals} are absent in files written before the rule accounted for many comparisons.
 *
 * @param fdr                   the false discovery rate target: a difference is stated at q ≤ fdr
 * @param minTrials             fewer trials on either side of a pair: no claim
 * @param pairsTested           pairs with a p-value (enough trials on both sides): the m of Benjamini–Hochberg
 * @param findingsStated        pairs whose verdict is {@link Verdict#SIGNIFICANT}
 * @param expectedFalseFindings at most this many of them are expected to be differences where there is
 *                              none: fdr × findingsStated (the Benjamini–Hochberg bound)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Findings(long seed, int resamples, double confidence, double threshold, List<Finding> findings,
        List<CellInterval> intervals, Double fdr, Integer minTrials, Integer pairsTested, Integer findingsStated,
        Double expectedFalseFindings) {
    public static final String FILE = "findings.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Findings {
        findings = List.copyOf(findings);
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
    }

    public static Findings of(Bootstrap bootstrap, FindingRule rule, List<Finding> findings) {
        return of(bootstrap, rule, findings, List.of());
    }

    /** The file for a run's findings, already adjusted together ({@link FalseDiscovery#adjust}). */
    public static Findings of(Bootstrap bootstrap, FindingRule rule, List<Finding> findings, List<CellInterval> intervals) {
        int tested = (int) findings.stream().filter(f -> f.p() != null).count();
        int stated = (int) findings.stream().filter(Finding::significant).count();
        return new Findings(bootstrap.seed(), bootstrap.resamples(), Bootstrap.CONFIDENCE, rule.threshold(), findings,
                intervals, rule.fdr(), rule.minTrials(), tested, stated, rule.fdr() * stated);
    }

    /** True when the file was written by the rule that accounts for many comparisons (it has a target). */
    public boolean accountsForManyComparisons() {
        return fdr != null;
    }

    /** The rule these findings were judged by (an older file's: its threshold and today's target). */
    public FindingRule rule() {
        return new FindingRule(threshold, fdr == null ? FindingRule.DEFAULT_FDR : fdr);
    }

    /**
     * An older file's findings judged again by today's rule from their intervals and trial counts: without
     * q-values (it has no p-values), so its many comparisons stay unaccounted for, and it says so by
     * having no target. A file written by today's rule is returned as it is.
     */
    public Findings rejudged() {
        if (accountsForManyComparisons()) {
            return this;
        }
        FindingRule rule = rule();
        List<Finding> again = findings.stream().map(f -> new Finding(f.cell(), f.metric(), f.runtimeA(), f.runtimeB(),
                f.ratio(), f.ratioLow(), f.ratioHigh(), f.trialsA(), f.trialsB(),
                rule.judge(f.ratioInterval(), f.trialsA(), f.trialsB(), null))).toList();
        return new Findings(seed, resamples, confidence, threshold, again, intervals, null, null, null, null, null);
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
