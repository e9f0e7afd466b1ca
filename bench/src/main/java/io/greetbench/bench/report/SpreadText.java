package io.greetbench.bench.report;

import io.greetbench.bench.stats.Interval;
import io.greetbench.bench.text.Units;
import java.util.function.Function;

/**
 * A figure over trials as the report prints it: "median <sub>low–high</sub>", the median with its 95%
 * bootstrap interval, with the trial count where it differs from the run's usual one ("<sub>low–high,
 * n=2</sub>"); a single trial is "value <sub>n=1, no interval</sub>".
 */
final class SpreadText {
    private SpreadText() {
    }

    static String withInterval(Spread s, Function<Double, String> format, int usualTrials) {
        if (!s.present()) {
            return Units.NONE;
        }
        if (s.n() == 1) {
            return format.apply(s.median()) + " <sub>n=1, no interval</sub>";
        }
        return interval(s.interval(), format, usualTrials);
    }

    /** An interval the caller made ({@code i.n()} its trials): "point <sub>low–high</sub>", or the point alone at n = 1. */
    static String interval(Interval i, Function<Double, String> format, int usualTrials) {
        if (i.n() == 1) {
            return format.apply(i.point()) + " <sub>n=1, no interval</sub>";
        }
        return format.apply(i.point()) + " <sub>" + format.apply(i.low()) + "–" + format.apply(i.high())
                + (i.n() == usualTrials ? "" : ", n=" + i.n()) + "</sub>";
    }

    /** A ratio (×) with its interval: "0.85 <sub>0.78–0.93</sub>", or "0.85 <sub>n=1, no interval</sub>". */
    static String ratio(Interval r) {
        String point = Units.twoDecimals(r.point());
        return r.resolved() ? point + " <sub>" + Units.twoDecimals(r.low()) + "–" + Units.twoDecimals(r.high()) + "</sub>"
                : point + " <sub>n=1, no interval</sub>";
    }
}
