package io.greetbench.vertx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Vert.x runs on the native transport like Netty's runtime does: no handicap from falling back to NIO. */
class VertxNativeTransportTest {
    @Test
    void usesTheNativeTransport() throws Exception {
        Vertx vertx = Vertx.vertx(VertxServer.vertxOptions(1));
        try {
            assertTrue(vertx.isNativeTransportEnabled(), "native transport unavailable: " + vertx.unavailableNativeTransportCause());
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
