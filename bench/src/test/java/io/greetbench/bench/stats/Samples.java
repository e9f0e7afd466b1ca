package io.greetbench.bench.stats;

import java.util.SplittableRandom;

/** Seeded trial values from a known distribution: log-normal around a true median, with a given spread. */
final class Samples {
    private Samples() {
    }

    /**
     * {@code n} values with median {@code median} and coefficient of variation {@code cv} (0.2 for
     * about 20% noise): log-normal, so always positive, like CPU time, latency and throughput.
     */
    static double[] logNormal(SplittableRandom random, int n, double median, double cv) {
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = median * Math.exp(sigma * random.nextGaussian());
        }
        return values;
    }
}
