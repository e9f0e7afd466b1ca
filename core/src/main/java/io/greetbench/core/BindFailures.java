package io.greetbench.core;

import java.net.BindException;

/**
 * Runtimes report a taken port in their own ways (Netty's native transports throw an
 * {@code IOException} whose message says "Address already in use"). The SPI promises a
 * {@link BindException}, so every runtime passes its start failure through here.
 */
public final class BindFailures {
    private BindFailures() {
    }

    /** A {@link BindException} naming the address if {@code failure} is a bind failure, else {@code failure}. */
    public static Exception translate(Throwable failure, String host, int port) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof BindException || message.contains("Address already in use")
                    || message.contains("Cannot assign requested address")) {
                BindException bind = new BindException("cannot listen on " + host + ":" + port + ": " + message);
                bind.initCause(failure);
                return bind;
            }
        }
        return failure instanceof Exception ? (Exception) failure : new Exception(failure);
    }
}
