package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.results.CpuReadings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the server goes, from given readings of each CPU. */
class CpuChoiceTest {
    private static Map<Integer, CpuReadings> survey(List<Double> cpu0, List<Double> cpu1) {
        Map<Integer, CpuReadings> m = new LinkedHashMap<>();
        m.put(0, CpuReadings.of(0, cpu0));
        m.put(1, CpuReadings.of(1, cpu1));
        return m;
    }

    @Test
    void theServerGetsTheCpuWithFewerSlowReadings() {
        // CPU 0 falls into the ~1.7x slow state twice in ten readings; CPU 1 never does
        var s = survey(List.of(2.0, 2.0, 3.4, 2.1, 2.0, 3.5, 2.0, 2.1, 2.0, 2.0),
                List.of(2.1, 2.2, 2.1, 2.2, 2.1, 2.2, 2.1, 2.2, 2.1, 2.2));
        CpuChoice c = CpuChoice.choose(s, 1);
        assertEquals("1", c.serverCpus());
        assertEquals("0", c.driverCpus());
        assertTrue(c.explanation().contains("server on CPU 1"), c.explanation());
    }

    @Test
    void withNoSlowSpellsTheSteadierWins() {
        var s = survey(List.of(2.0, 2.2, 2.0, 2.2, 2.0, 2.2), List.of(2.0, 2.0, 2.0, 2.01, 2.0, 2.0));
        assertEquals("1", CpuChoice.choose(s, 1).serverCpus());
    }

    @Test
    void equallySteadyCpusGoByTheFasterMedian() {
        var s = survey(List.of(2.0, 2.0, 2.0, 2.0), List.of(2.2, 2.2, 2.2, 2.2));
        assertEquals("0", CpuChoice.choose(s, 1).serverCpus());
    }

    @Test
    void aCpuSharedWithABusyProcessReadsSlowAndSteadyAndIsNotChosen() {
        // CPU 0 runs someone else's busy server: every reading 4x, and very even; CPU 1 is free but noisier
        var s = survey(List.of(8.0, 8.01, 8.0, 8.02, 8.0, 8.01), List.of(2.0, 2.1, 2.0, 2.2, 2.0, 2.1));
        CpuChoice c = CpuChoice.choose(s, 1);
        assertEquals("1", c.serverCpus(), c.explanation());
    }

    @Test
    void slowReadingsAreCountedAgainstTheCpusOwnFastest() {
        CpuReadings r = CpuReadings.of(3, List.of(2.0, 2.4, 2.6, 4.0));
        assertEquals(0.5, r.slowShare(), 1e-9, "2.6 and 4.0 are over 1.25 x 2.0; 2.4 is not");
        assertEquals(2.5, r.median(), 1e-9);
    }

    @Test
    void aChoiceNeedsACpuForEachSide() {
        Map<Integer, CpuReadings> one = Map.of(0, CpuReadings.of(0, List.of(2.0)));
        assertThrows(IllegalArgumentException.class, () -> CpuChoice.choose(one, 1));
    }
}
