package io.greetbench.bench.stats;

/**
 * A point estimate with its 95% confidence interval, and the number of trials behind it. With a
 * single trial there is no interval: low = point = high, and {@link #resolved()} says so. For a
 * ratio of two runtimes, {@code n} is the smaller side's trial count.
 */
public record Interval(double low, double point, double high, int n) {

    public Interval {
        if (n < 1) {
            throw new IllegalArgumentException("an interval needs at least one trial, got n = " + n);
        }
        if (!Double.isFinite(low) || !Double.isFinite(point) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("not an interval: " + low + " / " + point + " / " + high);
        }
    }

    /** One trial: the value itself, and no spread. */
    public static Interval single(double value) {
        return new Interval(value, value, value, 1);
    }

    /** True when the interval rests on two or more trials, i.e. says something about the spread. */
    public boolean resolved() {
        return n >= 2;
    }

    /** True when {@code value} lies strictly outside [low, high]. */
    public boolean excludes(double value) {
        return value < low || value > high;
    }

    /** True when the two closed intervals share at least one value. */
    public boolean overlaps(Interval other) {
        return low <= other.high && other.low <= high;
    }

    /** The same interval for 1/x (a ratio A/B read as B/A). Requires positive values. */
    public Interval inverted() {
        if (low <= 0) {
            throw new IllegalStateException("cannot invert an interval reaching zero or below: " + this);
        }
        return new Interval(1 / high, 1 / point, 1 / low, n);
    }
}
