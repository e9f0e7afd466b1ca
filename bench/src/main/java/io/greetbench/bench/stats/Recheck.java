package io.greetbench.bench.stats;

/**
 * One claim of one run held against the other. {@code inB} is B's finding turned to A's order of the
 * pair (so its ratio reads the same way as A's), or null when B has none. For B's findings new to B
 * ({@link Comparison#newInB}), {@code inA} is A's finding turned to B's order (or null) and there is no outcome.
 */
public record Recheck(Finding inA, Finding inB, RecheckOutcome outcome) {
}
