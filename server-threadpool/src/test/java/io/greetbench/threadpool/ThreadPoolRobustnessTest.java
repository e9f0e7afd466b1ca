package io.greetbench.threadpool;

import io.greetbench.core.kit.RobustnessKit;
import org.junit.jupiter.api.Nested;

/** The robustness suite (bad input, hostile clients, leaks) on platform threads, and virtual threads when the JVM has them. */
class ThreadPoolRobustnessTest {
    @Nested
    class Platform extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "threadpool";
        }
    }

    @Nested
    class Virtual extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "threadpool-virtual";
        }
    }
}
