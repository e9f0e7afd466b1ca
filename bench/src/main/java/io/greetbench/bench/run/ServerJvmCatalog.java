package io.greetbench.bench.run;

import io.greetbench.core.Runtimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which runtimes the servers' JVM can run. The servers may run on another {@code java} than the
 * orchestrator ({@code --server-java}): virtual threads need JDK 21+ there, not here. So the server
 * JVM is asked once ({@code greetbench list --tsv}); if it cannot say, this JVM's answer stands.
 */
final class ServerJvmCatalog {
    private static final int BOUND_SECONDS = 10;

    private final Map<String, String> reasons = new HashMap<>();
    private final String failure;

    private ServerJvmCatalog(Map<String, String> reasons, String failure) {
        this.reasons.putAll(reasons);
        this.failure = failure;
    }

    static ServerJvmCatalog ask(RunOptions options) {
        List<String> command = SelfCommand.of(options.serverJava(), options.serverJvmFlags(), List.of("list", "--tsv"));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            // A few hundred bytes: they fit the pipe, so waiting first cannot block the child.
            if (!p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ServerJvmCatalog(Map.of(), "it did not answer within " + BOUND_SECONDS + " s");
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (p.exitValue() != 0) {
                return new ServerJvmCatalog(Map.of(), "it exited with " + p.exitValue());
            }
            Map<String, String> reasons = new HashMap<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    reasons.put(line.substring(0, tab), line.substring(tab + 1).trim());
                }
            }
            return new ServerJvmCatalog(reasons, null);
        } catch (IOException e) {
            return new ServerJvmCatalog(Map.of(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServerJvmCatalog(Map.of(), "interrupted");
        }
    }

    /** Why the server JVM cannot run {@code runtime}, if it cannot. */
    Optional<String> unavailableReason(String runtime) {
        String reason = reasons.get(runtime);
        if (reason != null) {
            return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
        }
        try {
            // Not listed by the server JVM (or it could not be asked): this JVM's answer.
            return Runtimes.byName(runtime).unavailableReason();
        } catch (Runtimes.UnknownRuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Why the server JVM could not be asked, or null. */
    String failure() {
        return failure;
    }
}
