package io.greetbench.vertx;

import io.greetbench.core.kit.Deviation;
import io.greetbench.core.kit.RobustnessKit;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/** The robustness suite (bad input, hostile clients, leaks) on the router and the plain handler. */
class VertxRobustnessTest {
    @Nested
    class Web extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "vertx-web";
        }

        @Override
        protected Set<Deviation> deviations() {
            return Set.of(Deviation.ANSWERS_UNKNOWN_VERSION_501);
        }
    }

    @Nested
    class Core extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "vertx-core";
        }

        @Override
        protected Set<Deviation> deviations() {
            return Set.of(Deviation.ANSWERS_UNKNOWN_VERSION_501);
        }
    }
}
