package io.greetbench.undertow;

import io.greetbench.core.kit.ConformanceKit;
import io.greetbench.core.kit.Deviation;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/** The conformance kit on both Undertow styles. */
class UndertowConformanceTest {
    @Nested
    class IoThread extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "undertow";
        }

        @Override
        protected Set<Deviation> deviations() {
            return Set.of(Deviation.PARSER_REFUSES_MALFORMED_ESCAPES);
        }
    }

    @Nested
    class Worker extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "undertow-worker";
        }

        @Override
        protected Set<Deviation> deviations() {
            return Set.of(Deviation.PARSER_REFUSES_MALFORMED_ESCAPES);
        }
    }
}
