package io.greetbench.threadpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerRuntime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Virtual threads are offered exactly when the JVM has them, and say why not otherwise. */
class VirtualThreadsAvailabilityTest {
    @Test
    void availableFromJdk21WithAReasonBefore() throws Exception {
        ServerRuntime virtual = Runtimes.byName("threadpool-virtual");
        Optional<String> reason = virtual.unavailableReason();
        boolean jdk21 = Runtime.version().feature() >= 21;
        assertEquals(jdk21, reason.isEmpty(), "unavailable reason: " + reason);
        reason.ifPresent(r -> assertTrue(r.contains("JDK 21"), r));
    }
}
