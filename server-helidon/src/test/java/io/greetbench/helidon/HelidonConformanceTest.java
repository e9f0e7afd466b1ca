package io.greetbench.helidon;

import io.greetbench.core.kit.ConformanceKit;
import io.greetbench.core.kit.Deviation;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/** The conformance kit on Helidon; skipped, with the reason, where the JVM or the build lacks JDK 21. */
class HelidonConformanceTest {
    @Nested
    class Helidon extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "helidon";
        }

        /** Helidon 4.5 speaks only HTTP/1.1, and 4.5.0 leaves a timer thread behind (docs/contract.md). */
        @Override
        protected Set<Deviation> deviations() {
            return Set.of(Deviation.NO_HTTP_1_0, Deviation.LEAVES_AN_IDLE_TIMER_THREAD);
        }
    }
}
