package io.greetbench.tomcat;

import io.greetbench.core.NamedServerRuntime;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import java.util.List;
import java.util.Optional;

/** The greeting servlet in embedded Tomcat, on its 200-thread pool or on virtual threads. */
abstract class TomcatRuntime extends NamedServerRuntime {
    @Override
    public List<String> libraries() {
        return List.of("org.apache.tomcat.embed:tomcat-embed-core");
    }

    private final boolean virtualThreads;

    TomcatRuntime(String name, String description, boolean virtualThreads) {
        super(name, description);
        this.virtualThreads = virtualThreads;
    }

    @Override
    public RunningServer start(ServerConfig config) throws Exception {
        return TomcatServer.start(config, virtualThreads);
    }

    /** {@code tomcat}: the NIO connector and Tomcat's own thread pool (200 threads by default). */
    public static final class Platform extends TomcatRuntime {
        public Platform() {
            super("tomcat", "Tomcat 11 embedded, a servlet on the NIO connector's 200-thread pool (Spring MVC's Tomcat)",
                    false);
        }
    }

    /** {@code tomcat-virtual}: the same connector with {@code useVirtualThreads}: a virtual thread per request (JDK 21+). */
    public static final class Virtual extends TomcatRuntime {
        public Virtual() {
            super("tomcat-virtual", "Tomcat 11 embedded, a servlet on the NIO connector, a virtual thread per request (JDK 21+)",
                    true);
        }

        @Override
        public Optional<String> unavailableReason() {
            int feature = Runtime.version().feature();
            return feature >= 21 ? Optional.empty()
                    : Optional.of("needs JDK 21+ for virtual threads, this is " + System.getProperty("java.version")
                            + " (run ./greetbench with a newer JDK, e.g. GREETBENCH_JAVA_HOME)");
        }
    }
}
