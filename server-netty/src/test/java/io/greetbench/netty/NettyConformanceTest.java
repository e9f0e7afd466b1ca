package io.greetbench.netty;

import io.greetbench.core.kit.ConformanceKit;
import org.junit.jupiter.api.Nested;

/** The conformance kit on each Netty transport. */
class NettyConformanceTest {
    @Nested
    class Epoll extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "netty";
        }
    }

    @Nested
    class IoUring extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "netty-iouring";
        }
    }

    @Nested
    class Nio extends ConformanceKit {
        @Override
        protected String runtimeName() {
            return "netty-nio";
        }
    }
}
