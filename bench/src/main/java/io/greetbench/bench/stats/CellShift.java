package io.greetbench.bench.stats;

/** A cell where one runtime's interval in run A and in run B do not overlap: the cell moved between runs. */
public record CellShift(CellKey cell, String runtime, Metric metric, Interval inA, Interval inB) {

    /** B's median relative to A's: 0.15 for 15% higher in B. */
    public double change() {
        return inB.point() / inA.point() - 1;
    }
}
