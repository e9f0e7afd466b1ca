package io.greetbench.tomcat;

import io.greetbench.core.kit.ConformanceKit;
import io.greetbench.core.kit.Deviation;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/** The conformance kit on Tomcat's thread pool, and on its virtual threads when the JVM has them. */
class TomcatConformanceTest {
    /** What Tomcat 11 writes or answers itself, with no option to change it (docs/contract.md). */
    static final Set<Deviation> TOMCAT = Set.of(Deviation.STATUS_LINE_WITHOUT_REASON_PHRASE,
            Deviation.CONTENT_TYPE_WITHOUT_SPACE, Deviation.CONTAINER_REFUSES_UNDECODABLE_PATHS);

    @Nested
    class Platform extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "tomcat";
        }

        @Override
        protected Set<Deviation> deviations() {
            return TOMCAT;
        }
    }

    @Nested
    class Virtual extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "tomcat-virtual";
        }

        @Override
        protected Set<Deviation> deviations() {
            return TOMCAT;
        }
    }
}
