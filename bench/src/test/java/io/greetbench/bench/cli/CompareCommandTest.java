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
                1, null, 0.1, 0L);
        ServerUse server = new ServerUse(4.5, 0.9, cpuUs, 100_000L, 100_000.0, 15, 15.0, 0L, 0.0);
        return new Measurement(runtime, false, "plaintext", 64, 1, 0.0, null, 0L, 5000L, null, trial, 1,
                "2026-11-26T00:00:00Z", Status.OK, null, 1L, 100L, null, load, server);
    }

    /** A run of plaintext at 64 connections: runtimes a and c, five trials each, around the given CPU per request. */
    private static Path run(Path dir, double cpuOfA, double cpuOfC) throws IOException {
        ResultsFile results = new ResultsFile(dir);
        double[] noise = {1.0, 1.02, 0.98, 1.01, 0.99};
        for (int t = 0; t < noise.length; t++) {
            results.append(closed("a", t + 1, cpuOfA * noise[t]));
            results.append(closed("c", t + 1, cpuOfC * noise[t]));
        }
        return dir;
    }

    @Test
    void twoAgreeingRunsExitWith0(@TempDir Path a, @TempDir Path b) throws Exception {
        run(a, 20, 40);
        run(b, 21, 39);
        assertEquals(0, run("compare", a.toString(), b.toString()), err.toString());
        assertTrue(out.toString().contains("1 significant finding(s) of A held against B: 1 confirmed, 0 not significant in B, "
                + "0 contradicted, 0 missing in B."), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("confirmed") && l.contains("plaintext c=64")
                && l.contains("CPU per request") && l.contains("a/c") && l.contains("0.50 (")), out.toString());
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
        assertEquals(2.0, json.get("rechecks").get(0).get("inB").get("ratio").asDouble(), 1e-9, "B's turned to A's order");
        assertEquals(Findings.FILE, json.get("runA").get("source").asText());
        assertEquals(13, json.get("runB").get("seed").asInt());
        // both runtimes moved: a doubled, c halved, their intervals far apart
        assertEquals(2, json.get("nonOverlapping").size(), json.toPrettyString());
        assertEquals(1.0, json.get("nonOverlapping").get(0).get("change").asDouble(), 0.05);
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
