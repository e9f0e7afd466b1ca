package io.greetbench.bench.report;

import io.greetbench.bench.stats.Interval;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import org.HdrHistogram.Histogram;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Chart axes with round ticks (1, 2, 5 × 10^k) and short labels in sensible units. */
final class ChartAxes {
    private ChartAxes() {
    }

    /** A linear axis: ticks every 1, 2 or 5 × 10^k, labelled by {@code format}. */
    static NumberAxis linear(String label, DoubleFunction<String> format) {
        NumberAxis axis = new NumberAxis(label) {
            /** As if labels were wider than they are: ticks about every 80 px, not as close as labels fit. */
            @Override
            protected double estimateMaximumTickLabelWidth(Graphics2D g2, org.jfree.chart.axis.TickUnit unit) {
                return Math.max(super.estimateMaximumTickLabelWidth(g2, unit), 70);
            }

            @Override
            protected double estimateMaximumTickLabelHeight(Graphics2D g2) {
                return Math.max(super.estimateMaximumTickLabelHeight(g2), 36);
            }
        };
        axis.setStandardTickUnits(new NumberTickUnitSource(false, new Formatter(format)));
        axis.setAutoRangeStickyZero(true);
        return axis;
    }

    /** A log axis with ticks at 1, 2, 5 × 10^k (only 10^k over a wide range), labelled by {@code format}. */
    static LogTicks log(String label, DoubleFunction<String> format) {
        return new LogTicks(label, format, ChartAxes::roundLogTicks);
    }

    /** Round values between {@code low} and {@code high}: 1-2-5 per decade, 10^k when there are many decades. */
    static List<Double> roundLogTicks(double low, double high) {
        double decades = Math.log10(high / low);
        double[][] choices = decades > 3.2 ? new double[][] {{1}} : decades > 0.9
                ? new double[][] {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}} : new double[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9},
                    {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9}};
        List<Double> ticks = List.of();
        for (double[] multipliers : choices) {
            ticks = new ArrayList<>();
            for (int k = (int) Math.floor(Math.log10(low)) - 1; k <= (int) Math.ceil(Math.log10(high)); k++) {
                for (double m : multipliers) {
                    double v = Double.parseDouble(m + "e" + k); // exact decimal: 2e-1, not 0.20000000000000004
                    if (v >= low * 0.9999 && v <= high * 1.0001) {
                        ((ArrayList<Double>) ticks).add(v);
                    }
                }
            }
            if (ticks.size() >= 3) {
                break;
            }
        }
        return ticks;
    }

    /** A log axis whose ticks are given: round values rather than JFreeChart's powers with exponents. */
    static final class LogTicks extends LogAxis {
        private final DoubleFunction<String> format;
        private final java.util.function.BiFunction<Double, Double, List<Double>> values;

        LogTicks(String label, DoubleFunction<String> format, java.util.function.BiFunction<Double, Double, List<Double>> values) {
            super(label);
            this.format = format;
            this.values = values;
            setBase(10);
            setSmallestValue(1e-9);
            setMinorTickMarksVisible(false);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            Range range = getRange();
            TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                    : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                    : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
            List<NumberTick> ticks = new ArrayList<>();
            for (double v : values.apply(range.getLowerBound(), range.getUpperBound())) {
                if (range.contains(v)) {
                    ticks.add(new NumberTick(v, format.apply(v), anchor, TextAnchor.CENTER, 0.0));
                }
            }
            return ticks;
        }
    }

    /** Adapts a label function to the NumberFormat JFreeChart's tick units use. */
    static final class Formatter extends java.text.NumberFormat {
        private final DoubleFunction<String> format;

        Formatter(DoubleFunction<String> format) {
            this.format = format;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            return to.append(format.apply(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
            return to.append(format.apply(number));
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }

    /** At most three significant digits, no trailing zeros: 2.5, 0.02, 120, 1,500. */
    static String plain(double v) {
        if (v == 0) {
            return "0";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return Math.abs(v) >= 1000 ? String.format(java.util.Locale.ROOT, "%,d", d.longValue()) : d.toPlainString();
    }

    /** Thousands as k and millions as M: 500, 2.5k, 40k, 1.2M. */
    static String compact(double v) {
        double a = Math.abs(v);
        return a >= 1e6 ? plain(v / 1e6) + "M" : a >= 1e3 ? plain(v / 1e3) + "k" : plain(v);
    }

    /** A duration given in µs, in the unit that suits it: 50 µs, 2 ms, 1.5 s. */
    static String micros(double us) {
        double a = Math.abs(us);
        return a >= 1e6 ? plain(us / 1e6) + " s" : a >= 1e3 ? plain(us / 1e3) + " ms" : plain(us) + " µs";
    }

    /** x = 1/(1 − p) as the percentile p: 2 → "50%", 1000 → "99.9%". */
    static String percentile(double x) {
        int decimals = (int) Math.max(0, Math.round(Math.log10(x)) - 2);
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f%%", 100 * (1 - 1 / x));
    }
}
