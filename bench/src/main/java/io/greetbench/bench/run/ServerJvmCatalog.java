package io.greetbench.bench.run;

import io.greetbench.bench.server.HostShell;
import io.greetbench.bench.server.ServerSite;
import io.greetbench.core.Runtimes;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which runtimes the servers' JVM can run. The servers may run on another {@code java} than the
 * orchestrator ({@code --server-java}, or another host's): virtual threads need JDK 21+ there, not
 * here. So the server JVM is asked once ({@code greetbench list --tsv}, on the server host); if it
 * cannot say, this JVM's answer stands.
 */
final class ServerJvmCatalog {
    private static final int BOUND_SECONDS = 10;

    private final Map<String, String> reasons = new HashMap<>();
    private final String failure;

    private ServerJvmCatalog(Map<String, String> reasons, String failure) {
        this.reasons.putAll(reasons);
        this.failure = failure;
    }

    /** Asks the JVM of {@code site} (through its host's {@code shell}) which runtimes it can run. */
    static ServerJvmCatalog ask(ServerSite site, HostShell shell) {
        HostShell.Result result;
        try {
            result = shell.run(site.greetbench(site.jvmFlags(), List.of("list", "--tsv")), Duration.ofSeconds(BOUND_SECONDS));
        } catch (IOException e) {
            return new ServerJvmCatalog(Map.of(), e.getMessage().contains("did not finish")
                    ? "it did not answer within " + BOUND_SECONDS + " s" : e.getMessage());
        }
        if (!result.ok()) {
            return new ServerJvmCatalog(Map.of(), "it exited with " + result.exit());
        }
        Map<String, String> reasons = new HashMap<>();
        for (String line : result.out().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                reasons.put(line.substring(0, tab), line.substring(tab + 1).trim());
            }
        }
        return new ServerJvmCatalog(reasons, null);
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
