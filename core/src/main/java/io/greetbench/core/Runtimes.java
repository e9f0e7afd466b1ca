package io.greetbench.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The runtimes on the class path, found through {@link ServiceLoader}. */
public final class Runtimes {
    private Runtimes() {
    }

    /** Every registered runtime, available or not, sorted by name. */
    public static List<ServerRuntime> all() {
        List<ServerRuntime> found = new ArrayList<>();
        ServiceLoader.load(ServerRuntime.class).forEach(found::add);
        found.sort(Comparator.comparing(ServerRuntime::name));
        return found;
    }

    /** The runtime with this name. */
    public static ServerRuntime byName(String name) throws UnknownRuntimeException {
        List<ServerRuntime> all = all();
        for (ServerRuntime runtime : all) {
            if (runtime.name().equals(name)) {
                return runtime;
            }
        }
        throw new UnknownRuntimeException(name, all.stream().map(ServerRuntime::name).collect(Collectors.toList()));
    }

    /** Thrown for a runtime name that nothing registered. */
    public static final class UnknownRuntimeException extends Exception {
        public UnknownRuntimeException(String name, List<String> known) {
            super("no runtime named '" + name + "'; known runtimes: " + String.join(", ", known));
        }
    }
}
