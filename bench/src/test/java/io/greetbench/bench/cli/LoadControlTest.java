package io.greetbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greetbench.bench.load.LoadDriver;
import io.greetbench.bench.load.LoadSpec;
import io.greetbench.bench.load.Target;
import io.greetbench.bench.results.LoadFigures;
import io.greetbench.core.RunningServer;
import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code load --control}: a driver that starts, and opens its window, at the wall-clock times it is told. */
@Timeout(60)
class LoadControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void startsAndOpensItsWindowWhenToldAndAnswersEveryCommand() throws Exception {
        try (RunningServer server = Runtimes.byName("netty-nio").start(ServerConfig.defaults())) {
            PipedOutputStream toDriver = new PipedOutputStream();
            PipedInputStream driverIn = new PipedInputStream(toDriver);
            PipedInputStream fromDriver = new PipedInputStream(1 << 20);
            PrintWriter driverOut = new PrintWriter(new OutputStreamWriter(new PipedOutputStream(fromDriver), StandardCharsets.UTF_8));
            PrintWriter orchestrator = new PrintWriter(new OutputStreamWriter(toDriver, StandardCharsets.UTF_8), true);
            BufferedReader answers = new BufferedReader(new InputStreamReader(fromDriver, StandardCharsets.UTF_8));

            LoadControl control = LoadControl.start(driverIn, driverOut);
            // A warm-up of 30 s that the control ends after about one: the spec's own warm-up is not used.
            LoadSpec spec = LoadSpec.builder(Target.parse("http://127.0.0.1:" + server.port() + "/world", false))
                    .connections(4).warmup(Duration.ofSeconds(30)).duration(Duration.ofSeconds(1)).build();
            CompletableFuture<LoadFigures> driver = CompletableFuture.supplyAsync(() -> {
                try {
                    LoadFigures figures = LoadFigures.of(LoadDriver.runControlled(spec, null, control));
                    control.result(figures);
                    return figures;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            orchestrator.println("clock");
            JsonNode clock = JSON.readTree(answers.readLine());
            long micros = System.currentTimeMillis() * 1000;
            assertEquals("clock", clock.get("event").asText());
            assertTrue(Math.abs(clock.get("micros").asLong() - micros) < 1_000_000, clock.toString());

            long start = System.currentTimeMillis() + 300;
            orchestrator.println("start " + start);
            JsonNode connected = JSON.readTree(answers.readLine());
            assertEquals("connected", connected.get("event").asText(), connected.toString());
            assertTrue(System.currentTimeMillis() >= start, "not before the start time");
            assertEquals(0, connected.get("setupErrors").asLong());

            TimeUnit.MILLISECONDS.sleep(500);
            orchestrator.println("answered");
            JsonNode answered = JSON.readTree(answers.readLine());
            assertTrue(answered.get("count").asLong() > 0, answered.toString());

            long window = System.currentTimeMillis() + 200;
            orchestrator.println("window " + window + " false");
            JsonNode opened = JSON.readTree(answers.readLine());
            assertEquals("window", opened.get("event").asText(), opened.toString());
            assertTrue(opened.get("lateMillis").asDouble() >= 0, "not before the window time: " + opened);

            JsonNode result = JSON.readTree(answers.readLine());
            assertEquals("result", result.get("event").asText());
            LoadFigures figures = JSON.treeToValue(result.get("figures"), LoadFigures.class);
            LoadFigures returned = driver.get(20, TimeUnit.SECONDS);
            assertEquals(returned.requests(), figures.requests());
            assertEquals(figures.requests(), figures.histogram().getTotalCount() - figures.unansweredAtEnd(),
                    "the histogram travels whole");
            assertEquals(Boolean.FALSE, figures.warmupSettled(), "as the orchestrator judged it");
            assertTrue(figures.warmupSeconds() < 5, "the warm-up ended when told, not after 30 s: " + figures.warmupSeconds());
        }
    }
}
