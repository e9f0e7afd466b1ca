package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.results.LatencyFigures;
import io.greetbench.bench.results.LoadFigures;
import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.results.Status;
import io.greetbench.bench.scenario.Scenario;
import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.server.ServerCommand;
import io.greetbench.bench.server.ServerSite;
import io.greetbench.bench.stats.Bootstrap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rounds with an A/A twin, and the precision loop's choice of what to measure again, on made-up results. */
class PrecisionLoopTest {
    private static final Scenario CAPACITY = Scenarios.CAPACITY;
    private static final CellGroup CELL = new CellGroup(CAPACITY, 256, 0);
    private static final Precision FIVE = new Precision(0.05, Duration.ofMinutes(60), true, true);

    private record Named(String name, boolean reference) implements ServerLauncher {
        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public boolean supports(Scenario scenario) {
            return true;
        }

        @Override
        public ServerCommand command(Duration wait, ServerSite site, Path log) {
            throw new UnsupportedOperationException("not started in this test");
        }
    }

    private static List<ServerLauncher> launchers(String... names) {
        List<ServerLauncher> list = new ArrayList<>();
        for (String n : names) {
            list.add(new Named(n, n.startsWith("ref-")));
        }
        return list;
    }

    private static Measurement capacity(String runtime, int trial, double rps) {
        LoadFigures load = new LoadFigures("http://127.0.0.1:1/world", "closed", 256, 1, 0, 3, true, 4, (long) (rps * 4),
                rps, 0, 0, 0, Map.of(), 0, 0, new LatencyFigures(500, 900, 2000, 4000, 5000, 6000, 600, 100), 0.5, 0.5, 1,
                false, 1, null, 0.1, 0L, null, null, null);
        ServerUse server = new ServerUse(0.5, 0.5, 8.0, 100_000L, 100_000.0, 15, 15.0, 0L, 0.0);
        return new Measurement(runtime, runtime.startsWith("ref-"), "capacity", 256, 1, 0.0, null, 0L, 5000L, 0.5, trial, 1,
                "2026-12-02T00:00:00Z", Status.OK, null, 1L, 100L, null, load, server);
    }

    @Test
    void eachRoundMeasuresEveryRuntimeOnceAndOneOfThemTwiceRotatingWhich() {
        List<ServerLauncher> serving = launchers("a", "b", "c", "ref-nginx");
        List<String> doubled = new ArrayList<>();
        for (int trial = 1; trial <= 6; trial++) {
            List<Cell> round = Orchestrator.round(CELL, trial, serving, true);
            assertEquals(5, round.size());
            List<Cell> twins = round.stream().filter(Cell::twin).toList();
            assertEquals(1, twins.size(), round.toString());
            String twin = twins.get(0).server().name();
            doubled.add(twin);
            int first = -1;
            int second = -1;
            for (int i = 0; i < round.size(); i++) {
                assertEquals(i + 1, round.get(i).position(), "positions follow the order");
                if (round.get(i).server().name().equals(twin)) {
                    if (round.get(i).twin()) {
                        second = i;
                    } else {
                        first = i;
                    }
                }
            }
            assertTrue(Math.abs(first - second) >= 2, "the twin is not next to its runtime's own window: " + round);
        }
        assertEquals(List.of("a", "b", "c", "a", "b", "c"), doubled, "a reference is never doubled; each ranked one in turn");
    }

    @Test
    void aRuntimeAloneIsMeasuredBeforeAndAfterItsTwinInTurn() {
        List<ServerLauncher> one = launchers("netty");
        assertTrue(Orchestrator.round(CELL, 1, one, true).get(1).twin());
        assertTrue(Orchestrator.round(CELL, 2, one, true).get(0).twin());
        assertEquals(1, Orchestrator.round(CELL, 1, one, false).size(), "no twin unless asked");
    }

    @Test
    void roundsAreAddedOnlyForTheRuntimesOfUnsettledPairs() {
        List<Measurement> measured = new ArrayList<>();
        double[] a = {100, 101, 99, 100, 100};
        double[] b = {150, 151, 149, 150, 150};
        double[] c = {96, 104, 100, 93, 107};
        for (int t = 0; t < 5; t++) {
            measured.add(capacity("a", t + 1, a[t] * 1000));
            measured.add(capacity("b", t + 1, b[t] * 1000));
            measured.add(capacity("c", t + 1, c[t] * 1000));
            measured.add(capacity("ref-nginx", t + 1, 100_000));
            measured.add(capacity("a", t + 1, 100_000).withPlace(true, 1, 0.05)); // a twin is not a trial of a
        }
        List<List<Cell>> rounds = Orchestrator.roundsToAdd(List.of(CELL), launchers("a", "b", "c", "ref-nginx"), measured,
                FIVE, 5, new Bootstrap());
        assertEquals(1, rounds.size());
        List<Cell> round = rounds.get(0);
        assertEquals(List.of("a", "c"), round.stream().filter(x -> !x.twin()).map(x -> x.server().name()).sorted().toList());
        assertTrue(round.stream().allMatch(x -> x.trial() == 6), "the next round's number: " + round);
        assertEquals(1, round.stream().filter(Cell::twin).count(), "with an A/A twin");
    }

    @Test
    void noRoundIsAddedOnceEveryPairIsSettledOrTheCellHasItsMostRounds() {
        List<Measurement> settled = new ArrayList<>();
        for (int t = 1; t <= 5; t++) {
            settled.add(capacity("a", t, 100_000 + t));
            settled.add(capacity("b", t, 150_000 + t));
        }
        assertEquals(List.of(), Orchestrator.roundsToAdd(List.of(CELL), launchers("a", "b"), settled, FIVE, 5, new Bootstrap()));

        List<Measurement> neverSettles = new ArrayList<>();
        for (int t = 1; t <= Orchestrator.MAX_ROUNDS; t++) {
            neverSettles.add(capacity("a", t, t % 2 == 0 ? 90_000 : 110_000));
            neverSettles.add(capacity("b", t, 100_000));
        }
        assertEquals(List.of(), Orchestrator.roundsToAdd(List.of(CELL), launchers("a", "b"), neverSettles, FIVE, 5,
                new Bootstrap()), "at " + Orchestrator.MAX_ROUNDS + " rounds a cell gets no more");
        neverSettles.removeIf(m -> m.trial() == Orchestrator.MAX_ROUNDS);
        assertEquals(1, Orchestrator.roundsToAdd(List.of(CELL), launchers("a", "b"), neverSettles, FIVE, 5, new Bootstrap())
                .size(), "one round fewer: one more is added");
    }

    @Test
    void aCellWhoseAaIsNotYetWithinThePrecisionGetsARoundOfOneRuntimeAndItsTwin() {
        // The A/A ratios of netty against netty, capacity at 256, five rounds on 2026-12-02: 0.877 to 1.057.
        double[] own = {65_358, 61_309, 65_508, 67_326, 65_654};
        double[] twin = {67_317, 64_822, 66_673, 59_067, 64_386};
        List<Measurement> measured = new ArrayList<>();
        for (int t = 1; t <= 5; t++) {
            measured.add(capacity("netty", t, own[t - 1]));
            measured.add(capacity("netty", t, twin[t - 1]).withPlace(true, 1, 0.05));
        }
        List<List<Cell>> rounds = Orchestrator.roundsToAdd(List.of(CELL), launchers("netty"), measured, FIVE, 5, new Bootstrap());
        assertEquals(1, rounds.size());
        assertEquals(List.of("netty", "netty"), rounds.get(0).stream().map(x -> x.server().name()).toList());
        assertEquals(1, rounds.get(0).stream().filter(Cell::twin).count());
        assertTrue(rounds.get(0).stream().allMatch(x -> x.trial() == 6));
        assertEquals(List.of(), Orchestrator.roundsToAdd(List.of(CELL), launchers("netty"), measured,
                new Precision(0.05, Duration.ofMinutes(60), true, false), 5, new Bootstrap()), "--no-aa: no A/A to resolve");

        List<Measurement> resolved = new ArrayList<>();
        double[] close = {1.01, 0.99, 1.02, 0.98, 1.0};
        for (int t = 1; t <= 5; t++) {
            resolved.add(capacity("netty", t, 65_000));
            resolved.add(capacity("netty", t, 65_000 * close[t - 1]).withPlace(true, 1, 0.05));
        }
        assertEquals(List.of(), Orchestrator.roundsToAdd(List.of(CELL), launchers("netty"), resolved, FIVE, 5, new Bootstrap()),
                "A/A within ±5%: nothing to add");
    }

    @Test
    void aRuntimeTheGateLeftShortOfItsTrialsIsMeasuredAgain() {
        List<Measurement> measured = new ArrayList<>();
        for (int t = 1; t <= 5; t++) {
            measured.add(capacity("a", t, 100_000 + t));
            measured.add(t == 3 ? capacity("b", t, 10).withOutcome(Status.DISCARDED, "the server's CPU ran slow")
                    : capacity("b", t, 150_000 + t));
        }
        List<List<Cell>> rounds = Orchestrator.roundsToAdd(List.of(CELL), launchers("a", "b"), measured, FIVE, 5,
                new Bootstrap());
        assertEquals(1, rounds.size(), "b has 4 of its 5 trials");
        // b for its missing trial; a too, as a pair with a side of 4 trials has no p-value, so it is not settled
        assertEquals(List.of("a", "b"), rounds.get(0).stream().filter(x -> !x.twin()).map(x -> x.server().name()).sorted()
                .toList());
    }

    @Test
    void discardedWindowsAreNoTrials() {
        List<Measurement> measured = new ArrayList<>();
        for (int t = 1; t <= 5; t++) {
            measured.add(capacity("a", t, 100_000 + t));
            measured.add(capacity("b", t, 150_000 + t));
        }
        measured.add(capacity("b", 3, 10).withOutcome(Status.DISCARDED, "the server's CPU ran slow"));
        Map<String, Map<Integer, Double>> values = Orchestrator.rankedValues(CAPACITY, measured);
        assertEquals(5, values.get("b").size(), values.toString());
        assertEquals(150_003 / 0.5, values.get("b").get(3), 1e-6, "round 3 is the window that stood");
        assertEquals(200_002, values.get("a").get(1), 1e-6, "per CPU of a 0.5 CPU budget");
    }
}
