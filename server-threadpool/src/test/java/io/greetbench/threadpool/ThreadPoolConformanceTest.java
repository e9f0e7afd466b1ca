package io.greetbench.threadpool;

import io.greetbench.core.kit.ConformanceKit;
import org.junit.jupiter.api.Nested;

/** The conformance kit on platform threads, and on virtual threads when the JVM has them. */
class ThreadPoolConformanceTest {
    @Nested
    class Platform extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "threadpool";
        }
    }

    @Nested
    class Virtual extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "threadpool-virtual";
        }
    }
}
