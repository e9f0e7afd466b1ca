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
        assertEquals(io.greetbench.core.Runtimes.all().size(), lines.length, out.toString());
        for (String name : new String[] {"netty", "netty-iouring", "netty-nio", "vertx-web", "vertx-core", "undertow",
            "undertow-worker", "threadpool", "threadpool-virtual", "tomcat", "tomcat-virtual", "helidon"}) {
            assertTrue(out.toString().lines().anyMatch(l -> l.startsWith(name + " ")
                    && (l.contains(" available ") || l.contains(" unavailable: "))), name + " missing: " + out);
        }
    }

    @Test
    void anUnknownRuntimeIsAOneLineErrorWithExitCode2() {
        assertEquals(2, run("serve", "--runtime", "no-such-runtime", "--port", "0"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("no runtime named 'no-such-runtime'"), err.toString());
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
    void fewerThanFiveTrialsWarnThatTheRunWillClaimNothing() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            // a Java that is not there stops the run before anything starts; the warning comes first
            assertEquals(2, run("run", "--trials", "3", "--server-java", "/nonexistent/bin/java"));
        } finally {
            System.setErr(saved);
        }
        assertTrue(captured.toString().contains("warning: --trials 3 is fewer than 5: this run will claim nothing"),
                captured.toString());
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

    static final String[] COMMANDS = {"list", "scenarios", "serve", "load", "quick", "run", "report", "compare", "jmh",
        "sample", "cpus", "guide", "help"};

    @Test
    void everyCommandAnswersHelpWithItsUsageAndExitCode0() {
        for (String command : COMMANDS) {
            for (String[] args : new String[][] {{command, "--help"}, {command, "-h"}, {"help", command}}) {
                out.getBuffer().setLength(0);
                err.getBuffer().setLength(0);
                assertEquals(0, run(args), String.join(" ", args) + ": " + err);
                assertTrue(out.toString().contains("Usage: greetbench " + command), String.join(" ", args) + ": " + out);
                assertEquals("", err.toString(), String.join(" ", args));
            }
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("--help"));
        for (String command : COMMANDS) {
            assertTrue(out.toString().lines().anyMatch(l -> l.trim().startsWith(command + " ")), command + ": " + out);
        }
    }

    @Test
    void everyCommandsSummaryIsOneCompleteSentence() {
        CommandLine cli = GreetbenchCommand.commandLine();
        cli.getSubcommands().forEach((name, sub) -> {
            String[] description = sub.getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0, name);
            assertTrue(description[0].endsWith("."), name + "'s first line is not a sentence: " + description[0]);
        });
    }

    @Test
    void loadShowsItsHelpWithoutTheRequiredUrl() {
        assertEquals(0, run("load", "--help"));
        assertTrue(out.toString().contains("--url"), out.toString());
        assertTrue(out.toString().contains("default: 64"), "defaults are shown: " + out);
    }

    @Test
    void scenariosListsEachWithItsDefaults() {
        assertEquals(0, run("scenarios"));
        for (io.greetbench.bench.scenario.Scenario s : io.greetbench.bench.scenario.Scenarios.all()) {
            assertTrue(out.toString().lines().anyMatch(l -> l.startsWith(s.key() + " ")), s.key() + ": " + out);
        }
        assertTrue(out.toString().contains("connections 10000"), out.toString());
    }

    @Test
    void aScenarioOptionNamingAScenarioNotRunIsAnError() {
        ScenarioOptions o = new ScenarioOptions();
        o.scenarios = java.util.List.of("plaintext");
        o.connections = java.util.List.of("io-wait=64");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, o::plans);
        assertTrue(e.getMessage().contains("io-wait"), e.getMessage());
        o.connections = java.util.List.of("12", "plaintext=5,6");
        assertEquals(java.util.List.of(5, 6), o.plans().get(0).connections());
        o.scenarios = java.util.List.of("plaintext", "io-wait");
        o.connections = java.util.List.of("12");
        o.plans().forEach(p -> assertEquals(java.util.List.of(12), p.connections(), p.toString()));
    }

    @Test
    void optionProblemsAreOneLineErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) throws Exception {
        java.nio.file.Path jdk = io.greetbench.bench.run.SelfCommand.thisJava();
        assertTrue(RunExecution.problem(options(out, "0", "1", java.nio.file.Path.of("/nonexistent/bin/java")))
                .contains("no Java at /nonexistent/bin/java"));
        assertTrue(RunExecution.problem(options(out, "0", "0", jdk)).contains("separate"));
        java.nio.file.Path file = java.nio.file.Files.writeString(out.resolve("not-a-dir"), "x");
        assertTrue(RunExecution.problem(options(file.resolve("sub"), "0", "1", jdk)).contains("cannot write"));
    }

    @Test
    void hostsThatCannotWorkTogetherAreOneLineErrors() {
        RunSettings settings = new RunSettings();
        settings.driverHosts = java.util.List.of("d1", "d2");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                settings::placement);
        assertTrue(e.getMessage().startsWith("--driver-hosts needs --server-host"), e.getMessage());
        settings.serverHost = "d1";
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, settings::placement);
        assertTrue(e.getMessage().contains("d1 is both the server host and a driver host"), e.getMessage());
        settings.serverHost = "s";
        settings.driverHosts = java.util.List.of("d1", "d1");
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, settings::placement);
        assertTrue(e.getMessage().contains("names d1 twice"), e.getMessage());
        settings.driverHosts = java.util.List.of("-oProxyCommand=x");
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, settings::placement);
        assertTrue(e.getMessage().contains("not a host name"), e.getMessage());
        settings.driverHosts = java.util.List.of("d1", "d2");
        assertEquals(java.util.List.of("d1", "d2"), settings.placement().driverHosts());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void withAServerHostTheCpuListsAreThatHostsAndAllByDefault(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
        RunSettings settings = new RunSettings();
        settings.serverHost = "s";
        settings.driverHosts = java.util.List.of("d1");
        settings.out = out;
        var o = settings.options(java.util.List.of("netty"), QuickCommand.PLANS, java.time.Duration.ZERO,
                java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 1, out, "t",
                io.greetbench.bench.run.Precision.UNGATED);
        assertEquals(null, o.serverCpus(), "all of the server host's CPUs");
        assertEquals(null, o.driverCpus(), "all of each driver host's CPUs");
        assertEquals(null, RunExecution.problem(o), "nothing to check here for other hosts");
        settings.serverCpus = "0-3";
        settings.driverCpus = "0-3";
        o = settings.options(java.util.List.of("netty"), QuickCommand.PLANS, java.time.Duration.ZERO,
                java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 1, out, "t",
                io.greetbench.bench.run.Precision.UNGATED);
        assertEquals(null, RunExecution.problem(o), "the same CPU numbers on different hosts do not overlap");
    }

    private static io.greetbench.bench.run.RunOptions options(java.nio.file.Path out, String serverCpus, String driverCpus,
            java.nio.file.Path jdk) {
        return new io.greetbench.bench.run.RunOptions(java.util.List.of("netty"), QuickCommand.PLANS,
                java.time.Duration.ZERO, java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 1, serverCpus, driverCpus,
                out, jdk, java.util.List.of(), null, new io.greetbench.bench.server.CpuLimit(0.5), "t");
    }

    @Test
    void theCpuPeriodAndTheJvmFlagsReachTheRunsOptions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) {
        RunSettings settings = new RunSettings();
        settings.out = out;
        settings.serverCpus = "0"; // pinned: no CPU check before these options
        settings.driverCpus = "1";
        var o = settings.options(java.util.List.of("netty"), QuickCommand.PLANS, java.time.Duration.ZERO,
                java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 1, out, "t", io.greetbench.bench.run.Precision.UNGATED);
        var capacity = io.greetbench.bench.scenario.Scenarios.CAPACITY;
        assertEquals(100_000, o.budgetFor(capacity).periodMicros(), "100 ms by default, as Docker and Kubernetes");
        assertEquals(java.util.List.of(), o.jvmFlags());
        CommandLine.populateCommand(settings, "--cpu-period", "10ms", "--jvm-flags", " -XX:+UseParallelGC  -Xmx512m ");
        o = settings.options(java.util.List.of("netty"), QuickCommand.PLANS, java.time.Duration.ZERO,
                java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 1, out, "t", io.greetbench.bench.run.Precision.UNGATED);
        assertEquals(10_000, o.budgetFor(capacity).periodMicros());
        assertEquals(5_000, o.budgetFor(capacity).quotaMicros(), "0.5 CPU of a 10 ms period");
        assertEquals(java.util.List.of("-XX:+UseParallelGC", "-Xmx512m"), o.jvmFlags());
        CommandLine.populateCommand(settings, "--cpu-period", "5s");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> settings.options(java.util.List.of("netty"), QuickCommand.PLANS, java.time.Duration.ZERO,
                        java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 1, out, "t", io.greetbench.bench.run.Precision.UNGATED));
        assertTrue(e.getMessage().contains("--cpu-period must be between 1 ms and 1 s"), e.getMessage());
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        DurationConverter c = new DurationConverter();
        assertEquals(java.time.Duration.ofMillis(20), c.convert("20ms"));
        assertEquals(java.time.Duration.ofSeconds(3), c.convert("3s"));
        assertEquals(java.time.Duration.ofMillis(1500), c.convert("1.5s"));
        assertEquals(java.time.Duration.ZERO, c.convert("0"));
    }

    @Test
    void jmhDefaultsToForksAndIterationsThatCanResolveAScoreUnlessGivenThem() {
        assertEquals(java.util.List.of("-f", "3", "-wi", "5", "-i", "5", "-w", "2s", "-r", "2s"),
                JmhCommand.defaultsNotGiven(java.util.List.of("RoundTrip", "-prof", "gc")));
        // .ci/run's smoke test gives every one of them: nothing is added
        assertEquals(java.util.List.of(), JmhCommand.defaultsNotGiven(java.util.List.of("-f", "1", "-wi", "0", "-i", "1",
                "-r", "100ms", "-w", "100ms", "-foe", "true")));
        // "-f1" is -f; -foe, -rf, -wbs are other options
        assertEquals(java.util.List.of("-wi", "5", "-i", "5", "-w", "2s", "-r", "2s"),
                JmhCommand.defaultsNotGiven(java.util.List.of("-f1", "-foe", "true", "-rf", "json", "-wbs", "2")));
        assertEquals(0, run("jmh", "--help"));
        assertTrue(out.toString().contains("-f 3 -wi 5 -i 5 -w 2s -r 2s"), out.toString());
    }
}
