package io.greetbench.bench.stats;

import java.util.List;

/**
 * The smallest limit that holds, from rounds of a bisection (the memory scenario's searches): the median of
 * the limits found, and an interval that counts both the rounds' spread and each search's resolution, from
 * the low end of the interval of the last steps' lower ends to the high end of the interval of the limits
 * found. The interval of the limits found alone would treat a bisection's answer as exact, and two searches
 * whose last steps overlap could then disagree. The report and the guide both state a limit by this rule.
 */
public final class BisectedLimit {
    private BisectedLimit() {
    }

    /**
     * @param found each round's limit found
     * @param below each round's lower end of its last step (the largest limit below the one found that failed,
     *              or the limit found less the search's tolerance), in the same order
     * @return null when no round found a limit; a bare point for one round
     */
    public static Interval of(List<Double> found, List<Double> below, Bootstrap bootstrap) {
        if (found.isEmpty()) {
            return null;
        }
        Interval high = bootstrap.median(found);
        if (found.size() < 2) {
            return Interval.single(high.point());
        }
        Interval low = bootstrap.median(below);
        return new Interval(Math.min(low.low(), high.point()), high.point(), high.high(), found.size());
    }
}
