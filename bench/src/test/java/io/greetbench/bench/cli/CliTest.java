package io.greetbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI's answers to a person: listings, and one-line errors with exit code 2 for mistakes. */
class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = GreetbenchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void listsEveryRuntimeWithItsAvailability() {
        assertEquals(0, run("list"));
        String[] lines = out.toString().strip().split("\n");
        assertEquals(9, lines.length, out.toString());
        for (String name : new String[] {"netty", "netty-iouring", "netty-nio", "vertx-web", "vertx-core", "undertow",
            "undertow-worker", "threadpool", "threadpool-virtual"}) {
            assertTrue(out.toString().lines().anyMatch(l -> l.startsWith(name + " ")
                    && (l.contains(" available ") || l.contains(" unavailable: "))), name + " missing: " + out);
        }
    }

    @Test
    void anUnknownRuntimeIsAOneLineErrorWithExitCode2() {
        assertEquals(2, run("serve", "--runtime", "tomcat", "--port", "0"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("no runtime named 'tomcat'"), err.toString());
        assertTrue(err.toString().contains("netty"), "should list the known runtimes: " + err);
    }

    @Test
    void aBusyPortIsAOneLineErrorWithExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertEquals(2, run("serve", "--runtime", "netty-nio", "--port", String.valueOf(port)));
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(err.toString().contains("cannot listen on 127.0.0.1:" + port), err.toString());
            assertTrue(err.toString().contains("--port"), "should say what to do: " + err);
        }
    }

    @Test
    void aBadFlagValueIsAOneLineErrorWithExitCode2() {
        assertEquals(2, run("serve", "--runtime", "netty", "--wait", "20 parsecs"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--wait"), err.toString());
    }

    @Test
    void loadPrintsOneJsonObjectWithTheDocumentedFields() throws Exception {
        try (io.greetbench.core.RunningServer server = io.greetbench.core.Runtimes.byName("netty")
                .start(io.greetbench.core.ServerConfig.defaults())) {
            assertEquals(0, run("load", "--url", "http://127.0.0.1:" + server.port() + "/Zo%C3%AB", "-c", "4",
                    "-d", "1s", "--warmup", "0", "--json"));
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(out.toString());
            for (String field : new String[] {"requestsPerSecond", "requests", "durationSeconds", "errors",
                "latencyMicros"}) {
                assertTrue(json.has(field), field + " missing: " + json);
            }
            for (String p : new String[] {"p50", "p90", "p99", "p999", "p9999", "max"}) {
                assertTrue(json.get("latencyMicros").has(p), p + " missing: " + json);
            }
            for (String kind : new String[] {"connect", "status", "body", "timeout", "reset", "protocol"}) {
                assertEquals(0, json.get("errors").get(kind).asLong(), kind + ": " + json);
            }
            assertTrue(json.get("requests").asLong() > 0, json.toString());
        }
    }

    @Test
    void loadRefusesARemoteTargetWithoutAllowRemote() {
        assertEquals(2, run("load", "--url", "http://192.0.2.1:8080/world", "-d", "1s"));
        assertTrue(err.toString().contains("--allow-remote"), err.toString());
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        DurationConverter c = new DurationConverter();
        assertEquals(java.time.Duration.ofMillis(20), c.convert("20ms"));
        assertEquals(java.time.Duration.ofSeconds(3), c.convert("3s"));
        assertEquals(java.time.Duration.ofMillis(1500), c.convert("1.5s"));
        assertEquals(java.time.Duration.ZERO, c.convert("0"));
    }
}
