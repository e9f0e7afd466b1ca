package io.greetbench.bench.report;

import java.util.function.Function;

/** A figure over trials as the report prints it: "median <sub>min–max</sub>", or the single value. */
final class SpreadText {
    private SpreadText() {
    }

    static String withRange(Spread s, Function<Double, String> format) {
        if (!s.present()) {
            return io.greetbench.bench.text.Units.NONE;
        }
        if (s.n() == 1) {
            return format.apply(s.median());
        }
        return format.apply(s.median()) + " <sub>" + format.apply(s.min()) + "–" + format.apply(s.max()) + "</sub>";
    }
}
