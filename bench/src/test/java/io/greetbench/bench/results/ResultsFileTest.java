package io.greetbench.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results schema: written and read back whole, older files still read, a torn last line skipped. */
class ResultsFileTest {
    /** A line as the run of 2026-11-25 (committed under docs/results) wrote it, before the typed schema. */
    private static final String OLDER_LINE = "{\"runtime\":\"netty\",\"reference\":false,\"scenario\":\"plaintext\",\"connections\":1,"
            + "\"pipeline\":1,\"rateFraction\":0.0,\"trial\":1,\"startedAt\":\"2026-11-25T15:14:32.372254426Z\",\"machineProbe\":"
            + "{\"beforeNanos\":2046678.0,\"afterNanos\":2067977.5},\"serverPid\":2731,\"serverReadyMillis\":1889,\"load\":"
            + "{\"target\":\"http://127.0.0.1:38331/world\",\"mode\":\"closed\",\"connections\":1,\"pipeline\":1,\"offeredRate\":0.0,"
            + "\"warmupSeconds\":11.0,\"warmupSettled\":true,\"durationSeconds\":5.0,\"requests\":112738,\"requestsPerSecond\":"
            + "22535.36,\"sentTotal\":298493,\"answeredTotal\":298493,\"unansweredAtEnd\":1,\"errors\":{\"connect\":0,\"status\":0,"
            + "\"body\":0,\"timeout\":0,\"reset\":0,\"protocol\":0},\"errorCount\":0,\"reconnects\":0,\"latencyMicros\":{\"p50\":37,"
            + "\"p90\":53,\"p99\":104,\"p999\":794,\"p9999\":4103,\"max\":8871,\"mean\":43.4,\"stdev\":81.7},"
            + "\"driverCpuUtilization\":0.467,\"driverCpusBusy\":0.543,\"driverCpus\":1,\"driverSaturated\":false,\"eventLoops\":1},"
            + "\"server\":{\"cpuSeconds\":3.09,\"cpuUtilization\":0.618,\"cpuMicrosPerRequest\":27.41,\"rssPeakKb\":109172,"
            + "\"rssMeanKb\":109159.1,\"threadsPeak\":15,\"threadsMean\":15.0,\"gcPauses\":8,\"gcPauseMillis\":4.022},"
            + "\"driverBound\":false,\"status\":\"ok\"}";

    @Test
    void readsTheCommittedRunsFormat(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ResultsFile.NAME), OLDER_LINE + "\n{\"runtime\":\"x\",\"status\":\"skipped\",\"reason\":\"r\"}\n"
                + "{\"runtime\":\"torn", StandardCharsets.UTF_8);
        List<Measurement> all = ResultsFile.read(dir);
        assertEquals(2, all.size(), all.toString());
        Measurement m = all.get(0);
        assertTrue(m.ok());
        assertEquals(104, m.load().latencyMicros().p99());
        assertEquals(27.41, m.server().cpuMicrosPerRequest());
        assertEquals(2057327.75, m.machineProbe().meanNanos());
        assertNull(m.waitMillis(), "older results did not record the wait");
        assertNull(m.load().histogram(), "older results did not store the histogram");
        assertNull(m.serverHost(), "older results did not name their hosts");
        assertNull(m.driverHosts());
        assertNull(m.drivers());
        assertNull(m.driverClockSkewMillis());
        assertNull(m.load().setupErrors(), "older results did not record set-up");
        assertNull(m.load().neverServed());
        assertNull(m.load().setupEnded());
        assertNull(m.load().setupDeadlineSeconds());
        assertEquals(0, m.load().neverServedCount());
        assertEquals(Status.SKIPPED, all.get(1).status());
    }

    @Test
    void aLineWithSetupErrorsButNoNeverServedStillReads(@TempDir Path dir) throws Exception {
        // As written before connections never served were counted apart: setupErrors counted them too.
        String line = OLDER_LINE.replace("\"eventLoops\":1}", "\"eventLoops\":1,\"setupSeconds\":30.2,\"setupErrors\":1808}");
        assertTrue(line.contains("setupErrors"), line);
        Files.writeString(dir.resolve(ResultsFile.NAME), line + "\n", StandardCharsets.UTF_8);
        LoadFigures load = ResultsFile.read(dir).get(0).load();
        assertEquals(30.2, load.setupSeconds());
        assertEquals(1808L, load.setupErrors());
        assertEquals(1808L, load.setupErrorCount());
        assertNull(load.neverServed());
        assertEquals(0, load.neverServedCount());
        assertNull(load.setupEnded());
        assertNull(load.setupDeadlineSeconds());
    }

    @Test
    void aMeasurementReadsBackAsWritten(@TempDir Path dir) throws Exception {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 10L);
        }
        String encoded = LoadFigures.encode(h);
        LoadFigures load = new LoadFigures("t", "open", 4, 1, 100, 1, null, 5, 1000, 200, 1000, 1000, 0,
                java.util.Map.of("timeout", 2L), 2, 0, new LatencyFigures(1, 2, 3, 4, 5, 6, 7, 8), 0.1, 0.2, 1, true, 1, encoded, 0.25, 3L, 12L, "stalled", 30.0);
        Measurement m = new Measurement("r", true, "latency-at-rate", 4, 1, 0.5, 100.0, 0L, 5000L, 0.5, 2, 1, "now", Status.OK, null,
                7L, 8L, new ProbeReading(1.0, 3.0), load, new ServerUse(1.0, 0.5, 10.0, 5L, 5.0, 3, 3.0, null, null));
        new ResultsFile(dir).append(m);
        Measurement back = ResultsFile.read(dir).get(0);
        assertEquals(m, back);
        Histogram decoded = back.load().histogram();
        assertNotNull(decoded);
        assertEquals(h.getTotalCount(), decoded.getTotalCount());
        assertEquals(h.getValueAtPercentile(99), decoded.getValueAtPercentile(99));
        assertFalse(Files.readString(dir.resolve(ResultsFile.NAME)).contains("\"gcPauses\""), "absent figures are left out");
    }

    @Test
    void aMeasurementFromSeveralHostsReadsBackWithItsHostsAndEachDriver(@TempDir Path dir) throws Exception {
        Histogram a = new Histogram(3);
        Histogram b = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            a.recordValue(i);
            b.recordValue(1000 + i);
        }
        LoadFigures one = figures(a);
        LoadFigures two = figures(b);
        Measurement m = new Measurement("netty", false, "plaintext", 8, 1, 0.0, null, 0L, 2000L, null, 1, 1, "now", Status.OK,
                null, 7L, 8L, null, figures(a), null, "server-1", List.of("driver-1", "driver-2"),
                List.of(new DriverFigures("driver-1", 11L, 0.5, 0.2, 1.0, one), new DriverFigures("driver-2", 12L, -0.25, 0.3, 2.0, two)));
        new ResultsFile(dir).append(m);
        Measurement back = ResultsFile.read(dir).get(0);
        assertEquals(m, back);
        assertEquals("server-1", back.serverHost());
        assertEquals(List.of("driver-1", "driver-2"), back.driverHosts());
        assertEquals(b.getTotalCount(), back.drivers().get(1).load().histogram().getTotalCount());
        assertEquals(0.75, back.driverClockSkewMillis());
        assertEquals(m.withOutcome(Status.FAILED, "x").drivers(), m.drivers(), "the withers keep the hosts");
        assertEquals("server-1", m.withServer(1L, 2L).withFigures(null, null, null).serverHost());
    }

    @Test
    void anEnvironmentWithoutNetworkLimitsOrHostsStillReads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(RunEnvironment.NAME), "{\"startedAt\":\"now\",\"cpus\":2,\"serverCpus\":\"0\"}");
        RunEnvironment env = RunEnvironment.read(dir);
        assertTrue(env.known());
        assertNull(env.network());
        assertNull(env.hosts());
        RunEnvironment withHosts = new RunEnvironment("now", null, null, 2, null, null, null, null, null, null, List.of(), null,
                null, null, null, java.util.Map.of(), null, null, null, null, RecordedOptions.NONE,
                new NetworkLimits(4096, 2048, "32768 60999", 1024L), List.of(new HostEnvironment("h", "driver", "10.0.0.2",
                        "cpu", 4, "0-3", null, "1 GiB", "Linux", "Debian", "/usr/bin/java", "17", List.of(),
                        new NetworkLimits(128, null, null, 65536L))), null, null, null);
        withHosts.write(dir);
        assertEquals(withHosts, RunEnvironment.read(dir));
    }

    private static LoadFigures figures(Histogram h) {
        return new LoadFigures("t", "closed", 4, 1, 0, 1, null, 5, h.getTotalCount(), h.getTotalCount() / 5.0, 0, 0, 0,
                java.util.Map.of(), 0, 0, new LatencyFigures(1, 2, 3, 4, 5, 6, 7, 8), 0.1, 0.2, 1, false, 1,
                LoadFigures.encode(h), null, null, null, null, null);
    }
}
