package io.greetbench.bench.remote;

import io.greetbench.bench.results.ServerUse;
import io.greetbench.bench.server.SampleSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's sampler on its own host ({@code greetbench sample}), asked over its one ssh session:
 * its CPU time for the adaptive warm-up, and its use over the measured window.
 */
final class RemoteSampler {
    /** A small JVM: it reads /proc ten times a second and answers a line now and then. */
    private static final List<String> LIGHT = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** The first answer waits for its JVM to start. */
    private static final Duration FIRST_ANSWER = Duration.ofSeconds(30);
    private static final Duration ANSWER = Duration.ofSeconds(10);

    private final RemoteSession session;
    private boolean answeredOnce;

    private RemoteSampler(RemoteSession session) {
        this.session = session;
    }

    /** Starts sampling process {@code pid} on {@code host} ({@code gcLog}: its GC log there, or null). */
    static RemoteSampler start(RemoteHost host, long pid, Path gcLog) throws IOException {
        List<String> args = new ArrayList<>(List.of("sample", "--pid", String.valueOf(pid)));
        if (gcLog != null) {
            args.addAll(List.of("--gc-log", gcLog.toString()));
        }
        return new RemoteSampler(RemoteSession.start(host.ssh(), host.name(), RemoteSession.Wrapper.EXEC,
                host.greetbench(LIGHT, args), false, line -> { }));
    }

    private synchronized String ask(String command) throws IOException, InterruptedException {
        session.send(command);
        String answer = session.nextLine(answeredOnce ? ANSWER : FIRST_ANSWER);
        answeredOnce = true;
        return answer;
    }

    /** The server's CPU time so far; NaN when it is gone or the sampler cannot say. */
    double cpuSeconds() {
        try {
            String answer = ask("cpu");
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer).get("cpuSeconds");
            return node == null || node.isNull() ? Double.NaN : node.asDouble();
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** The window opened. */
    void startWindow() throws IOException, InterruptedException {
        ask("start");
    }

    /** The window closed: what the server used in it. */
    ServerUse stopWindow() throws IOException, InterruptedException {
        return SampleSession.use(ask("stop"));
    }

    /** Ends the sampler (by PID there too); null, or what could not be checked. */
    String stop() {
        return session.stop();
    }
}
