package io.greetbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts as the field draws them: a runtime's colour everywhere the same, round ticks, percentiles, 2× PNGs. */
class ChartsTest {

    private static Paint barColour(JFreeChart chart, String runtime) {
        CategoryPlot plot = chart.getCategoryPlot();
        int column = plot.getDataset().getColumnIndex(runtime);
        return plot.getRenderer().getItemPaint(0, column);
    }

    private static Paint lineColour(JFreeChart chart, String runtime) {
        XYPlot plot = chart.getXYPlot();
        int series = plot.getDataset().indexOf(runtime);
        return plot.getRenderer().getSeriesPaint(series);
    }

    @Test
    void aRuntimeHasTheSameColourInEveryChartWhateverElseIsInIt() {
        JFreeChart bars = Charts.barChart("t", "n", "v", ChartAxes::compact, List.of(new Charts.Bar("vertx-web", 3, 2, 4),
                new Charts.Bar("netty", 5, 4, 6), new Charts.Bar("ref-nginx", 7, Double.NaN, Double.NaN)));
        JFreeChart lines = Charts.lineChart("t", "x", ChartAxes::compact, true, "y", ChartAxes::plain, false,
                Map.of("undertow", List.of(new double[] {1, 2}), "netty", List.of(new double[] {1, 3}),
                        "some-new-runtime", List.of(new double[] {1, 4}), "vertx-web", List.of(new double[] {1, 5})));
        for (String runtime : List.of("netty", "vertx-web")) {
            assertEquals(RuntimeColours.of(runtime), barColour(bars, runtime), runtime);
            assertEquals(barColour(bars, runtime), lineColour(lines, runtime), runtime);
        }
        assertEquals(RuntimeColours.UNKNOWN, lineColour(lines, "some-new-runtime"), "a runtime not listed is neutral");
        assertNotEquals(RuntimeColours.of("netty"), RuntimeColours.of("netty-nio"), "shades within a family differ");
        assertEquals("Netty", RuntimeColours.family("netty-iouring"));
        assertEquals("references", RuntimeColours.family("ref-aiohttp"));
    }

    @Test
    void runtimesAreGroupedByFamilyAndUnknownOnesComeLast() {
        List<String> runtimes = new ArrayList<>(List.of("zz-new", "ref-nginx", "threadpool", "vertx-core", "netty-nio",
                "tomcat-virtual", "helidon", "undertow-worker", "netty", "aa-new"));
        runtimes.sort(RuntimeColours.ORDER);
        assertEquals(List.of("netty", "netty-nio", "vertx-core", "undertow-worker", "tomcat-virtual", "helidon", "threadpool",
                "ref-nginx", "aa-new", "zz-new"), runtimes);
        JFreeChart bars = Charts.barChart("t", null, "v", ChartAxes::compact, List.of(new Charts.Bar("threadpool", 1, 1, 1),
                new Charts.Bar("netty", 1, 1, 1)));
        assertEquals("netty", bars.getCategoryPlot().getDataset().getColumnKey(0), "bars in family order, not as given");
    }

    @Test
    void ticksAreRoundAndLabelsShort() {
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10000.0), ChartAxes.roundLogTicks(1, 10_000));
        assertEquals(List.of(10.0, 20.0, 50.0, 100.0, 200.0), ChartAxes.roundLogTicks(9, 300));
        assertEquals(List.of(20.0, 30.0, 40.0, 50.0, 60.0), ChartAxes.roundLogTicks(12, 60));
        assertEquals("2.51M", ChartAxes.compact(2_511_886.43));
        assertEquals("40k", ChartAxes.compact(40_000));
        assertEquals("0.02", ChartAxes.compact(0.02));
        assertEquals("1,500", ChartAxes.plain(1500));
        assertEquals("500 µs", ChartAxes.micros(500));
        assertEquals("2 ms", ChartAxes.micros(2000));
        assertEquals("1.5 s", ChartAxes.micros(1_500_000));
        assertEquals("50%", ChartAxes.percentile(2));
        assertEquals("99%", ChartAxes.percentile(100));
        assertEquals("99.99%", ChartAxes.percentile(10_000));
    }

    @Test
    void latencyAsAPercentileDistributionInMilliseconds() {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 100_000; i++) {
            h.recordValue(i <= 99_000 ? 1000 : 50_000); // 1 ms, and a tail of 50 ms beyond p99
        }
        JFreeChart chart = Charts.percentileChart("t", Map.of("netty", h, "empty", new Histogram(3)));
        XYPlot plot = chart.getXYPlot();
        assertEquals(1, plot.getDataset().getSeriesCount(), "an empty histogram draws nothing");
        int last = plot.getDataset().getItemCount(0) - 1;
        assertEquals(1.0, plot.getDataset().getYValue(0, 0), 0.01, "the median, in ms");
        assertEquals(50.0, plot.getDataset().getYValue(0, last), 0.1, "the tail, in ms");
        assertEquals(100_000, plot.getDataset().getXValue(0, last), 1, "x is 1/(1 − p), up to the histogram's count");
        assertNull(Charts.percentileChart("t", Map.of()), "older results have no histograms: no plot");
    }

    @Test
    void pngsAreDrawnAtTwiceTheirSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bars.png");
        assertTrue(Charts.bars(file, "t", Charts.whiskers(10), "v", ChartAxes::compact, List.of(new Charts.Bar("netty", 5, 4, 6))));
        BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        assertEquals(2 * Charts.WIDTH, image.getWidth());
        // nothing to draw: no chart, and an older one of that name goes
        assertTrue(!Charts.bars(file, "t", null, "v", ChartAxes::compact, List.of()) && !Files.exists(file));
    }
}
