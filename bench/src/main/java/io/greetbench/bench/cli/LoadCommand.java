package io.greetbench.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greetbench.bench.load.ErrorKind;
import io.greetbench.bench.load.LoadDriver;
import io.greetbench.bench.load.LoadResult;
import io.greetbench.bench.load.LoadSpec;
import io.greetbench.bench.load.Target;
import io.greetbench.bench.results.LoadFigures;
import io.greetbench.bench.text.Units;
import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greetbench load}: drive one server, closed loop like wrk or open loop like wrk2. */
@Command(name = "load", mixinStandardHelpOptions = true, description = {
    "Load one server with keep-alive connections and report throughput, latency and errors.",
    "Closed loop by default (each connection sends when its answer arrives); with --rate, an open loop "
        + "whose latencies count from each request's intended send time (free of coordinated omission)."})
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, description = "Target, e.g. http://127.0.0.1:8080/world")
    String url;

    @Option(names = {"-c", "--connections"}, defaultValue = "64", description = "Connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-d", "--duration"}, defaultValue = "10s", converter = DurationConverter.class,
            description = "Measured window (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "2s", converter = DurationConverter.class,
            description = "Unrecorded warm-up before the window; with --warmup-max, the least (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--warmup-max", defaultValue = "0s", converter = DurationConverter.class,
            description = "Warm up past --warmup until the cost per answer stops falling, at most this long "
                    + "(default: a fixed warm-up).")
    Duration warmupMax;

    @Option(names = {"-R", "--rate"}, defaultValue = "0",
            description = "Open loop: total requests/s over all connections (default: closed loop).")
    double rate;

    @Option(names = "--poisson", description = "Open loop: Poisson arrivals instead of evenly spaced ones.")
    boolean poisson;

    @Option(names = "--pipeline", defaultValue = "1", description = "Requests in flight per connection (default: ${DEFAULT-VALUE}).")
    int pipeline;

    @Option(names = "--timeout", defaultValue = "2s", converter = DurationConverter.class,
            description = "An answer later than this is a timeout error (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = {"-t", "--threads"}, defaultValue = "0",
            description = "Driver event loops (default: one per CPU this process may run on).")
    int threads;

    @Option(names = "--check-every", defaultValue = "1",
            description = "Check the body of every n-th answer per connection; 0: status only (default: ${DEFAULT-VALUE}).")
    int checkEvery;

    @Option(names = "--expect-body", description = "Body every answer must have (default: the greeting for the URL).")
    String expectBody;

    @Option(names = "--source-addresses", defaultValue = "0",
            description = "Spread connections over 127.0.0.1..N (default: as many as the connection count needs).")
    int sourceAddresses;

    @Option(names = "--hlog", description = "Write an HdrHistogram interval log (1 s intervals) to this file.")
    Path hlog;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Option(names = "--allow-remote", description = "Allow a target that is not a loopback address.")
    boolean allowRemote;

    @Option(names = "--control", description = "Start, and end the warm-up, when told on stdin, answering in JSON "
            + "lines; how 'run --driver-hosts' drives each driver host, so that they start together and open their "
            + "windows at one wall-clock time (--warmup is then the orchestrator's). Implies --json.")
    boolean control;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadSpec load;
        try {
            Target target = Target.parse(url, allowRemote);
            load = LoadSpec.builder(target).connections(connections).warmup(warmup, warmupMax).duration(duration)
                    .rate(rate).poisson(poisson).pipeline(pipeline).expectedBody(expectedBody(target))
                    .checkEvery(checkEvery).timeout(timeout).eventLoops(threads).sourceAddresses(sourceAddresses)
                    .hlog(hlog).build();
        } catch (IllegalArgumentException e) {
            err.println("greetbench: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (control) {
            LoadControl controlled = LoadControl.start(System.in, out);
            controlled.result(LoadFigures.of(LoadDriver.runControlled(load, null, controlled)));
            return 0;
        }
        LoadResult result = LoadDriver.run(load);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(LoadFigures.of(result)));
        } else {
            out.print(summary(result, load));
        }
        out.flush();
        return 0;
    }

    private byte[] expectedBody(Target target) {
        if (expectBody != null) {
            return expectBody.getBytes(StandardCharsets.UTF_8);
        }
        Answer answer = GreetingContract.answer("GET", target.pathAndQuery());
        return answer.status() == 200 ? answer.body() : null;
    }

    /** A summary laid out like wrk's, so people who know wrk can read it at a glance. */
    static String summary(LoadResult r, LoadSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Running %s test @ %s%n", seconds(r.durationSeconds()), r.target()));
        sb.append(String.format(Locale.ROOT, "  %d event loop%s and %d connections, %s%s, warm-up %s%n", r.eventLoops(),
                r.eventLoops() == 1 ? "" : "s", r.connections(),
                spec.openLoop() ? String.format(Locale.ROOT, "open loop at %.0f req/s%s", spec.rate(),
                        spec.poisson() ? " (Poisson)" : "") : "closed loop",
                r.pipeline() > 1 ? ", pipeline " + r.pipeline() : "", seconds(r.warmupSeconds())
                        + (r.warmupSettled() == null ? "" : r.warmupSettled() ? " (settled)" : " (NOT settled: hit --warmup-max)")));
        sb.append("  Latency Distribution (HdrHistogram")
                .append(spec.openLoop() ? ", from intended send times)" : ")").append('\n');
        double[] pcts = {50, 75, 90, 99, 99.9, 99.99};
        for (double p : pcts) {
            sb.append(String.format(Locale.ROOT, "  %6s%%  %s%n", trim(p), Units.micros(r.latencyMicros(p))));
        }
        sb.append(String.format(Locale.ROOT, "     max  %s%n",
                Units.micros(r.latency().getTotalCount() == 0 ? 0 : r.latency().getMaxValue())));
        sb.append(String.format(Locale.ROOT, "  %d requests in %s%n", r.requests(), seconds(r.durationSeconds())));
        String ended = switch (r.setupEnded()) {
            case "stalled" -> String.format(Locale.ROOT, " (stalled: none served or failed for %s)",
                    seconds(io.greetbench.bench.load.LoadDriver.SETUP_STALL_NANOS / 1e9));
            case "deadline" -> String.format(Locale.ROOT, " (its deadline, %s)", seconds(r.setupDeadlineSeconds()));
            default -> "";
        };
        sb.append(String.format(Locale.ROOT, "  Set-up: %d connections in %s%s%s%s%n", r.connections(), seconds(r.setupSeconds()),
                ended, r.neverServed() > 0 ? ", " + r.neverServed() + " never served (no first answer by then)" : "",
                r.setupErrors() > 0 ? ", " + r.setupErrors() + " failed before their first answer" : ""));
        if (r.unansweredAtEnd() > 0) {
            sb.append(String.format(Locale.ROOT, "  %d requests still unanswered at the end (in the latencies above "
                    + "with their age so far)%n", r.unansweredAtEnd()));
        }
        if (r.errorCount() > 0 || r.reconnects() > 0) {
            StringJoiner errors = new StringJoiner(", ");
            for (ErrorKind kind : ErrorKind.values()) {
                errors.add(kind.key() + " " + r.errors().get(kind));
            }
            sb.append("  Errors: ").append(errors).append("; reconnects ").append(r.reconnects()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "  Driver CPU: busiest event loop %.0f%% of a core", r.driverCpuUtilization() * 100));
        if (r.driverCpusBusy() >= 0) {
            sb.append(String.format(Locale.ROOT, "; its %d CPU%s %.0f%% busy (kernel network work included)",
                    r.driverCpus(), r.driverCpus() == 1 ? "" : "s", r.driverCpusBusy() * 100));
        }
        sb.append('\n');
        if (r.driverSaturated()) {
            sb.append("  WARNING: the driver was saturated: the server may be faster than this shows\n");
        }
        sb.append(String.format(Locale.ROOT, "Requests/sec: %.2f%n", r.requestsPerSecond()));
        return sb.toString();
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2fs", s);
    }

}
