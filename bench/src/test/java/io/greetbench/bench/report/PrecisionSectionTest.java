package io.greetbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.results.CpuGateReading;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What this run can tell apart: how the server's CPU read while each server ran, and what the gate discarded on it. */
class PrecisionSectionTest {
    @Test
    void saysHowTheServersCpuReadWhileEachServerRanAndWhatWasDiscardedOnIt(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        long pid = 100;
        for (int trial = 1; trial <= 5; trial++) {
            for (String runtime : new String[] {"netty", "vertx-core"}) {
                // every server's CPU read at its best while it ran, but vertx-core's of round 5 at 1.5×
                double during = runtime.equals("vertx-core") && trial == 5 ? 3.0 : 2.0;
                results.append(ReportWriterTest.ok(runtime, "capacity", 256, trial, 50_000 + trial, 7, false, 90_000)
                        .withServer(pid++, 900L)
                        .withServerCpuCheck(new CpuGateReading("0", 2.0, 2.0, 2.0, 1.25, 40, during)));
            }
        }
        results.append(ReportWriterTest.ok("netty", "capacity", 256, 6, 20_000, 14, false, 90_000).withServer(pid, 900L)
                .withServerCpuCheck(new CpuGateReading("0", 2.0, 2.1, 2.0, 1.25, 38, 3.4))
                .withOutcome(Status.DISCARDED, "the server's CPU 0 ran slow while the server ran: the median of 38 readings ..."));

        String report = Files.readString(ReportWriter.write(dir));

        assertTrue(report.contains("just after the window, and while the server ran), measured again"), report);
        assertTrue(report.contains("**While each server ran**"), report);
        assertFalse(report.contains("The driver's CPU"), "no driver readings in these results: " + report);
        assertTrue(report.contains("11 servers, a median of 40 readings each. The median reading of a server's life was within "
                + "1.10× the CPU's best for 9 of them; the slowest was 1.70×, the median 1.00×. Windows discarded on these "
                + "readings alone: 1."), report);
    }

    @Test
    void saysHowTheDriversCpuReadAndWhatWasDiscardedOnIt(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        for (int trial = 1; trial <= 5; trial++) {
            double driverDuring = trial == 5 ? 2.6 : 2.0; // the driver's CPU at 1.3× its best in round 5
            results.append(ReportWriterTest.ok("netty", "capacity", 256, trial, 50_000, 7, false, 90_000)
                    .withServer((long) trial, 900L).withServerCpuCheck(new CpuGateReading("0", 2.0, 2.0, 2.0, 1.25, 40, 2.0))
                    .withDriverCpuCheck(new CpuGateReading("1", 2.0, 2.0, 2.0, 1.25, 40, driverDuring)));
        }
        results.append(ReportWriterTest.ok("netty", "capacity", 256, 6, 30_000, 10, false, 90_000).withServer(9L, 900L)
                .withServerCpuCheck(new CpuGateReading("0", 2.0, 2.0, 2.0, 1.25, 40, 2.0))
                .withDriverCpuCheck(new CpuGateReading("1", 2.0, 2.8, 2.0, 1.25, 40, 2.1))
                .withOutcome(Status.DISCARDED, "the driver's CPU 1 ran slow after the window: 1.40× its best reading ..."));
        String report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("and while the server ran) or the driver's did"), report);
        assertTrue(report.contains("its median reading over a server's life was within 1.10× its best for 5 of 6 servers; "
                + "the slowest was 1.30×. Windows discarded on the driver's CPU: 1."), report);
    }

    @Test
    void saysHowMuchOfTheKeptWindowsCpuTheJitCompilerTookAndHowManyWindowsItCost(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        double[] jit = {0.001, 0.002, 0.004, 0.0, 0.03};
        for (int trial = 1; trial <= 5; trial++) {
            Measurement m = ReportWriterTest.ok("netty", "capacity", 256, trial, 50_000, 7, false, 90_000).withServer((long) trial, 900L);
            results.append(m.withFigures(m.machineProbe(), m.load(), m.server().withJit(jit[trial - 1])));
        }
        Measurement d = ReportWriterTest.ok("netty", "capacity", 256, 1, 30_000, 12, false, 90_000).withServer(9L, 900L);
        results.append(d.withFigures(d.machineProbe(), d.load(), d.server().withJit(0.3)).withOutcome(Status.DISCARDED,
                "the server's JIT compiler took 30% of its CPU in the window at 256 connections (over 5%): ..."));
        String report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("**The JIT compiler** (its threads' CPU time, read over each window): in the 5 windows kept "
                + "it took a median of 0.20% of the server's CPU, at most 3.00%. Windows discarded because it took more than "
                + "5%: 1."), report);
    }

    @Test
    void resultsWithoutTheWatchSayNothingOfIt(@TempDir Path dir) throws Exception {
        ResultsFile results = new ResultsFile(dir);
        results.append(ReportWriterTest.ok("netty", "capacity", 256, 1, 50_000, 7, false, 90_000).withServer(1L, 900L)
                .withServerCpuCheck(new CpuGateReading("0", 2.0, 2.0, 2.0, 1.25, null, null)));
        results.append(ReportWriterTest.ok("netty", "capacity", 256, 2, 20_000, 14, false, 90_000).withServer(2L, 900L)
                .withServerCpuCheck(new CpuGateReading("0", 2.0, 3.0, 2.0, 1.25, null, null))
                .withOutcome(Status.DISCARDED, "the server's CPU 0 ran slow after the window"));
        String report = Files.readString(ReportWriter.write(dir));
        assertTrue(report.contains("just after the window), measured again"), report);
        assertFalse(report.contains("While each server ran"), report);
        assertFalse(report.contains("The JIT compiler"), report);
    }
}
