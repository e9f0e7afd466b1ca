package io.greetbench.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The load engine: opens the connections, warms up unrecorded, measures for the fixed window, and
 * always stops by itself. One event loop per driver CPU (Netty's native epoll transport when it
 * loads), requests encoded once, answers parsed without allocation, flushes batched per read.
 */
public final class LoadDriver {
    /**
     * Connections set up at once: well under the accept queue a server gets here (somaxconn 4096)
     * and the SYN backlog (tcp_max_syn_backlog 2048), so that opening 10,000 connections never
     * overflows them (a dropped SYN is retried after 1 s, then 3 s, and looks like a slow server).
     */
    private static final int MAX_PENDING_CONNECTS = 512;
    /**
     * Set-up ends early when no connection has been served (its first answer) or has failed for this
     * long: the server serves no more of them (a pool of 200 threads at 10,000 connections, Tomcat
     * beyond its 8,192), and waiting on to the deadline (30 s at 10,000 connections) only delays the
     * window. Long enough for a slow server: up to 512 connects are in flight, and a server that
     * answers even 1,000 a second under a 0.5 CPU quota settles one every millisecond or so; its
     * quota stops it for at most half a CPU period at a time (50 ms at the default 100 ms period,
     * 500 ms at the longest, 1 s), and a young collection for tens of milliseconds. Two seconds is
     * four times the longest of those pauses, and as long as a connection holds its turn unanswered
     * (LoadRun's hold); it saves 28 of the deadline's 30 s at 10,000 connections.
     */
    public static final long SETUP_STALL_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int CONNECTIONS_PER_SOURCE_ADDRESS = 20_000;

    private LoadDriver() {
    }

    /** Told when the measured window opens and closes, e.g. to sample the server over exactly that time. */
    public interface WindowObserver {
        /** The measured window opened (nothing by default: an observer may only feed the warm-up). */
        default void windowStarted() {
        }

        /** The measured window closed. */
        default void windowEnded() {
        }

        /**
         * The server's CPU time so far, in seconds, or NaN when it is not known here. When known, an
         * adaptive warm-up waits until the server's CPU per answer settles (see {@link WarmupSettler}).
         */
        default double serverCpuSeconds() {
            return Double.NaN;
        }

        /**
         * The part of {@link #serverCpuSeconds} its JIT compiler threads used, so far, or NaN when not known
         * here. When known, an adaptive warm-up also waits until the compiler has gone quiet.
         */
        default double serverJitSeconds() {
            return Double.NaN;
        }
    }

    /** Runs {@code spec} to the end; never longer than connect bound + warm-up (at most its maximum) + duration + a few seconds. */
    public static LoadResult run(LoadSpec spec) throws IOException, InterruptedException {
        return runObserved(spec, null);
    }

    /** {@link #run}, telling {@code observer} (if any) when the measured window starts and ends. */
    public static LoadResult runObserved(LoadSpec spec, WindowObserver observer) throws IOException, InterruptedException {
        return runControlled(spec, observer, null);
    }

    /**
     * {@link #runObserved}, with the start and the end of the warm-up given by {@code control} (if
     * any) instead of decided here; {@code spec}'s warm-up is then not used.
     */
    public static LoadResult runControlled(LoadSpec spec, WindowObserver observer, WarmupControl control)
            throws IOException, InterruptedException {
        // The driver's buffers are its own and well tested: no leak-tracking work per request.
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        int loops = spec.eventLoops() > 0 ? spec.eventLoops() : Runtime.getRuntime().availableProcessors();
        String transport = System.getProperty("greetbench.driver.transport", "epoll");
        IoHandlerFactory ioHandlers;
        Class<? extends Channel> channelClass;
        if (transport.equals("io_uring") && io.netty.channel.uring.IoUring.isAvailable()) {
            ioHandlers = io.netty.channel.uring.IoUringIoHandler.newFactory();
            channelClass = io.netty.channel.uring.IoUringSocketChannel.class;
        } else if (!transport.equals("nio") && Epoll.isAvailable()) {
            ioHandlers = EpollIoHandler.newFactory();
            channelClass = EpollSocketChannel.class;
        } else {
            ioHandlers = NioIoHandler.newFactory();
            channelClass = NioSocketChannel.class;
        }
        List<Thread> loopThreads = new CopyOnWriteArrayList<>();
        AtomicInteger threadCount = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "greetbench-load-" + threadCount.incrementAndGet());
            loopThreads.add(t);
            return t;
        };
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, factory, ioHandlers);
        Semaphore connectPermits = new Semaphore(MAX_PENDING_CONNECTS);
        Bootstrap base = LoadRun.baseBootstrap(channelClass).group(group);
        LoadRun run = new LoadRun(spec, base, connectPermits);
        List<DriverConnection> connections = new ArrayList<>(spec.connections());
        List<ScheduledFuture<?>> timeoutChecks = new ArrayList<>();
        HistogramLogWriter hlog = null;
        try {
            List<InetAddress> sources = sourceAddresses(spec);
            SplittableRandom random = new SplittableRandom(spec.connections() * 31L + (long) spec.rate());
            List<EventLoop> eventLoops = new ArrayList<>();
            group.forEach(e -> eventLoops.add((EventLoop) e));
            for (int i = 0; i < spec.connections(); i++) {
                InetSocketAddress local = sources.isEmpty() ? null
                        : new InetSocketAddress(sources.get(i % sources.size()), 0);
                connections.add(new DriverConnection(run, eventLoops.get(i % eventLoops.size()), local, random.split()));
            }
            // Each loop's own connections, grouped once: the timeout checks and the window's opening
            // and closing each walk a loop's connections on that loop.
            Map<EventLoop, List<DriverConnection>> byLoop = new IdentityHashMap<>();
            for (DriverConnection c : connections) {
                byLoop.computeIfAbsent(c.loop(), l -> new ArrayList<>()).add(c);
            }
            long timeoutNanos = spec.timeout().toNanos();
            for (EventLoop loop : eventLoops) {
                List<DriverConnection> mine = byLoop.getOrDefault(loop, List.of());
                timeoutChecks.add(loop.scheduleAtFixedRate(() -> {
                    long now = System.nanoTime();
                    for (DriverConnection c : mine) {
                        c.checkTimeout(now, timeoutNanos);
                    }
                }, 100, 100, TimeUnit.MILLISECONDS));
            }

            if (control != null) {
                control.awaitStart();
            }
            // Set-up, at most MAX_PENDING_CONNECTS at a time until answered, so the server's accept queue keeps up;
            // until every connection is served or has failed, set-up stalls, or its deadline passes.
            long setupStart = System.nanoTime();
            long deadlineSeconds = setupDeadlineSeconds(spec.connections());
            long connectDeadline = setupStart + TimeUnit.SECONDS.toNanos(deadlineSeconds);
            run.setupStarts(setupStart);
            SetupEnd ended = null;
            for (DriverConnection c : connections) {
                while (ended == null && !connectPermits.tryAcquire(5, TimeUnit.MILLISECONDS)) {
                    ended = setupEnd(run, spec.connections(), connectDeadline);
                }
                if (ended != null) {
                    break;
                }
                c.loop().execute(c::connect);
            }
            while (ended == null) {
                ended = setupEnd(run, spec.connections(), connectDeadline);
                if (ended == null) {
                    Thread.sleep(5);
                }
            }
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            LoadRun.SetupCounts setup = run.startLoading();
            long setupErrors = setup.setupErrors();
            long neverServed = spec.connections() - setup.served() - setup.setupErrors();
            for (DriverConnection c : connections) {
                c.loop().execute(c::startLoad);
            }

            // Loaded before the window, not as it opens: the first call loads JMX (tens of ms), which
            // would make a driver told to open its window at a given time open it late.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long warmupStart = System.nanoTime();
            Boolean warmupSettled;
            if (control == null) {
                warmupSettled = Warmup.run(spec, () -> answered(run, eventLoops), observer);
            } else {
                control.connected(setupSeconds, setupErrors, neverServed);
                warmupSettled = control.awaitWindow(() -> answered(run, eventLoops));
            }
            double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
            if (spec.hlog() != null) {
                hlog = new HistogramLogWriter(new PrintStream(Files.newOutputStream(spec.hlog()), false, "UTF-8"));
                hlog.outputComment("greetbench load " + spec.target().url() + " connections=" + spec.connections()
                        + " rate=" + spec.rate() + " pipeline=" + spec.pipeline());
                hlog.outputLogFormatVersion();
                long now = System.currentTimeMillis();
                hlog.outputStartTime(now);
                hlog.setBaseTime(now);
                hlog.outputLegend();
            }
            long[] cpuBefore = cpuTimes(threads, loopThreads);
            CpuBusy cpuBusy = CpuBusy.startForThisProcess();

            // Open the window on every loop: forgive warm-up lateness, then start recording.
            List<io.netty.util.concurrent.Future<?>> opening = new ArrayList<>();
            for (EventLoop loop : eventLoops) {
                List<DriverConnection> mine = byLoop.getOrDefault(loop, List.of());
                opening.add(loop.submit(() -> {
                    long now = System.nanoTime();
                    mine.forEach(c -> c.windowOpens(now));
                }));
            }
            for (io.netty.util.concurrent.Future<?> f : opening) {
                f.await(30, TimeUnit.SECONDS);
            }
            for (EventLoop loop : eventLoops) {
                run.statsOf(loop).recorder().reset();
            }
            if (observer != null) {
                observer.windowStarted();
            }
            long windowStart = System.nanoTime();
            long windowEnd = windowStart + spec.duration().toNanos();
            run.recording(true);
            if (control != null) {
                control.windowOpened();
            }
            Histogram total = new Histogram(3);
            while (true) {
                long left = windowEnd - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Thread.sleep(Math.max(1, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(left))));
                takeInterval(run, total, hlog);
            }
            // Close the window: first what is still unanswered goes in with its age, then nothing more.
            List<io.netty.util.concurrent.Future<?>> closing = new ArrayList<>();
            for (EventLoop loop : eventLoops) {
                List<DriverConnection> mine = byLoop.getOrDefault(loop, List.of());
                closing.add(loop.submit(() -> {
                    long now = System.nanoTime();
                    run.stop(); // nothing is sent after this; the counters below then hold every request written
                    run.recording(false);
                    mine.forEach(c -> c.recordUnanswered(now));
                }));
            }
            for (io.netty.util.concurrent.Future<?> f : closing) {
                f.await(30, TimeUnit.SECONDS);
            }
            run.recording(false);
            run.stop();
            long windowNanos = System.nanoTime() - windowStart;
            if (observer != null) {
                observer.windowEnded();
            }
            takeInterval(run, total, hlog);
            long[] cpuAfter = cpuTimes(threads, loopThreads);
            double driverCpusBusy = cpuBusy == null ? -1 : cpuBusy.busySinceStart();
            int driverCpus = cpuBusy == null ? -1 : cpuBusy.cpuCount();
            double busiest = 0;
            for (int i = 0; i < cpuAfter.length && i < cpuBefore.length; i++) {
                busiest = Math.max(busiest, (cpuAfter[i] - cpuBefore[i]) / (double) windowNanos);
            }
            LoadStats.Snapshot counts = LoadStats.Snapshot.empty();
            for (EventLoop loop : eventLoops) {
                LoadStats stats = run.statsOf(loop);
                counts = counts.plus(loop.submit(stats::snapshot).get(30, TimeUnit.SECONDS));
            }
            return new LoadResult(spec.target().url(), spec.openLoop() ? "open" : "closed", spec.connections(),
                    spec.pipeline(), spec.rate(), warmupSeconds, warmupSettled, windowNanos / 1e9, counts.completed(),
                    counts.sent(), counts.answered(), counts.unansweredAtEnd(), counts.errors(), counts.reconnects(), total,
                    busiest, driverCpusBusy, driverCpus, loops, setupSeconds, setupErrors, neverServed,
                    ended.key(), deadlineSeconds);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("an event loop of the driver did not answer", e);
        } finally {
            run.stop();
            timeoutChecks.forEach(f -> f.cancel(false));
            // Every connection closed on its loop, and waited for: a run that ends by an exception may do so
            // while its connections reconnect to a server that went away, and no socket may outlive it.
            List<io.netty.util.concurrent.Future<?>> closed = new ArrayList<>(connections.size());
            for (DriverConnection c : connections) {
                closed.add(c.loop().submit(c::close));
            }
            long closeBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (io.netty.util.concurrent.Future<?> f : closed) {
                f.awaitUninterruptibly(Math.max(1, TimeUnit.NANOSECONDS.toMillis(closeBy - System.nanoTime())));
            }
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
            run.releaseBuffers();
            if (hlog != null) {
                hlog.close();
            }
        }
    }

    /** How set-up ended. */
    enum SetupEnd {
        /** Every connection was served or failed. */
        ALL("all"),
        /** None was served or failed for {@link #SETUP_STALL_NANOS}. */
        STALLED("stalled"),
        /** The deadline passed. */
        DEADLINE("deadline");

        private final String key;

        SetupEnd(String key) {
            this.key = key;
        }

        /** As stored ({@code setupEnded}). */
        String key() {
            return key;
        }
    }

    /** Set-up's bound: 10 s + 1 s per 500 connections (30 s at 10,000). */
    static long setupDeadlineSeconds(int connections) {
        return 10 + connections / 500;
    }

    /** Whether set-up is over now, and why; null while it goes on. */
    private static SetupEnd setupEnd(LoadRun run, int connections, long deadline) {
        long now = System.nanoTime();
        if (run.connectionsSettled() >= connections) {
            return SetupEnd.ALL;
        }
        if (now - run.lastSettledNanos() >= SETUP_STALL_NANOS) {
            return SetupEnd.STALLED;
        }
        return now >= deadline ? SetupEnd.DEADLINE : null;
    }

    /** Correct answers so far over every loop, warm-up included. */
    private static long answered(LoadRun run, List<EventLoop> loops) throws IOException, InterruptedException {
        long answered = 0;
        try {
            for (EventLoop loop : loops) {
                LoadStats stats = run.statsOf(loop);
                answered += loop.submit(stats::snapshot).get(30, TimeUnit.SECONDS).answered();
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("an event loop of the driver did not answer", e);
        }
        return answered;
    }

    /** Moves what every loop recorded since the last call into {@code total} (and the log, as one interval). */
    private static void takeInterval(LoadRun run, Histogram total, HistogramLogWriter hlog) {
        Histogram interval = null;
        for (LoadStats stats : run.allStats().values()) {
            Histogram h = stats.recorder().getIntervalHistogram();
            if (interval == null) {
                interval = h;
            } else {
                interval.add(h);
                interval.setStartTimeStamp(Math.min(interval.getStartTimeStamp(), h.getStartTimeStamp()));
                interval.setEndTimeStamp(Math.max(interval.getEndTimeStamp(), h.getEndTimeStamp()));
            }
        }
        if (interval == null) {
            return;
        }
        total.add(interval);
        if (hlog != null) {
            hlog.outputIntervalHistogram(interval);
        }
    }

    private static long[] cpuTimes(ThreadMXBean threads, List<Thread> loopThreads) {
        long[] times = new long[loopThreads.size()];
        for (int i = 0; i < times.length; i++) {
            long t = threads.getThreadCpuTime(loopThreads.get(i).getId());
            times[i] = Math.max(0, t);
        }
        return times;
    }

    /**
     * Local addresses to spread connections over: one loopback source holds about 28,000 connections
     * to one server port (the ephemeral port range), so beyond that use 127.0.0.2, .3, ...
     */
    private static List<InetAddress> sourceAddresses(LoadSpec spec) throws IOException {
        InetAddress remote = spec.target().address().getAddress();
        int wanted = spec.sourceAddresses() > 0 ? spec.sourceAddresses()
                : (spec.connections() + CONNECTIONS_PER_SOURCE_ADDRESS - 1) / CONNECTIONS_PER_SOURCE_ADDRESS;
        if (wanted <= 1 || !(remote instanceof Inet4Address) || !remote.isLoopbackAddress()) {
            return List.of();
        }
        List<InetAddress> sources = new ArrayList<>();
        for (int i = 1; i <= wanted; i++) {
            sources.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
        }
        return sources;
    }
}
