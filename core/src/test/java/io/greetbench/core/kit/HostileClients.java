package io.greetbench.core.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storm of misbehaving clients against one server, while a well-behaved client keeps asking for
 * {@code /world} on a keep-alive connection and times every answer. Everything is bounded by the
 * storm's duration, and every socket and thread of the storm is gone when {@link #run} returns.
 *
 * <ul>
 *   <li>50 slowloris connections: a request line, then header bytes one at a time, never finished;
 *   <li>1,000 connections opened and reset (RST) without a request;
 *   <li>50 requests sent halfway and abandoned, the connection left open;
 *   <li>one connection pipelining 20,000 requests and reading none of the answers.
 * </ul>
 */
final class HostileClients {
    static final int SLOWLORIS = 50;
    static final int RESETS = 1_000;
    static final int HALF_SENT = 50;
    static final int PIPELINED_UNREAD = 20_000;
    private static final byte[] WORLD = "GET /world HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] HELLO_WORLD = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);

    /**
     * What the well-behaved client saw during the storm.
     *
     * @param answers     correct answers it got
     * @param wrong       answers that were not the greeting (or a broken connection: counted once)
     * @param maxWaitNanos its longest wait for one answer
     * @param pipelinedWritten how many of the 20,000 pipelined requests could be written before the storm
     *                     ended (fewer when the server stopped reading: backpressure)
     */
    record Result(long answers, long wrong, long maxWaitNanos, long pipelinedWritten) {
        @Override
        public String toString() {
            return answers + " correct answers, " + wrong + " wrong, longest wait " + maxWaitNanos / 1_000_000 + " ms, "
                    + pipelinedWritten + " of " + PIPELINED_UNREAD + " unread pipelined requests written";
        }
    }

    private HostileClients() {
    }

    static Result run(String host, int port, long stormMillis) throws Exception {
        InetSocketAddress address = new InetSocketAddress(host, port);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stormMillis);
        List<Socket> held = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicLong pipelined = new AtomicLong();
        try {
            Future<long[]> good = pool.submit(() -> wellBehaved(address, end));
            Future<?> slow = pool.submit(() -> slowloris(address, end, held));
            Future<?> resets = pool.submit(() -> resets(address, end));
            Future<?> unread = pool.submit(() -> pipelineUnread(address, end, pipelined));
            for (int i = 0; i < HALF_SENT; i++) {
                Socket s = open(address, held);
                s.getOutputStream().write(Arrays.copyOf(WORLD, 12)); // "GET /world H"
            }
            long[] g = good.get(stormMillis + 30_000, TimeUnit.MILLISECONDS);
            slow.get(30, TimeUnit.SECONDS);
            resets.get(30, TimeUnit.SECONDS);
            unread.get(30, TimeUnit.SECONDS);
            return new Result(g[0], g[1], g[2], pipelined.get());
        } finally {
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static Socket open(InetSocketAddress address, List<Socket> held) throws IOException {
        Socket s = new Socket();
        synchronized (held) {
            held.add(s);
        }
        s.connect(address, 5_000);
        return s;
    }

    /** {answers, wrong, max wait ns}: GET /world again and again until the storm ends. */
    private static long[] wellBehaved(InetSocketAddress address, long end) throws IOException {
        long answers = 0;
        long wrong = 0;
        long maxWait = 0;
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(10_000);
            s.connect(address, 5_000);
            OutputStream out = s.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                out.write(WORLD);
                out.flush();
                byte[] body = readBody(in);
                maxWait = Math.max(maxWait, System.nanoTime() - t0);
                if (Arrays.equals(body, HELLO_WORLD)) {
                    answers++;
                } else {
                    wrong++;
                }
                sleepMillis(5); // a client, not a load generator
            }
        } catch (IOException e) {
            wrong++; // the connection broke: the server failed it
        }
        return new long[] {answers, wrong, maxWait};
    }

    /** Reads one response with a Content-Length body; returns the body. */
    private static byte[] readBody(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return in.readNBytes(length);
    }

    private static Void slowloris(InetSocketAddress address, long end, List<Socket> held) throws IOException {
        List<OutputStream> outs = new ArrayList<>();
        for (int i = 0; i < SLOWLORIS; i++) {
            Socket s = open(address, held);
            outs.add(s.getOutputStream());
        }
        byte[] start = "GET /world HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] more = "X-a: b\r\n".getBytes(StandardCharsets.ISO_8859_1); // header after header, no end of head
        int at = 0;
        while (System.nanoTime() < end) {
            byte b = at < start.length ? start[at] : more[(at - start.length) % more.length];
            for (OutputStream out : outs) {
                try {
                    out.write(b);
                    out.flush();
                } catch (IOException e) {
                    // the server closed a slow client: allowed
                }
            }
            at++;
            sleepMillis(100);
        }
        return null;
    }

    private static Void resets(InetSocketAddress address, long end) throws IOException {
        for (int i = 0; i < RESETS && System.nanoTime() < end; i++) {
            try (Socket s = new Socket()) {
                s.connect(address, 5_000);
                s.setSoLinger(true, 0); // close sends RST
            }
        }
        return null;
    }

    private static Void pipelineUnread(InetSocketAddress address, long end, AtomicLong written) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 5_000);
            OutputStream out = s.getOutputStream();
            // Written from a watchdog-bounded loop: a server that stops reading (backpressure) blocks
            // this write; closing the socket at the end of the storm unblocks it.
            Thread closer = new Thread(() -> {
                sleepMillis(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }, "kit-pipeline-closer");
            closer.setDaemon(true);
            closer.start();
            try {
                for (int i = 0; i < PIPELINED_UNREAD && System.nanoTime() < end; i++) {
                    out.write(WORLD);
                    written.incrementAndGet();
                }
                out.flush();
                while (System.nanoTime() < end) {
                    sleepMillis(50); // hold the connection, still reading nothing
                }
            } catch (IOException e) {
                // closed at the end of the storm while blocked: expected under backpressure
            }
            try {
                closer.join(TimeUnit.NANOSECONDS.toMillis(Math.max(0, end - System.nanoTime())) + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
