package io.greetbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greetbench.bench.report.ReportWriter;
import io.greetbench.bench.results.LatencyFigures;
import io.greetbench.bench.results.LoadFigures;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ResultsFile;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.stats.Findings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** greetbench compare: a second run confirms, weakens or contradicts the first's claims; exit codes say which. */
class CompareCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = GreetbenchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Measurement closed(String runtime, int trial, double cpuUs) {
        LoadFigures load = new LoadFigures("http://127.0.0.1:1/world", "closed", 64, 1, 0, 3, true, 5, 100_000, 20_000,
                0, 0, 0, Map.of(), 0, 0, new LatencyFigures(500, 900, 2000, 4000, 5000, 6000, 600, 100), 0.5, 0.5, 1, false,
                1, null, 0.1, 0L, null, null, null);
        ServerUse server = new ServerUse(4.5, 0.9, cpuUs, 100_000L, 100_000.0, 15, 15.0, 0L, 0.0);
        return new Measurement(runtime, false, "plaintext", 64, 1, 0.0, null, 0L, 5000L, null, trial, 1,
                "2026-11-26T00:00:00Z", Status.OK, null, 1L, 100L, null, load, server);
    }

    private static final double[] NOISE = {1.0, 1.02, 0.98, 1.01, 0.99};
    private static final double[] OTHER_NOISE = {0.99, 1.0, 1.02, 0.98, 1.01};

    /** A run of plaintext at 64 connections: runtimes a and c, five trials each, around the given CPU per request. */
    private static Path run(Path dir, double cpuOfA, double cpuOfC) throws IOException {
        return run(dir, cpuOfA, cpuOfC, OTHER_NOISE);
    }

    /** The same, c's noise by round given (a's own noise: the per-round ratio a/c is exact when they are the same). */
    private static Path run(Path dir, double cpuOfA, double cpuOfC, double[] noiseOfC) throws IOException {
        ResultsFile results = new ResultsFile(dir);
        for (int t = 0; t < NOISE.length; t++) {
            results.append(closed("a", t + 1, cpuOfA * NOISE[t]));
            results.append(closed("c", t + 1, cpuOfC * noiseOfC[t]));
        }
        return dir;
    }

    @Test
    void twoAgreeingRunsExitWith0(@TempDir Path a, @TempDir Path b) throws Exception {
        run(a, 20, 40);
        run(b, 20.5, 40);
        assertEquals(0, run("compare", a.toString(), b.toString()), err.toString());
        assertTrue(out.toString().contains("1 finding(s) of A held against B: 1 confirmed.\n"), out.toString());
        assertTrue(out.toString().contains("   threshold 5%, FDR target 5%, at least 5 trials a side; trials per runtime and cell: 5"),
                out.toString());
        assertTrue(out.toString().contains("about 0.0 such cells by chance"), out.toString());
        assertFalse(out.toString().contains("Warning"), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("confirmed") && l.contains("plaintext c=64")
                && l.contains("CPU per request") && l.contains("a/c") && l.contains("0.5")), out.toString());
        assertTrue(out.toString().contains("computed from results.jsonl"), "neither run has a findings.json: " + out);
        assertEquals("", err.toString());
    }

    @Test
    void aContradictionExitsWith1AndJsonSaysWhich(@TempDir Path a, @TempDir Path b) throws Exception {
        run(a, 20, 40);
        run(b, 40, 20);
        ReportWriter.write(a); // A from its findings.json, B computed
        assertEquals(1, run("compare", a.toString(), b.toString(), "--json"), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(1, json.get("summary").get("CONTRADICTED").asInt(), json.toPrettyString());
        assertEquals("CONTRADICTED", json.get("rechecks").get(0).get("outcome").asText());
        assertEquals("a", json.get("rechecks").get(0).get("inA").get("runtimeA").asText());
        assertEquals(2.0, json.get("rechecks").get(0).get("inB").get("ratio").asDouble(), 0.05, "B's turned to A's order");
        assertEquals("PAIRED_BY_ROUND", json.get("rechecks").get(0).get("inB").get("pairing").asText());
        assertEquals(Findings.FILE, json.get("runA").get("source").asText());
        assertEquals(13, json.get("runB").get("seed").asInt());
        // both runtimes moved: a doubled, c halved, their intervals far apart
        assertEquals(2, json.get("nonOverlapping").size(), json.toPrettyString());
        assertEquals(1.0, json.get("nonOverlapping").get(0).get("change").asDouble(), 0.05);
    }

    @Test
    void theContradictionAcrossTheFivePercentEdgeExitsWith1(@TempDir Path a, @TempDir Path b) throws Exception {
        // A: a costs 10% less than c. B: a costs exactly 5% more in every round, so B names the pair c/a = 0.952,
        // which the oriented |1 - r| read as a 4.76% effect, "not significant in B", and exit 0
        run(a, 36, 40);
        run(b, 42, 40, NOISE);
        assertEquals(1, run("compare", a.toString(), b.toString(), "--json"), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode recheck = json.get("rechecks").get(0);
        assertEquals("CONTRADICTED", recheck.get("outcome").asText(), json.toPrettyString());
        assertEquals(1.05, recheck.get("inB").get("ratio").asDouble(), 1e-9);
        assertEquals("SIGNIFICANT", recheck.get("inB").get("verdict").asText());
    }

    @Test
    void twoIdenticalRunsExitWith0AndNoSizeDiffers(@TempDir Path a, @TempDir Path b) throws Exception {
        run(a, 20, 40);
        run(b, 20, 40);
        assertEquals(0, run("compare", a.toString(), b.toString()), err.toString());
        assertFalse(out.toString().contains("size differs"), out.toString());
        assertTrue(out.toString().contains("1 finding(s) of A held against B: 1 confirmed."), out.toString());
        assertTrue(out.toString().contains("Findings of B that A does not state: 0."), out.toString());
        assertTrue(out.toString().contains("Cells whose intervals do not overlap between A and B: none"), out.toString());
    }

    @Test
    void aRuntimeOrCellMissingInBExitsWith3AndBsOwnFindingsAreListed(@TempDir Path a, @TempDir Path b) throws Exception {
        run(a, 20, 40);
        ResultsFile results = new ResultsFile(b);
        for (int t = 0; t < NOISE.length; t++) {
            results.append(closed("a", t + 1, 20 * NOISE[t]));
            results.append(closed("d", t + 1, 40 * OTHER_NOISE[t]));
        }
        assertEquals(3, run("compare", a.toString(), b.toString()), err.toString());
        assertTrue(out.toString().contains("1 missing in B"), out.toString());
        assertTrue(out.toString().contains("Missing in B: 1 runtime(s) (c); 0 cell(s)."), out.toString());
        assertTrue(out.toString().contains("Findings of B that A does not state: 1."), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("plaintext c=64") && l.contains("a/d") && l.endsWith("absent")),
                out.toString());
    }

    @Test
    void differentTrialCountsAreWarnedOf(@TempDir Path a, @TempDir Path b) throws Exception {
        run(a, 20, 40);
        ResultsFile results = new ResultsFile(b);
        for (int t = 0; t < 3; t++) {
            results.append(closed("a", t + 1, 20 * NOISE[t]));
            results.append(closed("c", t + 1, 40 * OTHER_NOISE[t]));
        }
        assertEquals(0, run("compare", a.toString(), b.toString()), err.toString());
        assertTrue(out.toString().contains("Warning: the trial counts differ: 5 in A, 3 in B"), out.toString());
        assertTrue(out.toString().contains("1 too few trials in B"), out.toString());
    }

    @Test
    void aRunAgainstItselfConfirmsEverythingAndNothingMoves(@TempDir Path a) throws Exception {
        run(a, 20, 40);
        assertEquals(0, run("compare", a.toString(), a.toString(), "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(1, json.get("summary").get("CONFIRMED").asInt());
        assertEquals(0, json.get("nonOverlapping").size());
    }

    @Test
    void aFolderWithoutResultsIsAOneLineErrorWithExitCode2(@TempDir Path a, @TempDir Path empty) throws Exception {
        run(a, 20, 40);
        assertEquals(2, run("compare", a.toString(), empty.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains(empty + " holds neither findings.json nor results.jsonl; give two results folders"),
                err.toString());
        assertFalse(out.toString().contains("confirmed"), out.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("compare", a.toString()));
        assertTrue(err.toString().contains("RUN_B"), "a missing folder names what to give: " + err);
        err.getBuffer().setLength(0);
        Files.writeString(empty.resolve(Findings.FILE), "{ not json");
        assertEquals(2, run("compare", a.toString(), empty.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("cannot read"), err.toString());
    }
}
