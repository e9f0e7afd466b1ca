package io.greetbench.core.kit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.core.Runtimes;
import io.greetbench.core.ServerRuntime;
import java.util.Optional;

/** How both kits find their runtime: through the SPI, skipping the kit (with the reason) where it cannot run. */
final class KitRuntimes {
    private KitRuntimes() {
    }

    static ServerRuntime availableOrSkip(String name) throws Runtimes.UnknownRuntimeException {
        ServerRuntime runtime = Runtimes.byName(name);
        Optional<String> unavailable = runtime.unavailableReason();
        assumeTrue(unavailable.isEmpty(), () -> name + " is unavailable here: " + unavailable.orElse(""));
        return runtime;
    }
}
