package io.greetbench.core;

/** A started server. {@link #close()} frees the port and ends every thread the server started. */
public interface RunningServer extends AutoCloseable {
    /** The bound port (the real one when the config asked for port 0). */
    int port();

    /** Stops accepting, closes every connection, ends every thread; returns when all of that is done. */
    @Override
    void close();
}
