package io.greetbench.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greetbench.bench.load.WarmupControl;
import io.greetbench.bench.results.LoadFigures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code load --control}: a driver's side of a run loaded from several hosts. The orchestrator
 * writes one command a line on stdin; the driver answers with one JSON object a line on stdout:
 *
 * <pre>
 *   clock                    {"event":"clock","micros":N}         its wall clock, µs since the epoch
 *   start MILLIS             connects at that wall-clock time, then
 *                            {"event":"connected","setupSeconds":S,"setupErrors":N,"neverServed":M}
 *   answered                 {"event":"answered","count":N}       correct answers so far
 *   window MILLIS SETTLED    opens its window at that wall-clock time (SETTLED: true, false or fixed,
 *                            as the orchestrator judged the warm-up), then {"event":"window","lateMillis":L}
 *   (at the end)             {"event":"result","figures":{...}}   its figures, histogram included
 * </pre>
 *
 * Its stdin closing before the result (the orchestrator stopped, or the connection to it dropped)
 * ends the driver at once: nothing keeps loading a server nobody measures.
 */
final class LoadControl implements WarmupControl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch windowGiven = new CountDownLatch(1);
    private volatile long startMillis;
    private volatile long windowMillis;
    private volatile Boolean settled;
    private volatile Answered answered;
    private volatile boolean finished;

    private LoadControl(PrintWriter out) {
        this.out = out;
    }

    /** Listens to {@code in} on a thread of its own; answers on {@code out}. */
    static LoadControl start(InputStream in, PrintWriter out) {
        LoadControl control = new LoadControl(out);
        Thread reader = new Thread(() -> control.read(in), "greetbench-load-control");
        reader.setDaemon(true);
        reader.start();
        return control;
    }

    private void read(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                handle(line.trim().split("\\s+"));
            }
        } catch (IOException | RuntimeException e) {
            // as good as closed
        }
        if (!finished) {
            System.err.println("greetbench: the orchestrator closed the control channel; stopping");
            System.exit(ExitCode.INTERRUPTED);
        }
    }

    private void handle(String[] command) {
        switch (command[0]) {
            case "clock" -> emit(Map.of("event", "clock", "micros", nowMicros()));
            case "start" -> {
                startMillis = Long.parseLong(command[1]);
                started.countDown();
            }
            case "answered" -> {
                Answered counter = answered;
                long count = 0;
                try {
                    count = counter == null ? 0 : counter.get();
                } catch (IOException e) {
                    count = -1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                emit(Map.of("event", "answered", "count", count));
            }
            case "window" -> {
                windowMillis = Long.parseLong(command[1]);
                settled = command.length < 3 || command[2].equals("fixed") ? null : Boolean.valueOf(command[2]);
                windowGiven.countDown();
            }
            default -> System.err.println("greetbench: unknown control command '" + String.join(" ", command) + "'");
        }
    }

    @Override
    public void awaitStart() throws InterruptedException {
        started.await();
        sleepUntil(startMillis);
    }

    @Override
    public void connected(double setupSeconds, long setupErrors, long neverServed) {
        emit(Map.of("event", "connected", "setupSeconds", setupSeconds, "setupErrors", setupErrors,
                "neverServed", neverServed));
    }

    @Override
    public Boolean awaitWindow(Answered counter) throws InterruptedException {
        answered = counter;
        windowGiven.await();
        sleepUntil(windowMillis);
        return settled;
    }

    @Override
    public void windowOpened() {
        emit(Map.of("event", "window", "lateMillis", nowMicros() / 1000.0 - windowMillis));
    }

    /** The driver's last line: its figures. */
    void result(LoadFigures figures) {
        finished = true;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "result");
        line.put("figures", figures);
        emit(line);
    }

    private synchronized void emit(Map<String, Object> line) {
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** Sleeps until this host's wall clock reads {@code epochMillis} (at once if it is past). */
    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long leftMicros = epochMillis * 1000 - nowMicros();
        if (leftMicros > 0) {
            long deadline = System.nanoTime() + leftMicros * 1000;
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }
    }
}
