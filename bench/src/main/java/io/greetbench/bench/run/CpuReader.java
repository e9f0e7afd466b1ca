package io.greetbench.bench.run;

import java.io.IOException;

/** Reads how fast one CPU is right now: ns per million units of fixed work (lower is faster). */
interface CpuReader {
    double read(int cpu) throws IOException;
}
