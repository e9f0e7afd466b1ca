package io.greetbench.bench.run;

import java.time.Duration;

/**
 * How far a run goes to rank its runtimes: the precision asked for, the time it may take, and
 * whether windows are gated by the server CPU's speed and an A/A twin measured in every round.
 *
 * @param target  the precision (0.05: ±5%): a pair is settled when its interval excludes no
 *                difference or lies within ±target of it ({@link io.greetbench.bench.stats.FindingRule#resolved})
 * @param maxTime the whole run's time: after the planned rounds, rounds are added to the cells with
 *                unsettled pairs while the next one fits; zero: no rounds are added
 * @param gate    windows taken while the server's CPU ran slow are discarded and measured again
 * @param twins   one runtime of every cell is measured twice in every round (A/A), rotating which
 */
public record Precision(double target, Duration maxTime, boolean gate, boolean twins) {
    public static final double DEFAULT_TARGET = 0.05;
    /** Neither added rounds nor twins; gated (quick). */
    public static final Precision PLANNED_ONLY = new Precision(DEFAULT_TARGET, Duration.ZERO, true, false);
    /** The planned rounds and nothing else: every window kept (tests, and runs made before the gate). */
    public static final Precision UNGATED = new Precision(DEFAULT_TARGET, Duration.ZERO, false, false);

    public Precision {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("--precision is a percentage between 0 and 100 (exclusive), e.g. 5; got "
                    + target * 100);
        }
        if (maxTime.isNegative()) {
            throw new IllegalArgumentException("--max-minutes must not be negative");
        }
    }

    /** Whether rounds may be added after the planned ones. */
    public boolean addsRounds() {
        return !maxTime.isZero();
    }
}
