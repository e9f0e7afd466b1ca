package io.greetbench.bench.stats;

import java.util.List;

/**
 * The content of findings.json: the findings with what is needed to recompute them (the bootstrap's
 * seed and resamples) and to read them (confidence, threshold).
 */
public record Findings(long seed, int resamples, double confidence, double threshold, List<Finding> findings) {

    public Findings {
        findings = List.copyOf(findings);
    }

    public static Findings of(Bootstrap bootstrap, FindingRule rule, List<Finding> findings) {
        return new Findings(bootstrap.seed(), bootstrap.resamples(), Bootstrap.CONFIDENCE, rule.threshold(), findings);
    }
}
