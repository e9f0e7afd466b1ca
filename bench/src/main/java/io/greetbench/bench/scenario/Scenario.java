package io.greetbench.bench.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Everything greetbench knows about one scenario, in one place: the CLI takes its defaults from here,
 * the orchestrator its load, the launchers whether they can serve it, and the report its title and
 * prose. Adding a scenario is adding a constant to {@link Scenarios} (and, if no existing section
 * style fits, a report section).
 *
 * @param key                 name on the command line and in results ({@code io-wait})
 * @param summary             one line for {@code --help} and listings
 * @param title               the report section's heading
 * @param intro               the report section's first paragraph; {@code {wait}} stands for the wait
 *                            as the results recorded it, {@code {pool200}} for what a pool of 200
 *                            blocked threads can carry at that wait
 * @param defaultConnections  connection counts of a full run
 * @param requestWait         what the server waits per request before answering (the seed's await)
 * @param pipeline            requests in flight per connection (1: no pipelining)
 * @param timeout             an answer later than this is a timeout error
 * @param pace                closed loop, or open loop at shares of a peak or at fixed rates
 * @param peakScenario        for {@link Pace#SHARE_OF_PEAK}: whose peak (a closed-loop scenario)
 * @param defaultRates        open loop: shares of the peak, or requests/s
 * @param section             how the report lays it out
 * @param budget              whether its servers run under a CPU limit
 * @param kind                what it measures: cells of windows (most), a memory-limit search, or start-ups
 */
public record Scenario(String key, String summary, String title, String intro, List<Integer> defaultConnections,
        Duration requestWait, int pipeline, Duration timeout, Pace pace, String peakScenario, List<Double> defaultRates,
        SectionStyle section, CpuBudget budget, ScenarioKind kind) {

    /** A scenario of cells (one window per runtime, connection count, rate and trial). */
    public Scenario(String key, String summary, String title, String intro, List<Integer> defaultConnections,
            Duration requestWait, int pipeline, Duration timeout, Pace pace, String peakScenario, List<Double> defaultRates,
            SectionStyle section, CpuBudget budget) {
        this(key, summary, title, intro, defaultConnections, requestWait, pipeline, timeout, pace, peakScenario, defaultRates,
                section, budget, ScenarioKind.CELLS);
    }

    public Scenario {
        kind = kind == null ? ScenarioKind.CELLS : kind;
    }

    /** Whether the orchestrator measures it cell by cell (else a class of its own does, as {@link #kind} says). */
    public boolean cells() {
        return kind == ScenarioKind.CELLS;
    }

    public boolean openLoop() {
        return pace != Pace.CLOSED;
    }

    public boolean waits() {
        return !requestWait.isZero();
    }

    /** The intro with the recorded wait filled in. */
    public String intro(Duration recordedWait) {
        long ms = recordedWait.toMillis();
        String pool = ms > 0 ? String.format(Locale.ROOT, "%,d", 200_000 / ms) : "∞";
        return intro.replace("{wait}", ms + " ms").replace("{pool200}", pool);
    }

    /** The title with the recorded wait filled in. */
    public String title(Duration recordedWait) {
        return title.replace("{wait}", recordedWait.toMillis() + " ms");
    }
}
