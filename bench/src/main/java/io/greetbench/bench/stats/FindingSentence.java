package io.greetbench.bench.stats;

import io.greetbench.bench.text.Units;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** A finding as one plain sentence, as strong as its verdict and no stronger. */
final class FindingSentence {
    private FindingSentence() {
    }

    static String of(Finding f) {
        return of(f, UnaryOperator.identity());
    }

    /** The sentence with each runtime's name as {@code name} writes it (e.g. in backticks for Markdown). */
    static String of(Finding f, UnaryOperator<String> name) {
        String a = name.apply(f.runtimeA());
        String b = name.apply(f.runtimeB());
        Metric m = f.metric();
        String effect = percent(FindingRule.effect(f.ratio()) * 100) + "% " + (f.ratio() < 1 ? m.smaller() : m.larger());
        switch (f.verdict()) {
            case SIGNIFICANT:
                return a + " " + m.verb() + " " + effect + " " + m.label() + " than " + b + " (95% CI " + effectRange(f)
                        + qText(f) + ")";
            case SIZE_UNCLEAR:
                return a + " and " + b + " differ on " + m.label() + ", size unclear: " + a + " " + m.verb() + " " + effect
                        + " (95% CI " + effectRange(f) + ", reaching under the threshold" + qText(f) + ")";
            case BELOW_THRESHOLD:
                return a + " and " + b + " differ on " + m.label() + " by less than the threshold: " + a + " " + m.verb() + " "
                        + effect + " (95% CI " + effectRange(f) + qText(f) + ")";
            default:
                break;
        }
        String start = a + " and " + b + " cannot be told apart on " + m.label() + " in this run";
        String ratioName = "ratio " + f.runtimeA() + "/" + f.runtimeB();
        if (Math.min(f.trialsA(), f.trialsB()) < 2) {
            return start + ": a single trial gives no interval (" + ratioName + " " + ratioPercent(f.ratio())
                    + "%, trials " + f.trialsA() + " and " + f.trialsB() + ")";
        }
        String ci = ratioName + " 95% CI " + ratioRange(f.ratioLow(), f.ratioHigh());
        if (f.verdict() == Verdict.TOO_FEW_TRIALS) {
            return start + ": " + f.trialsA() + " and " + f.trialsB() + " trials, fewer than " + FindingRule.MIN_TRIALS
                    + " on a side, support no claim (" + ci + ")";
        }
        if (f.verdict() == Verdict.NOT_SIGNIFICANT) {
            return start + " once all its pairs are counted (" + ci + ", p = " + Units.probability(f.p()) + ", q = "
                    + Units.probability(f.q()) + ")";
        }
        boolean separated = f.ratioHigh() < 1 ? f.ratio() < 1 : f.ratioLow() > 1 && f.ratio() > 1;
        if (separated && f.q() == null) {
            // an older run's verdict: distinguishable, but its point below that rule's threshold
            return start + ": the " + percent(FindingRule.effect(f.ratio()) * 100)
                    + "% difference is below the threshold for a finding (" + ci + ")";
        }
        return start + " (" + ci + ")";
    }

    /** The interval of the effect: for "less", 1 − high .. 1 − low; for "more", low − 1 .. high − 1. */
    private static String effectRange(Finding f) {
        boolean smaller = f.ratio() < 1;
        double from = (smaller ? 1 - f.ratioHigh() : f.ratioLow() - 1) * 100;
        double to = (smaller ? 1 - f.ratioLow() : f.ratioHigh() - 1) * 100;
        return percent(from) + "–" + percent(to) + "%";
    }

    private static String qText(Finding f) {
        return f.q() == null ? "" : ", q = " + Units.probability(f.q());
    }

    /**
     * Two significant figures, never fewer than the integer part: 0.42, 4.7, 12, 150; and just below
     * 100 one decimal rounded down, so that "less" never reads as all of it: 99.5, 99.9.
     */
    static String percent(double value) {
        double size = Math.abs(value);
        if (size >= 99.5 && size < 100) {
            return String.format(Locale.ROOT, "%.1f", Math.signum(value) * Math.floor(size * 10) / 10);
        }
        String format = size >= 9.95 ? "%.0f" : size >= 0.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, value);
    }

    /**
     * A ratio's interval as percentages: whole numbers, one decimal when the interval is narrow enough
     * to need it; rounded outwards, so that an interval reaching just below 100% never reads as if it
     * excluded it (0.997–1.55 is "99–155%", not "100–155%").
     */
    static String ratioRange(double low, double high) {
        double scale = (high - low) * 100 < 5 ? 10 : 1;
        String format = scale == 10 ? "%.1f" : "%.0f";
        double from = Math.floor(low * 100 * scale + 1e-6) / scale;
        double to = Math.ceil(high * 100 * scale - 1e-6) / scale;
        return String.format(Locale.ROOT, format + "–" + format + "%%", from, to);
    }

    private static String ratioPercent(double ratio) {
        return String.format(Locale.ROOT, "%.0f", ratio * 100);
    }
}
