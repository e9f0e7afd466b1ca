package io.greetbench.netty;

import io.greetbench.core.kit.RobustnessKit;
import org.junit.jupiter.api.Nested;

/** The robustness suite (bad input, hostile clients, leaks) on each Netty transport. */
class NettyRobustnessTest {
    @Nested
    class Epoll extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "netty";
        }
    }

    @Nested
    class IoUring extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "netty-iouring";
        }
    }

    @Nested
    class Nio extends RobustnessKit {
        @Override
        protected String runtimeName() {
            return "netty-nio";
        }
    }
}
