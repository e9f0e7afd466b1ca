package io.greetbench.helidon;

import io.greetbench.core.NamedServerRuntime;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;

/**
 * {@code helidon}: the provider, compiled for Java 17 like the rest of the project, so that every
 * build registers it and {@code greetbench list} can say why it cannot run. Helidon 4 needs Java 21:
 * the server itself ({@code HelidonServer}, in {@code src/main/java21}) is compiled only when Maven
 * runs on a JDK 21+, and is reached here by name; no Helidon type appears in this class.
 */
public final class HelidonRuntime extends NamedServerRuntime {
    @Override
    public List<String> libraries() {
        return List.of("io.helidon.webserver:helidon-webserver");
    }

    static final String SERVER_CLASS = "io.greetbench.helidon.HelidonServer";
    private static final String HELIDON_CLASS = "io.helidon.webserver.WebServer";

    public HelidonRuntime() {
        super("helidon", "Helidon SE 4 WebServer, a virtual thread per connection, blocking handler (JDK 21+)");
    }

    @Override
    public Optional<String> unavailableReason() {
        int feature = Runtime.version().feature();
        if (feature < 21) {
            return Optional.of("needs JDK 21+ (this JVM is " + feature + ")");
        }
        if (!present(SERVER_CLASS) || !present(HELIDON_CLASS)) {
            return Optional.of("built without JDK 21: rebuild greetbench with a JDK 21+");
        }
        return Optional.empty();
    }

    @Override
    public RunningServer start(ServerConfig config) throws Exception {
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            throw new IllegalStateException("helidon cannot start: " + unavailable.get());
        }
        MethodHandle start = MethodHandles.lookup().findStatic(Class.forName(SERVER_CLASS), "start",
                MethodType.methodType(RunningServer.class, ServerConfig.class));
        try {
            return (RunningServer) start.invoke(config);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, HelidonRuntime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
