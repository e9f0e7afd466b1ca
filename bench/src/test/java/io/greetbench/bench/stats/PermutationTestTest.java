package io.greetbench.bench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pair's p-value on cases whose answer is known by counting. */
class PermutationTestTest {
    private final Bootstrap bootstrap = new Bootstrap();

    @Test
    void fiveApartFromFiveIsTwoOf252() {
        assertEquals(2.0 / 252, PermutationTest.pValue(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10}, bootstrap),
                1e-12);
        assertEquals(2.0 / 252, PermutationTest.pValue(new double[] {60, 70, 80, 90, 100}, new double[] {1, 2, 3, 4, 5},
                bootstrap), 1e-12);
        // one swap: rank sum 16 of A, so 16 and 15 at that side (2 splits), 40 and 39 at the other
        assertEquals(4.0 / 252, PermutationTest.pValue(new double[] {1, 2, 3, 4, 6}, new double[] {5, 7, 8, 9, 10}, bootstrap),
                1e-12);
    }

    @Test
    void identicalTrialsAreNoEvidenceAndTiesShareTheirRank() {
        assertEquals(1.0, PermutationTest.pValue(new double[] {5, 5, 5, 5, 5}, new double[] {5, 5, 5, 5, 5}, bootstrap), 1e-12);
        assertArrayEquals(new double[] {1.5, 1.5, 3, 4.5, 4.5}, PermutationTest.ranks(new double[] {2, 2, 3, 7, 7}));
    }

    @Test
    void largeGroupsAreSampledFromTheSeedAndAgreeWithTheExactTail() {
        double[] a = new double[12];
        double[] b = new double[12];
        for (int i = 0; i < 12; i++) {
            a[i] = i + 1;
            b[i] = i + 13;
        }
        // C(24, 12) = 2,704,156 splits: sampled; the exact p-value is 2 / 2,704,156, so no draw reaches it
        double p = PermutationTest.pValue(a, b, bootstrap);
        assertEquals(1.0 / (1 + bootstrap.resamples()), p, 1e-12);
        assertEquals(p, PermutationTest.pValue(a, b, new Bootstrap()), "seeded: the same p");
    }

    @Test
    void underNoDifferenceThePValueIsNeverSmallTooOften() {
        int pairs = 4_000;
        int atMost1 = 0;
        int atMost5 = 0;
        SplittableRandom random = new SplittableRandom(9);
        for (int k = 0; k < pairs; k++) {
            double p = PermutationTest.pValue(Samples.logNormal(random, 5, 10, 0.1), Samples.logNormal(random, 5, 10, 0.1),
                    bootstrap);
            atMost1 += p <= 0.01 ? 1 : 0;
            atMost5 += p <= 0.05 ? 1 : 0;
        }
        // exactly: the p-values it can give are 2/252, 4/252, 8/252, 14/252, ...; so P(p <= 0.01) = 2/252 and
        // P(p <= 0.05) = 8/252, both at most what they must be
        assertEquals(2.0 / 252, (double) atMost1 / pairs, 0.005);
        assertEquals(8.0 / 252, (double) atMost5 / pairs, 0.008);
    }

    @Test
    void rejectsWhatIsNotASample() {
        assertThrows(IllegalArgumentException.class, () -> PermutationTest.pValue(new double[0], new double[] {1}, bootstrap));
        assertThrows(IllegalArgumentException.class, () -> PermutationTest.pValue(new double[] {0}, new double[] {1}, bootstrap));
    }
}
