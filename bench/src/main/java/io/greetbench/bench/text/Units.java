package io.greetbench.bench.text;

import java.util.Locale;

/**
 * Numbers as greetbench prints them, in the report, the terminal summary and the CLI alike: short,
 * always with the unit, and "–" for what was not measured (NaN or null).
 */
public final class Units {
    public static final String NONE = "–";

    private Units() {
    }

    private static boolean missing(Number n) {
        return n == null || Double.isNaN(n.doubleValue());
    }

    /** Requests per second: 51.0k, 6.10k, 950. */
    public static String rate(Number rps) {
        if (missing(rps)) {
            return NONE;
        }
        double v = rps.doubleValue();
        return v >= 10_000 ? String.format(Locale.ROOT, "%.1fk", v / 1000)
                : v >= 1000 ? String.format(Locale.ROOT, "%.2fk", v / 1000) : String.format(Locale.ROOT, "%.0f", v);
    }

    /** A latency given in µs: 850 µs, 1.23 ms, 2.50 s. */
    public static String micros(Number us) {
        if (missing(us)) {
            return NONE;
        }
        double v = us.doubleValue();
        return v < 1000 ? String.format(Locale.ROOT, "%.0f µs", v)
                : v < 1_000_000 ? String.format(Locale.ROOT, "%.2f ms", v / 1000) : String.format(Locale.ROOT, "%.2f s", v / 1e6);
    }

    /** One decimal, no unit (CPU µs per request in a column that names its unit). */
    public static String oneDecimal(Number n) {
        return missing(n) ? NONE : String.format(Locale.ROOT, "%.1f", n.doubleValue());
    }

    /** Two decimals, no unit (CPUs used). */
    public static String twoDecimals(Number n) {
        return missing(n) ? NONE : String.format(Locale.ROOT, "%.2f", n.doubleValue());
    }

    /** Memory given in KiB, shown in MiB: 158 MiB. */
    public static String mibFromKb(Number kb) {
        return missing(kb) ? NONE : String.format(Locale.ROOT, "%.0f MiB", kb.doubleValue() / 1024);
    }

    /** A whole count: 15. */
    public static String count(Number n) {
        return missing(n) ? NONE : String.format(Locale.ROOT, "%.0f", n.doubleValue());
    }

    /** A share: 0.25 → 25%. */
    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** A share with as many decimals as it has, none added: 0.05 → 5%, 0.025 → 2.5%, 0.9375 → 93.75%. */
    public static String pctExact(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString() + "%";
    }

    /** A count with thousands separators: 10,000. */
    public static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A p- or q-value: two significant digits, "< 0.0001" below that: 0.12, 0.05, 0.0079, 0.00034; "n/a" when unknown. */
    public static String probability(Double value) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        if (value < 1e-4) {
            return "< 0.0001";
        }
        return value >= 0.1 ? String.format(Locale.ROOT, "%.2f", value)
                : new java.math.BigDecimal(value).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
