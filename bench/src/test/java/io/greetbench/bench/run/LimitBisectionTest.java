package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The bisection alone, against step functions whose need is known: where it ends, and what it tried. */
class LimitBisectionTest {
    private static final long MIB = 1L << 20;

    /** Runs the search to its end against {@code holds}; the limits tried, in order. */
    private static List<Long> search(LimitBisection b, LongPredicate holds) {
        List<Long> tried = new ArrayList<>();
        while (!b.done()) {
            long limit = b.next();
            assertTrue(limit > 0 && limit % MIB == 0, "whole MiB: " + limit);
            assertTrue(!tried.contains(limit), "tried twice: " + limit + " after " + tried);
            tried.add(limit);
            b.record(limit, holds.test(limit));
        }
        return tried;
    }

    @ParameterizedTest(name = "need {0} MiB, starting at {1} MiB")
    @CsvSource({"100, 180", "100, 101", "37, 600", "250, 400", "700, 760", "100, 60", "100, 20", "30, 30"})
    void findsTheSmallestLimitThatHoldsWithinTheTolerance(long needMib, long startMib) {
        long need = needMib * MIB;
        LimitBisection b = new LimitBisection(startMib * MIB, 16 * MIB, 8L * startMib * MIB);
        List<Long> tried = search(b, limit -> limit >= need);
        long found = b.found();
        assertTrue(found >= need, "found " + found / MIB + " MiB, below the need: " + tried);
        assertTrue(found - need <= LimitBisection.tolerance(found), "found " + found / MIB + " MiB for a need of " + needMib
                + ": " + tried.stream().map(t -> t / MIB).toList());
        long failed = b.failedBelow();
        assertTrue(failed > 0 && failed < need, "the last step's lower end failed, below the need: " + failed / MIB);
        assertTrue(found - failed <= LimitBisection.tolerance(found), "the last step's span is within the tolerance");
        assertTrue(b.steps() <= 10, b.steps() + " steps: " + tried.stream().map(t -> t / MIB).toList());
        assertEquals(tried.size(), b.steps());
    }

    @Test
    void startsWhereTheServerWasWithoutALimitAndLooksAnEighthBelowIt() {
        LimitBisection b = new LimitBisection(400 * MIB, 16 * MIB, 1600 * MIB);
        assertEquals(400 * MIB, b.next());
        b.record(400 * MIB, true);
        long second = b.next();
        assertTrue(second > 50 * MIB && second < 400 * MIB, "between an eighth of the start and the start: " + second / MIB);
    }

    @Test
    void aNeedAboveTheCeilingEndsWithNoLimitFound() {
        LimitBisection b = new LimitBisection(100 * MIB, 16 * MIB, 400 * MIB);
        List<Long> tried = search(b, limit -> false);
        assertEquals(-1, b.found());
        assertTrue(b.exhausted());
        assertTrue(tried.stream().allMatch(t -> t <= 400 * MIB), tried.toString());
        assertTrue(tried.size() >= 3, "grew by half each step from 100 MiB: " + tried);
    }

    @Test
    void aServerThatHoldsEverywhereEndsAtTheFloorWithNothingFailedBelow() {
        LimitBisection b = new LimitBisection(300 * MIB, 16 * MIB, 1200 * MIB);
        search(b, limit -> true);
        assertTrue(b.found() <= 16 * MIB + LimitBisection.tolerance(b.found()), "found " + b.found() / MIB);
        assertEquals(-1, b.failedBelow(), "the floor was assumed, never tried: not reported as failed");
    }

    @Test
    void theToleranceIsFivePercentOrEightMib() {
        assertEquals(8 * MIB, LimitBisection.tolerance(100 * MIB));
        assertEquals(25 * MIB, LimitBisection.tolerance(500 * MIB));
    }
}
