package io.greetbench.core;

import java.util.List;
import java.util.Optional;

/**
 * One way to run the greeting server, registered with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/io.greetbench.core.ServerRuntime} so that {@link Runtimes} finds it by name.
 */
public interface ServerRuntime {
    /** Short unique name used on the command line, e.g. {@code netty} or {@code threadpool-virtual}. */
    String name();

    /** One line for {@code greetbench list}: the runtime and the model it stands for. */
    String description();

    /** Empty when this runtime can start on this JVM and machine; otherwise why not, for a person. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /**
     * The libraries this runtime is, as Maven {@code group:artifact} names, so that every report states
     * their versions (read from the jars' {@code META-INF/maven/.../pom.properties}).
     */
    default List<String> libraries() {
        return List.of();
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @throws java.net.BindException when the address or port is taken (see {@link BindFailures});
     *                                no thread of the runtime is left behind in that case
     * @throws Exception              anything else that stopped the start
     */
    RunningServer start(ServerConfig config) throws Exception;
}
