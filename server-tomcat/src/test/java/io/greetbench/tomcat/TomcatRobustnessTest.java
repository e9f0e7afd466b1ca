package io.greetbench.tomcat;

import io.greetbench.core.kit.Deviation;
import io.greetbench.core.kit.RobustnessKit;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/** The robustness suite (bad input, hostile clients, leaks) on both Tomcat runtimes. */
class TomcatRobustnessTest {
    @Nested
    class Platform extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "tomcat";
        }

        @Override
        protected Set<Deviation> deviations() {
            return Set.of(Deviation.ANSWERS_UNKNOWN_VERSION_505, Deviation.CONTAINER_REFUSES_UNDECODABLE_PATHS,
                    Deviation.ELASTIC_REQUEST_POOL);
        }
    }

    @Nested
    class Virtual extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "tomcat-virtual";
        }

        @Override
        protected Set<Deviation> deviations() {
            return Set.of(Deviation.ANSWERS_UNKNOWN_VERSION_505, Deviation.CONTAINER_REFUSES_UNDECODABLE_PATHS);
        }
    }
}
