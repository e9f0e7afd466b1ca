package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.results.CpuGateReading;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's rule, from scripted readings of the server's CPU. */
class WindowGateTest {
    /** Hands out the given readings in turn, the last one for ever after. */
    private static CpuReader scripted(Double... readings) {
        Deque<Double> queue = new ArrayDeque<>(List.of(readings));
        return cpu -> queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Test
    void aWindowStandsWhenBothReadingsAreWithinTheThreshold() throws Exception {
        WindowGate gate = new WindowGate(scripted(2.0, 2.0, 2.0, 2.4), List.of(1), 1.25);
        gate.read();
        gate.read();
        CpuGateReading r = gate.reading(gate.read(), null, gate.read());
        assertEquals(1.2, r.slowdown(), 1e-9);
        assertNull(gate.judge(r), "1.2x its best is within 1.25x");
    }

    @Test
    void aSlowReadingBeforeOrAfterDiscardsTheWindowAndSaysWhich() throws Exception {
        WindowGate gate = new WindowGate(scripted(2.0, 2.0, 3.4, 2.0), List.of(1), 1.25);
        gate.read();
        gate.read();
        CpuGateReading r = gate.reading(gate.read(), null, gate.read());
        String reason = gate.judge(r);
        assertNotNull(reason);
        assertTrue(reason.contains("CPU 1 ran slow before the window") && reason.contains("1.70"), reason);

        WindowGate after = new WindowGate(scripted(2.0, 2.0, 3.4), List.of(0), 1.25);
        after.read();
        after.read();
        String r2 = after.judge(after.reading(after.read(), null, after.read()));
        assertTrue(r2 != null && r2.contains("before and after"), r2);
    }

    @Test
    void theDriversGateJudgesItsCpuByTheSameRuleAndSaysItIsTheDrivers() throws Exception {
        WindowGate driver = WindowGate.forDriver(scripted(2.0, 2.0, 2.0, 3.0), List.of(1), 1.25, null);
        driver.read();
        driver.read();
        String reason = driver.judge(driver.reading(driver.read(), null, driver.read()));
        assertEquals("the driver's CPU 1 ran slow after the window: 1.50× its best reading (the other reading 1.00×), "
                + "over the gate's 1.25×", reason);
        WindowGate server = new WindowGate(scripted(2.0, 2.0, 2.0, 3.0), List.of(1), 1.25);
        server.read();
        server.read();
        assertTrue(server.judge(server.reading(server.read(), null, server.read())).startsWith("the server's CPU 1 ran slow"));
    }

    @Test
    void theBestIsALowQuantileSoOneLuckyReadingDoesNotRaiseTheBar() throws Exception {
        Double[] readings = new Double[40];
        java.util.Arrays.fill(readings, 2.0);
        readings[0] = 1.0; // one reading twice as fast as any other
        WindowGate gate = new WindowGate(scripted(readings), List.of(0), 1.25);
        for (int i = 0; i < 40; i++) {
            gate.read();
        }
        assertEquals(2.0, gate.best(0), 1e-9);
    }

    @Test
    void anOffGateReadsNothingAndPassesEverything() throws Exception {
        WindowGate gate = WindowGate.off();
        assertFalse(gate.on());
        assertNull(gate.reading(gate.read(), null, gate.read()));
        assertNull(gate.judge(null));
        assertTrue(gate.awaitSteady(Duration.ofSeconds(1)));
    }

    @Test
    void waitingForASteadyCpuEndsWhenItReadsSteadyOrTheBoundIsSpent() throws Exception {
        WindowGate recovers = new WindowGate(scripted(2.0, 2.0, 3.5, 3.5, 2.1), List.of(0), 1.25);
        recovers.read();
        recovers.read();
        assertTrue(recovers.awaitSteady(Duration.ofSeconds(10)));

        WindowGate staysSlow = new WindowGate(scripted(2.0, 2.0, 2.0, 3.5), List.of(0), 1.25);
        for (int i = 0; i < 3; i++) {
            staysSlow.read();
        }
        long t0 = System.nanoTime();
        assertFalse(staysSlow.awaitSteady(Duration.ofMillis(600)));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "gives up near its bound");
    }
}
