package io.greetbench.helidon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.greetbench.core.Runtimes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * helidon is registered on every JDK. Run by a JDK 21+, the build compiled the server too, so it is
 * available; on 17 it says it needs 21.
 */
class HelidonAvailabilityTest {
    @Test
    void availableOnJdk21WithTheReasonOn17() throws Exception {
        Optional<String> reason = Runtimes.byName("helidon").unavailableReason();
        int feature = Runtime.version().feature();
        if (feature >= 21) {
            assertEquals(Optional.empty(), reason);
        } else {
            assertEquals(Optional.of("needs JDK 21+ (this JVM is " + feature + ")"), reason);
        }
    }
}
