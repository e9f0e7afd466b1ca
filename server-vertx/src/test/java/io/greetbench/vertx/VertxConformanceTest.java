package io.greetbench.vertx;

import io.greetbench.core.kit.ConformanceKit;
import org.junit.jupiter.api.Nested;

/** The conformance kit on the router and on the plain handler. */
class VertxConformanceTest {
    @Nested
    class Web extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "vertx-web";
        }
    }

    @Nested
    class Core extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "vertx-core";
        }
    }
}
