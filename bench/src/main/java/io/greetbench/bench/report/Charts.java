package io.greetbench.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line charts for the report, drawn by JFreeChart into PNG files. */
final class Charts {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f),
        new Color(0x393b79), new Color(0xad494a)};

    private Charts() {
    }

    /**
     * Draws a throw-away chart in memory, so that Java2D and its fonts are set up (they register
     * shutdown hooks of their own) before a report may have to be written from a shutdown hook.
     */
    static void prepare() {
        System.setProperty("java.awt.headless", "true");
        // ImageIO's file cache registers a shutdown hook on first use; PNGs this small need no cache.
        javax.imageio.ImageIO.setUseCache(false);
        XYSeriesCollection data = new XYSeriesCollection(new XYSeries("x"));
        JFreeChart chart = ChartFactory.createXYLineChart("", "", "", data, PlotOrientation.VERTICAL, true, false, false);
        try {
            ChartUtils.writeChartAsPNG(new java.io.ByteArrayOutputStream(), chart, 8, 8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One bar per category; false when there is nothing to draw. */
    static boolean bar(Path file, String title, String categoryLabel, String valueLabel, Map<String, Double> values)
            throws IOException {
        if (values.isEmpty()) {
            return false;
        }
        org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
        values.forEach((k, v) -> data.addValue(v, valueLabel, k));
        System.setProperty("java.awt.headless", "true");
        javax.imageio.ImageIO.setUseCache(false);
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data, PlotOrientation.HORIZONTAL,
                false, false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, PALETTE[0]);
        ((org.jfree.chart.renderer.category.BarRenderer) chart.getCategoryPlot().getRenderer())
                .setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 960, 120 + 40 * values.size());
        return true;
    }

    /**
     * One line per series, points as (x, y); a log scale on either axis when asked.
     *
     * @return whether a chart was written (there was something to draw)
     */
    static boolean line(Path file, String title, String xLabel, String yLabel, Map<String, List<double[]>> series,
            boolean logX, boolean logY) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name);
            for (double[] p : points) {
                if (!Double.isNaN(p[1]) && (!logY || p[1] > 0) && (!logX || p[0] > 0)) {
                    s.add(p[0], p[1]);
                }
            }
            if (s.getItemCount() > 0) {
                data.addSeries(s);
            }
        });
        if (data.getSeriesCount() == 0) {
            return false;
        }
        System.setProperty("java.awt.headless", "true");
        javax.imageio.ImageIO.setUseCache(false);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        if (logX) {
            LogAxis x = new LogAxis(xLabel);
            x.setBase(10);
            x.setSmallestValue(0.5);
            x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##"));
            plot.setDomainAxis(x);
        }
        if (logY) {
            LogAxis y = new LogAxis(yLabel);
            y.setBase(10);
            y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##"));
            plot.setRangeAxis(y);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 960, 540);
        return true;
    }
}
