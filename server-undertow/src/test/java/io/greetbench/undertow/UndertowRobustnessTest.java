package io.greetbench.undertow;

import io.greetbench.core.kit.Deviation;
import io.greetbench.core.kit.RobustnessKit;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/** The robustness suite (bad input, hostile clients, leaks) on both Undertow styles. */
class UndertowRobustnessTest {
    @Nested
    class IoThread extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "undertow";
        }

        @Override
        protected Set<Deviation> deviations() {
            return Set.of(Deviation.PARSER_READS_UNKNOWN_VERSION_AS_HTTP_1_1);
        }
    }

    @Nested
    class Worker extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "undertow-worker";
        }

        @Override
        protected Set<Deviation> deviations() {
            return Set.of(Deviation.PARSER_READS_UNKNOWN_VERSION_AS_HTTP_1_1);
        }
    }
}
