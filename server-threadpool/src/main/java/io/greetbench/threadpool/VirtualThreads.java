package io.greetbench.threadpool;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads, reached by a method handle: the project compiles for Java 17, where
 * {@code Executors.newVirtualThreadPerTaskExecutor()} does not exist yet (it came in 21).
 */
final class VirtualThreads {
    private static final MethodHandle NEW_EXECUTOR = find();

    private VirtualThreads() {
    }

    static Optional<String> unavailableReason() {
        return NEW_EXECUTOR != null ? Optional.empty()
                : Optional.of("needs JDK 21+, this is " + System.getProperty("java.version")
                        + " (run ./greetbench with a newer JDK, e.g. GREETBENCH_JAVA_HOME)");
    }

    static ExecutorService newThreadPerTaskExecutor() {
        try {
            return (ExecutorService) NEW_EXECUTOR.invoke();
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create a virtual-thread executor", t);
        }
    }

    private static MethodHandle find() {
        try {
            return MethodHandles.publicLookup().findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
                    MethodType.methodType(ExecutorService.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
