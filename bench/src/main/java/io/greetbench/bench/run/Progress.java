package io.greetbench.bench.run;

import java.io.PrintStream;
import java.util.Locale;

/** One line per measurement on stderr: a bar, the cell, and the time left at the pace so far. */
final class Progress {
    private final PrintStream out;
    private int total;
    private final long start = System.nanoTime();
    private final double estimatedSecondsPerCell;
    private int done;

    Progress(PrintStream out, int total, double estimatedSecondsPerCell) {
        this.out = out;
        this.total = total;
        this.estimatedSecondsPerCell = estimatedSecondsPerCell;
    }

    void starting(String label) {
        int width = 20;
        int filled = total == 0 ? width : done * width / total;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double perCell = done == 0 ? estimatedSecondsPerCell : elapsed / done;
        out.printf(Locale.ROOT, "[%s%s] %d/%d  %s  (ETA %s)%n", "#".repeat(filled), "-".repeat(width - filled),
                done + 1, total, label, duration(perCell * (total - done)));
        out.flush();
    }

    /** More cells to do than planned (rounds added to settle close pairs). */
    void add(int cells) {
        total += cells;
    }

    /** Seconds per cell so far, or the first guess before any is done. */
    double secondsPerCell() {
        return done == 0 ? estimatedSecondsPerCell : (System.nanoTime() - start) / 1e9 / done;
    }

    void finished(String summary) {
        done++;
        out.println("      " + summary);
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
