package io.greetbench.bench.remote;

import io.greetbench.bench.driver.LoadOutcome;
import io.greetbench.bench.driver.LoadSource;
import io.greetbench.bench.driver.MergedFigures;
import io.greetbench.bench.load.LoadDriver;
import io.greetbench.bench.load.LoadSpec;
import io.greetbench.bench.load.Warmup;
import io.greetbench.bench.results.DriverFigures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The load from other hosts: one {@code greetbench load --control} on each driver host, the cell's
 * connections (and open-loop rate) shared out among them. Their clocks are read against this one;
 * they start together at one wall-clock time; the warm-up is judged here from all their answers and
 * the server's CPU; their windows open at one wall-clock time, when the server's sampling starts; and
 * their figures are merged. A driver host that drops fails the cell, naming it; the others are stopped.
 */
public final class SshLoadSource implements LoadSource {
    /** Time for a command to reach every driver before the moment it names. */
    private static final long MARGIN_MILLIS = 300;

    private final List<RemoteHost> drivers;
    private final String cpus;
    private final PrintStream messages;
    private final Set<RemoteDriver> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param cpus a taskset CPU list for the driver on each host, or null for all of each host's CPUs */
    SshLoadSource(List<RemoteHost> drivers, String cpus, PrintStream messages) {
        this.drivers = List.copyOf(drivers);
        this.cpus = cpus;
        this.messages = messages;
    }

    @Override
    public List<String> hosts() {
        return drivers.stream().map(RemoteHost::name).toList();
    }

    @Override
    public LoadOutcome run(LoadSpec spec, LoadDriver.WindowObserver observer) throws IOException, InterruptedException {
        List<RemoteDriver> running = new ArrayList<>();
        try {
            int used = Math.min(drivers.size(), spec.connections()); // a host with no connection is left out
            for (int i = 0; i < used; i++) {
                if (closed) {
                    throw new IOException("the run is being stopped");
                }
                int connections = share(spec.connections(), used, i);
                RemoteDriver d = RemoteDriver.start(drivers.get(i), cpus,
                        loadArgs(spec, connections, spec.rate() * connections / spec.connections()));
                running.add(d);
                live.add(d);
            }
            for (RemoteDriver d : running) {
                d.awaitPid(Duration.ofSeconds(60));
            }
            for (RemoteDriver d : running) {
                d.readClock();
            }
            long start = System.currentTimeMillis() + MARGIN_MILLIS;
            for (RemoteDriver d : running) {
                d.start(start);
            }
            Duration setupBound = Duration.ofSeconds(40 + spec.connections() / 500); // the driver's own bound, and some
            for (RemoteDriver d : running) {
                d.awaitConnected(setupBound);
            }
            Boolean settled = Warmup.run(spec, () -> answered(running), observer);
            double longestTrip = running.stream().mapToDouble(RemoteDriver::clockRoundTripMillis).max().orElse(0);
            long window = System.currentTimeMillis() + Math.max(MARGIN_MILLIS, Math.round(2 * longestTrip));
            for (RemoteDriver d : running) {
                d.window(window, settled);
            }
            sleepUntil(window, running);
            observer.windowStarted();
            messages.println("      window open on " + clocks(running));
            sleepUntil(window + spec.duration().toMillis(), running);
            observer.windowEnded();
            List<DriverFigures> figures = new ArrayList<>();
            for (RemoteDriver d : running) {
                figures.add(d.result(Duration.ofSeconds(30)));
            }
            return new LoadOutcome(MergedFigures.of(figures.stream().map(DriverFigures::load).toList()), figures);
        } catch (IOException e) {
            for (RemoteDriver d : running) {
                if (d.dropped()) {
                    throw new IOException("driver host " + d.host() + " dropped during the cell (" + d.dropDescription()
                            + "); the other drivers were stopped");
                }
            }
            throw e;
        } finally {
            for (RemoteDriver d : running) {
                String problem = d.stop();
                live.remove(d);
                if (problem != null) {
                    messages.println("greetbench: " + problem);
                }
            }
        }
    }

    /** Every driver's correct answers so far, added; a dropped driver ends the cell. */
    private static long answered(List<RemoteDriver> running) throws IOException, InterruptedException {
        checkDrops(running);
        long sum = 0;
        for (RemoteDriver d : running) {
            sum += d.answered();
        }
        return sum;
    }

    private static void checkDrops(List<RemoteDriver> running) throws IOException {
        for (RemoteDriver d : running) {
            if (d.dropped()) {
                throw new IOException("driver host " + d.host() + " dropped");
            }
        }
    }

    /** Sleeps until this machine's wall clock reads {@code epochMillis}, noticing a dropped driver at once. */
    private static void sleepUntil(long epochMillis, List<RemoteDriver> running) throws IOException, InterruptedException {
        for (long left = epochMillis - System.currentTimeMillis(); left > 0; left = epochMillis - System.currentTimeMillis()) {
            checkDrops(running);
            TimeUnit.MILLISECONDS.sleep(Math.min(left, 100));
        }
        checkDrops(running);
    }

    /** The driver hosts and their clocks against this one, for the progress log. */
    private static String clocks(List<RemoteDriver> running) {
        StringJoiner j = new StringJoiner(", ");
        for (RemoteDriver d : running) {
            j.add(String.format(Locale.ROOT, "%s (clock %+.2f ms ± %.2f)", d.host(), d.clockOffsetMillis(),
                    d.clockRoundTripMillis() / 2));
        }
        return j.toString();
    }

    /** The connections of driver {@code i} of {@code drivers}: as even as can be, the first ones one more. */
    static int share(int connections, int drivers, int i) {
        return connections / drivers + (i < connections % drivers ? 1 : 0);
    }

    /** {@code load}'s options for one driver's share of {@code spec}. */
    static List<String> loadArgs(LoadSpec spec, int connections, double rate) {
        List<String> args = new ArrayList<>(List.of("--url", spec.target().url(), "--allow-remote",
                "--connections", String.valueOf(connections), "--duration", spec.duration().toMillis() + "ms",
                "--timeout", spec.timeout().toMillis() + "ms", "--pipeline", String.valueOf(spec.pipeline()),
                "--threads", String.valueOf(spec.eventLoops()), "--warmup", "0"));
        if (rate > 0) {
            args.addAll(List.of("--rate", String.format(Locale.ROOT, "%.3f", rate)));
        }
        if (spec.poisson()) {
            args.add("--poisson");
        }
        if (spec.expectedBody() == null) {
            args.addAll(List.of("--check-every", "0"));
        } else {
            args.addAll(List.of("--check-every", String.valueOf(spec.checkEvery()),
                    "--expect-body", new String(spec.expectedBody(), StandardCharsets.UTF_8)));
        }
        return args;
    }

    /** Stops every driver still running, by PID on its host; safe from a shutdown hook. */
    @Override
    public void close() {
        closed = true;
        for (RemoteDriver d : Set.copyOf(live)) {
            String problem = d.stop();
            live.remove(d);
            if (problem != null) {
                messages.println("greetbench: " + problem);
            }
        }
    }
}
