package io.greetbench.threadpool;

import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The classic blocking server: one thread accepts, and each connection becomes one task on an
 * executor (a fixed pool of platform threads, or a virtual thread each). With a bounded pool,
 * connections beyond its size wait in the executor's queue until a thread is free.
 */
final class BlockingServer implements RunningServer {
    /** Idle keep-alive connections are closed after this, as a servlet container's connection timeout. */
    static final int IDLE_TIMEOUT_MILLIS = 20_000;

    private final ServerSocket serverSocket;
    private final ExecutorService executor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final long waitMillis;
    private volatile boolean closing;

    private BlockingServer(ServerSocket serverSocket, ExecutorService executor, long waitMillis) {
        this.serverSocket = serverSocket;
        this.executor = executor;
        this.waitMillis = waitMillis;
        this.acceptor = new Thread(this::acceptLoop, "threadpool-acceptor-" + serverSocket.getLocalPort());
    }

    static BlockingServer start(ServerConfig config, ExecutorService executor) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        try {
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
        } catch (IOException e) {
            serverSocket.close();
            executor.shutdownNow();
            throw e;
        }
        BlockingServer server = new BlockingServer(serverSocket, executor, config.requestWait().toMillis());
        server.acceptor.start();
        return server;
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                continue; // e.g. too many open files: keep accepting what can be accepted
            }
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
                open.add(socket);
                executor.execute(new ConnectionTask(socket, open, waitMillis));
            } catch (SocketException | RejectedExecutionException e) {
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    @Override
    public int port() {
        return serverSocket.getLocalPort();
    }

    @Override
    public void close() {
        closing = true;
        closeQuietly(serverSocket);
        // Blocking socket reads do not answer interrupts: closing the sockets is what ends the tasks.
        executor.shutdownNow();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        try {
            acceptor.join(10_000);
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("connection threads did not end within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
