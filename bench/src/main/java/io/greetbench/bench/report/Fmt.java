package io.greetbench.bench.report;

import java.util.Locale;

/** Number formats of the report: short, and always with the unit. */
final class Fmt {
    private Fmt() {
    }

    static String rate(double rps) {
        if (Double.isNaN(rps)) {
            return "–";
        }
        return rps >= 10_000 ? String.format(Locale.ROOT, "%.1fk", rps / 1000)
                : rps >= 1000 ? String.format(Locale.ROOT, "%.2fk", rps / 1000) : String.format(Locale.ROOT, "%.0f", rps);
    }

    static String micros(double us) {
        if (Double.isNaN(us)) {
            return "–";
        }
        return us < 1000 ? String.format(Locale.ROOT, "%.0f µs", us)
                : us < 1_000_000 ? String.format(Locale.ROOT, "%.2f ms", us / 1000) : String.format(Locale.ROOT, "%.2f s", us / 1e6);
    }

    static String cpu(double us) {
        return Double.isNaN(us) ? "–" : String.format(Locale.ROOT, "%.1f", us);
    }

    static String mib(double kb) {
        return Double.isNaN(kb) ? "–" : String.format(Locale.ROOT, "%.0f MiB", kb / 1024);
    }

    static String count(double n) {
        return Double.isNaN(n) ? "–" : String.format(Locale.ROOT, "%.0f", n);
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** "median (min–max)" when there are several trials, else the single value. */
    static String withRange(Spread s, java.util.function.DoubleFunction<String> f) {
        if (!s.present()) {
            return "–";
        }
        if (s.n() == 1) {
            return f.apply(s.median());
        }
        return f.apply(s.median()) + " <sub>" + f.apply(s.min()) + "–" + f.apply(s.max()) + "</sub>";
    }
}
