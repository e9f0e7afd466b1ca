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

/**
 * The report's charts, drawn by JFreeChart into PNG files at twice their size (crisp on a high-density
 * screen, and when the page scales them down). As the field draws them: per-runtime comparisons as
 * bars with their 95% intervals as whiskers; runtimes grouped and coloured by family, each runtime in
 * the same colour in every chart ({@link RuntimeColours}); latency as an HdrHistogram percentile
 * distribution; axes with round ticks (1, 2, 5, 10 …) in short units (k, ms).
 */
final class Charts {
    static final int WIDTH = 880;
    static final int HEIGHT = 480;
    static final int SCALE = 2;

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xdddddd);
    private static final Color WHISKER = new Color(0x222222);

    /** What the whiskers of a chart of medians are, when the run's cells have {@code usualTrials} trials. */
    static String whiskers(int usualTrials) {
        return io.greetbench.bench.stats.Bootstrap.medianIntervalIsRange(usualTrials)
                ? "bars: median over trials; whiskers: the range of the trials (at n ≤ 5, the bootstrap's interval)"
                : "bars: median over trials; whiskers: its 95% confidence interval (bootstrap)";
    }

    private Charts() {
    }

    /**
     * Draws a throw-away chart in memory, so that Java2D and its fonts are set up (they register
     * shutdown hooks of their own) before a report may have to be written from a shutdown hook.
     */
    static void prepare() {
        headless();
        JFreeChart chart = lineChart("", "", ChartAxes::compact, false, "", ChartAxes::compact, false,
                Map.of("x", List.of(new double[] {1, 1}, new double[] {2, 2})));
        try {
            ChartUtils.writeScaledChartAsPNG(OutputStream.nullOutputStream(), chart, 8, 8, 1, 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void headless() {
        System.setProperty("java.awt.headless", "true");
        // ImageIO's file cache registers a shutdown hook on first use; PNGs this small need no cache.
        javax.imageio.ImageIO.setUseCache(false);
    }

    private static void save(Path file, JFreeChart chart, int width, int height) throws IOException {
        headless();
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeScaledChartAsPNG(out, chart, width, height, SCALE, SCALE);
        }
    }

    /** No chart this time: an older one of the same name (from an earlier report of this folder) goes, as the page no longer shows it. */
    private static boolean nothingToDraw(Path file) throws IOException {
        Files.deleteIfExists(file);
        return false;
    }

    // --- bars ---

    /** A runtime's bar: its value, and its interval as a whisker (NaN ends: none). */
    record Bar(String runtime, double value, double low, double high) {
        /** The median with its 95% interval, no whisker for a single trial. */
        static Bar of(String runtime, Spread s) {
            return s.n() < 2 ? new Bar(runtime, s.median(), Double.NaN, Double.NaN) : of(runtime, s.interval());
        }

        /** A point with its interval; no whisker for a single trial. */
        static Bar of(String runtime, Interval i) {
            return i.n() < 2 ? new Bar(runtime, i.point(), Double.NaN, Double.NaN) : new Bar(runtime, i.point(), i.low(), i.high());
        }

        boolean whisker() {
            return Double.isFinite(low) && Double.isFinite(high);
        }
    }

    /**
     * One horizontal bar per runtime, grouped by family, with whiskers; {@code note} says what the
     * whiskers are. False when there is nothing to draw.
     */
    static boolean bars(Path file, String title, String note, String valueLabel, DoubleFunction<String> format,
            List<Bar> bars) throws IOException {
        List<Bar> drawn = bars.stream().filter(b -> Double.isFinite(b.value())).toList();
        if (drawn.isEmpty()) {
            return nothingToDraw(file);
        }
        save(file, barChart(title, note, valueLabel, format, drawn), WIDTH, 130 + 34 * drawn.size());
        return true;
    }

    static JFreeChart barChart(String title, String note, String valueLabel, DoubleFunction<String> format, List<Bar> bars) {
        List<Bar> sorted = bars.stream().sorted(Comparator.comparing(Bar::runtime, RuntimeColours.ORDER)).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        sorted.forEach(b -> data.addValue(b.value(), valueLabel, b.runtime()));
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(LABEL);
        categories.setCategoryMargin(0.25);
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        NumberAxis values = ChartAxes.linear(valueLabel, format);
        double top = sorted.stream().mapToDouble(b -> b.whisker() ? Math.max(b.high(), b.value()) : b.value()).max().orElse(1);
        values.setRange(0, top > 0 ? top * 1.06 : 1);
        WhiskerBarRenderer renderer = new WhiskerBarRenderer(sorted);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        LegendItemCollection legend = new LegendItemCollection();
        Set<String> families = new LinkedHashSet<>();
        sorted.forEach(b -> families.add(RuntimeColours.family(b.runtime())));
        for (String family : families) {
            LegendItem item = new LegendItem(family, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12),
                    RuntimeColours.ofFamily(family));
            item.setLabelFont(TICKS);
            legend.add(item);
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        style(chart, note);
        return chart;
    }

    /** Bars in each runtime's colour, and a whisker from the low to the high end of its interval. */
    static final class WhiskerBarRenderer extends BarRenderer {
        private final List<Bar> bars;

        WhiskerBarRenderer(List<Bar> bars) {
            this.bars = bars;
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
            setDrawBarOutline(false);
            setMaximumBarWidth(0.12);
        }

        /** The colour of {@code column}'s runtime. */
        @Override
        public java.awt.Paint getItemPaint(int row, int column) {
            return RuntimeColours.of(bars.get(column).runtime());
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            Bar bar = bars.get(column);
            if (pass != 0 || !bar.whisker()) {
                return;
            }
            double middle = domainAxis.getCategoryMiddle(column, getColumnCount(), dataArea, plot.getDomainAxisEdge());
            double low = rangeAxis.valueToJava2D(bar.low(), dataArea, plot.getRangeAxisEdge());
            double high = rangeAxis.valueToJava2D(bar.high(), dataArea, plot.getRangeAxisEdge());
            double cap = Math.max(3, state.getBarWidth() * 0.25);
            List<Line2D> lines = plot.getOrientation() == PlotOrientation.HORIZONTAL
                    ? List.of(new Line2D.Double(low, middle, high, middle), new Line2D.Double(low, middle - cap, low, middle + cap),
                            new Line2D.Double(high, middle - cap, high, middle + cap))
                    : List.of(new Line2D.Double(middle, low, middle, high), new Line2D.Double(middle - cap, low, middle + cap, low),
                            new Line2D.Double(middle - cap, high, middle + cap, high));
            // a white halo first, so that the whisker shows over a dark bar as well as over the background
            g2.setPaint(Color.WHITE);
            g2.setStroke(new BasicStroke(3.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            lines.forEach(g2::draw);
            g2.setPaint(WHISKER);
            g2.setStroke(new BasicStroke(1.4f));
            lines.forEach(g2::draw);
        }
    }

    // --- lines ---

    /**
     * One line per runtime through its points (x, y); points that a log axis cannot show are dropped.
     *
     * @return whether a chart was written (there was something to draw)
     */
    static boolean lines(Path file, String title, String xLabel, DoubleFunction<String> xFormat, boolean logX,
            String yLabel, DoubleFunction<String> yFormat, boolean logY, Map<String, List<double[]>> series)
            throws IOException {
        JFreeChart chart = lineChart(title, xLabel, xFormat, logX, yLabel, yFormat, logY, series);
        if (chart == null) {
            return nothingToDraw(file);
        }
        save(file, chart, WIDTH, HEIGHT);
        return true;
    }

    static JFreeChart lineChart(String title, String xLabel, DoubleFunction<String> xFormat, boolean logX, String yLabel,
            DoubleFunction<String> yFormat, boolean logY, Map<String, List<double[]>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.keySet().stream().sorted(RuntimeColours.ORDER).forEach(name -> {
            XYSeries s = new XYSeries(name, false);
            for (double[] p : series.get(name)) {
                if (Double.isFinite(p[0]) && Double.isFinite(p[1]) && (!logY || p[1] > 0) && (!logX || p[0] > 0)) {
                    s.add(p[0], p[1]);
                }
            }
            if (s.getItemCount() > 0) {
                data.addSeries(s);
            }
        });
        if (data.getSeriesCount() == 0) {
            return null;
        }
        ValueAxis x = logX ? ChartAxes.log(xLabel, xFormat) : ChartAxes.linear(xLabel, xFormat);
        ValueAxis y = logY ? ChartAxes.log(yLabel, yFormat) : ChartAxes.linear(yLabel, yFormat);
        if (!logY) {
            ((NumberAxis) y).setAutoRangeIncludesZero(true);
        }
        return xyChart(title, null, data, x, y, true);
    }

    private static JFreeChart xyChart(String title, String note, XYSeriesCollection data, ValueAxis x, ValueAxis y,
            boolean shapes) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String runtime = (String) data.getSeriesKey(i);
            renderer.setSeriesPaint(i, RuntimeColours.of(runtime));
            renderer.setSeriesShape(i, shape(RuntimeColours.shade(runtime)));
            renderer.setSeriesStroke(i, RuntimeColours.reference(runtime)
                    ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        style(chart, note);
        return chart;
    }

    /** Within a family, shades differ by marker too: circle, square, triangle, diamond. */
    private static Shape shape(int shade) {
        double s = 7;
        return switch (shade % 4) {
            case 0 -> new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case 1 -> new Rectangle2D.Double(-s / 2 + 0.5, -s / 2 + 0.5, s - 1, s - 1);
            case 2 -> polygon(0, -s / 2 - 0.5, s / 2 + 0.5, s / 2, -s / 2 - 0.5, s / 2);
            default -> polygon(0, -s / 2 - 1, s / 2 + 1, 0, 0, s / 2 + 1, -s / 2 - 1, 0);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    // --- percentile distributions ---

    /** Points per decade of 1/(1 − p) on a percentile plot. */
    private static final int POINTS_PER_DECADE = 40;
    /** The plot ends at p99.999 (or earlier, where a histogram has too few values to say more). */
    private static final double LAST = 100_000;

    /**
     * Latency by percentile, a line per runtime from its histogram (µs): x spaced by 1/(1 − p), ticks at
     * 50%, 90%, 99% …, y in ms on a log scale. False when no histogram holds a value.
     */
    static boolean percentiles(Path file, String title, Map<String, Histogram> byRuntime) throws IOException {
        JFreeChart chart = percentileChart(title, byRuntime);
        if (chart == null) {
            return nothingToDraw(file);
        }
        save(file, chart, WIDTH, HEIGHT);
        return true;
    }

    static JFreeChart percentileChart(String title, Map<String, Histogram> byRuntime) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        double right = 10;
        for (Map.Entry<String, Histogram> e : byRuntime.entrySet()) {
            Histogram h = e.getValue();
            if (h == null || h.getTotalCount() == 0) {
                continue;
            }
            double last = Math.min(LAST, h.getTotalCount());
            List<double[]> points = new ArrayList<>();
            for (int k = 0; ; k++) {
                double x = Math.pow(10, (double) k / POINTS_PER_DECADE);
                if (x > last) {
                    break;
                }
                double percentile = 100 * (1 - 1 / x);
                points.add(new double[] {x, Math.max(h.getValueAtPercentile(percentile), 1) / 1000.0});
            }
            right = Math.max(right, points.get(points.size() - 1)[0]);
            series.put(e.getKey(), points);
        }
        if (series.isEmpty()) {
            return null;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.keySet().stream().sorted(RuntimeColours.ORDER).forEach(name -> {
            XYSeries s = new XYSeries(name, false);
            series.get(name).forEach(p -> s.add(p[0], p[1]));
            data.addSeries(s);
        });
        List<Double> ticks = new ArrayList<>();
        for (double t = 2; t <= right * 1.0001; t = t == 2 ? 10 : t * 10) {
            ticks.add(t);
        }
        ChartAxes.LogTicks x = new ChartAxes.LogTicks("percentile", ChartAxes::percentile, (low, high) -> ticks);
        x.setRange(1, right);
        return xyChart(title, "latency counted from when each request was due; all trials of a cell merged", data, x,
                ChartAxes.log("latency (ms)", ChartAxes::plain), false);
    }

    // --- common look ---

    private static void style(JFreeChart chart, String note) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 36)); // room for the last tick label on the right
        chart.getTitle().setPaint(new Color(0x111111));
        if (note != null && !note.isBlank()) {
            TextTitle sub = new TextTitle(note, SUBTITLE);
            sub.setPaint(new Color(0x555555));
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(TICKS);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        if (chart.getPlot() instanceof XYPlot p) {
            styleAxis(p.getDomainAxis());
            styleAxis(p.getRangeAxis());
        } else if (chart.getPlot() instanceof CategoryPlot p) {
            styleAxis(p.getRangeAxis());
        }
    }

    private static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICKS);
        axis.setTickLabelPaint(new Color(0x333333));
        axis.setAxisLinePaint(new Color(0x888888));
    }
}
