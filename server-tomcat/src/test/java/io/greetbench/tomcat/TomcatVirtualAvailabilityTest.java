package io.greetbench.tomcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.core.Runtimes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** tomcat-virtual is offered exactly when the JVM has virtual threads, and says why not otherwise. */
class TomcatVirtualAvailabilityTest {
    @Test
    void availableFromJdk21WithAReasonBefore() throws Exception {
        Optional<String> reason = Runtimes.byName("tomcat-virtual").unavailableReason();
        assertEquals(Runtime.version().feature() >= 21, reason.isEmpty(), "unavailable reason: " + reason);
        reason.ifPresent(r -> assertTrue(r.contains("JDK 21"), r));
        assertTrue(Runtimes.byName("tomcat").unavailableReason().isEmpty());
    }
}
