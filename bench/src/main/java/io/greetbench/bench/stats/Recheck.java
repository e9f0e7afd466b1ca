package io.greetbench.bench.stats;

/**
 * One claim of run A held against run B. {@code inB} is B's finding turned to A's order of the pair
 * (so its ratio reads the same way as A's), or null when B has none.
 */
public record Recheck(Finding inA, Finding inB, RecheckOutcome outcome) {
}
