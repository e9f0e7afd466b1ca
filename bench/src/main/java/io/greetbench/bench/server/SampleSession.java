package io.greetbench.bench.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greetbench.bench.results.ServerUse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code greetbench sample}: a server's use sampled on its own host for an orchestrator elsewhere,
 * over one connection (no new connection per sample). One command a line on stdin, one JSON line
 * back on stdout:
 *
 * <pre>
 *   cpu     {"cpuSeconds":S}      its CPU time so far (null once it is gone)
 *   start   {"started":true}      the window opened: sampling begins
 *   stop    {ServerUse}           the window closed: what it used (GC pauses by this host's clock)
 *   alive   {"alive":true|false}
 * </pre>
 *
 * It ends when stdin closes.
 */
public final class SampleSession {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleSession() {
    }

    /** Answers commands from {@code in} about process {@code pid} until {@code in} ends. */
    public static void serve(long pid, Path gcLog, BufferedReader in, PrintWriter out) throws IOException {
        WindowSampler sampler = new WindowSampler(pid, gcLog);
        try {
            for (String line; (line = in.readLine()) != null; ) {
                Object answer = switch (line.trim()) {
                    case "cpu" -> {
                        double cpu = sampler.cpuSeconds();
                        Map<String, Object> m = new HashMap<>();
                        m.put("cpuSeconds", Double.isNaN(cpu) ? null : cpu);
                        yield m;
                    }
                    case "start" -> {
                        sampler.start();
                        yield Map.of("started", true);
                    }
                    case "stop" -> sampler.stop();
                    case "alive" -> Map.of("alive", Files.isDirectory(Path.of("/proc", String.valueOf(pid))));
                    default -> Map.of("error", "unknown command '" + line.trim() + "'");
                };
                out.println(JSON.writeValueAsString(answer));
                out.flush();
            }
        } finally {
            sampler.close();
        }
    }

    /** Reads a {@link #serve} answer to {@code stop}. */
    public static ServerUse use(String json) throws IOException {
        return JSON.readValue(json, ServerUse.class);
    }
}
