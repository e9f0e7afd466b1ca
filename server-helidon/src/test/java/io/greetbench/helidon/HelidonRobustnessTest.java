package io.greetbench.helidon;

import io.greetbench.core.kit.RobustnessKit;
import org.junit.jupiter.api.Nested;

/** The robustness suite (bad input, hostile clients, leaks) on Helidon, where it can run. */
class HelidonRobustnessTest {
    @Nested
    class Helidon extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "helidon";
        }
    }
}
