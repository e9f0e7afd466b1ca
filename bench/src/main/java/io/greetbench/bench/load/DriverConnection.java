package io.greetbench.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One of the driver's connections, for the whole run: it reopens its channel when the server closes
 * it, keeps the send times of its unanswered requests, and in the open loop its arrival schedule.
 * Everything here runs on its one event loop, so nothing is shared or locked.
 */
final class DriverConnection {
    private final LoadRun run;
    private final LoadStats stats;
    private final EventLoop loop;
    private final InetSocketAddress local;
    private final ArrivalSchedule schedule; // null in the closed loop
    private final int pipeline;
    // send times of the unanswered requests, oldest at head: intended (open loop) and actual
    private final long[] latencyStart;
    private final long[] written;
    private final boolean[] timedOut; // already counted as a timeout: a late answer is not a success
    private int head;
    private int outstanding;

    private Channel channel;
    private boolean closingOnPurpose;
    private Channel attempt; // the channel of the last connect, until it is active (then also channel)
    private boolean serverCloses; // the last answer said Connection: close: send nothing more here
    private boolean inRead;
    private int toSendAfterRead;
    private long answers;
    private ScheduledFuture<?> pumpTimer;
    private boolean attempted;
    private boolean settingUp = true; // holds a connect permit: until its first answer, a failure, or the hold's end
    private boolean settled; // answered, or failed before its first answer, during set-up (counted once, in LoadRun)

    DriverConnection(LoadRun run, EventLoop loop, InetSocketAddress local, SplittableRandom random) {
        this.run = run;
        this.loop = loop;
        this.stats = run.statsOf(loop);
        this.local = local;
        this.pipeline = run.spec().pipeline();
        this.latencyStart = new long[pipeline];
        this.written = new long[pipeline];
        this.timedOut = new boolean[pipeline];
        LoadSpec spec = run.spec();
        this.schedule = spec.openLoop()
                ? new ArrivalSchedule(spec.rate() / spec.connections(), spec.poisson(), System.nanoTime(), random)
                : null;
    }

    EventLoop loop() {
        return loop;
    }

    /** Opens (or reopens) the channel; a failure is a connect error, retried while the run goes on. */
    /**
     * Opens the connection. During set-up it sends one request and holds one of the run's connect
     * permits until the server has answered it (so it took the connection, not just the kernel's
     * backlog), until it
     * failed, or for at most {@link LoadRun#setupHoldMillis()}: the permits keep the connections the
     * server has not yet taken within what its accept queue can hold.
     */
    void connect() {
        if (!run.running()) {
            return; // a retry scheduled before the run stopped: nothing may be opened after it
        }
        ChannelFuture future = run.bootstrapFor(loop, this).connect(run.spec().target().address(), local);
        attempt = future.channel();
        attempted = true;
        future.addListener(f -> {
            if (!f.isSuccess()) {
                stats.error(ErrorKind.CONNECT, 1);
                failedBeforeFirstAnswer();
                endTurn();
                if (run.running()) {
                    loop.schedule(this::connect, 100, TimeUnit.MILLISECONDS);
                }
            } else if (settingUp) {
                loop.schedule(this::endTurn, run.setupHoldMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Its turn is over (answered, failed, or held long enough): the permit goes to the next connection. */
    private void endTurn() {
        if (settingUp) {
            settingUp = false;
            run.releasePermit();
        }
    }

    /**
     * It failed, or was closed, before its first answer: a set-up error, if set-up is still going on
     * (a connection whose turn ended unanswered still counts if the server then closes it).
     */
    private void failedBeforeFirstAnswer() {
        if (!settled && !run.loading()) {
            settled = true;
            run.setupError();
        }
    }

    // ---- called by ConnectionHandler, on the loop ---------------------------------------------------

    void active(Channel ch) {
        channel = ch;
        closingOnPurpose = false;
        serverCloses = false;
        if (!run.running()) {
            closeOnPurpose(null); // connected after the run stopped (a connect under way then): not kept open
            return;
        }
        if (!run.loading()) {
            send(1, true); // set-up: one request, whose answer shows the server took the connection
            return;
        }
        if (schedule == null) {
            send(pipeline, true);
        } else {
            pump(true);
        }
    }

    void readStarted() {
        inRead = true;
    }

    /** One parsed answer (or a malformed one, which ends the channel). */
    void answered(ResponseParser.Outcome outcome, boolean serverClosesAfterIt) {
        endTurn();
        if (!settled) {
            settled = true;
            run.connectionServed(); // its first answer (ignored once set-up is over)
        }
        serverCloses |= serverClosesAfterIt;
        long now = System.nanoTime();
        long started = latencyStart[head];
        boolean late = timedOut[head];
        timedOut[head] = false;
        head = (head + 1) % pipeline;
        outstanding--;
        if (late && outcome != ResponseParser.Outcome.MALFORMED) {
            outcome = ResponseParser.Outcome.INCOMPLETE; // counted already, as a timeout
        }
        switch (outcome) {
            case OK:
                stats.success(now - started);
                break;
            case BAD_STATUS:
                stats.error(ErrorKind.STATUS, 1);
                break;
            case BAD_BODY:
                stats.error(ErrorKind.BODY, 1);
                break;
            case INCOMPLETE:
                stats.lateAnswer(now - started); // counted as a timeout already; its latency still counts
                break;
            default:
                stats.error(ErrorKind.PROTOCOL, 1);
                closeOnPurpose(ErrorKind.RESET);
                return;
        }
        if (schedule == null && run.running() && run.loading() && !serverCloses) {
            toSendAfterRead++;
        }
    }

    /** The load begins (set-up is over): the closed loop fills its pipeline, the open loop's schedule starts now. */
    void startLoad() {
        if (channel == null || serverCloses || !run.running()) {
            return;
        }
        long now = System.nanoTime();
        for (int i = 0; i < outstanding; i++) { // a set-up request still unanswered times out from now, where it counts
            written[(head + i) % pipeline] = now;
            timedOut[(head + i) % pipeline] = false;
        }
        if (schedule == null) {
            if (outstanding < pipeline) {
                send(pipeline - outstanding, true);
            }
        } else {
            schedule.restartAt(now);
            pump(true);
        }
    }

    /** Whether the next answer's body is to be checked ({@code --check-every}). */
    boolean checkNextBodyPeek() {
        int every = run.spec().checkEvery();
        return every > 0 && answers % every == 0;
    }

    /** One more answer read (moves the body-check counter). */
    void consumeCheck() {
        answers++;
    }

    void readComplete() {
        inRead = false;
        if (!run.loading()) {
            // set-up: nothing more to send until the load begins
        } else if (schedule == null) {
            if (toSendAfterRead > 0) {
                int n = toSendAfterRead;
                toSendAfterRead = 0;
                send(n, false);
            }
        } else {
            pump(false);
        }
        if (channel != null) {
            channel.flush();
        }
    }

    void inactive() {
        failedBeforeFirstAnswer(); // closed before its first answer: the server dropped or refused it
        endTurn();
        if (!closingOnPurpose) {
            stats.error(ErrorKind.RESET, outstanding); // requests pipelined past a Connection: close count too
        }
        boolean announced = serverCloses || closingOnPurpose;
        outstanding = 0;
        head = 0;
        java.util.Arrays.fill(timedOut, false);
        toSendAfterRead = 0;
        channel = null;
        if (pumpTimer != null) {
            pumpTimer.cancel(false);
            pumpTimer = null;
        }
        if (run.running()) {
            stats.reconnected();
            if (announced) {
                connect(); // an orderly close (like nginx after keepalive_requests): reopen at once, as wrk does
            } else {
                loop.schedule(this::connect, 10, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * At the start of the window: lateness built up during the warm-up (a cold server falling behind
     * the open loop's schedule) is forgiven, so the window measures the server warm, not the backlog
     * of its warm-up. Requests already out count from now at the earliest; the schedule restarts now.
     */
    void windowOpens(long now) {
        for (int i = 0; i < outstanding; i++) {
            int slot = (head + i) % pipeline;
            latencyStart[slot] = Math.max(latencyStart[slot], now);
        }
        if (schedule != null && schedule.next() < now) {
            schedule.restartAt(now);
        }
    }

    /** At the end of the window: records what is still unanswered, or due and unsent, by its age so far. */
    void recordUnanswered(long now) {
        for (int i = 0; i < outstanding; i++) {
            stats.unansweredAtEnd(now - latencyStart[(head + i) % pipeline]);
        }
        if (schedule != null) {
            while (schedule.next() <= now) {
                stats.unansweredAtEnd(now - schedule.next());
                schedule.advance();
            }
        }
    }

    /**
     * Called every 100 ms on the loop: counts each request unanswered for longer than the timeout,
     * once, as wrk does. The connection stays open: closing and reopening thousands of connections
     * to a server that does not answer would only measure the kernel's search for free ports.
     */
    void checkTimeout(long now, long timeoutNanos) {
        for (int i = 0; i < outstanding; i++) {
            int slot = (head + i) % pipeline;
            if (!timedOut[slot] && now - written[slot] > timeoutNanos) {
                timedOut[slot] = true;
                stats.error(ErrorKind.TIMEOUT, 1);
            }
        }
    }

    void close() {
        if (pumpTimer != null) {
            pumpTimer.cancel(false);
        }
        if (channel != null) {
            closingOnPurpose = true;
            channel.close();
        }
        if (attempt != null && attempt != channel) {
            attempt.close(); // a connect still under way (reconnecting to a server that went away): its socket too
        }
    }

    // ---- sending -----------------------------------------------------------------------------------

    /** Closed loop: write n requests now, timed from now. */
    private void send(int n, boolean flush) {
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int slot = (head + outstanding + i) % pipeline;
            latencyStart[slot] = now;
            written[slot] = now;
            timedOut[slot] = false;
        }
        write(n, flush);
    }

    /**
     * Open loop: write every request whose intended time has come, as far as the pipeline allows,
     * then set a timer for the next one. A request sent late is still timed from when it was due.
     */
    private void pump(boolean flush) {
        if (!run.running() || channel == null || serverCloses) {
            return;
        }
        long now = System.nanoTime();
        int n = 0;
        while (outstanding + n < pipeline && schedule.next() <= now) {
            int slot = (head + outstanding + n) % pipeline;
            latencyStart[slot] = schedule.next();
            written[slot] = now;
            timedOut[slot] = false;
            schedule.advance();
            n++;
        }
        if (n > 0) {
            write(n, flush && !inRead);
        }
        if (outstanding < pipeline && pumpTimer == null) {
            long delay = schedule.next() - now;
            pumpTimer = loop.schedule(() -> {
                pumpTimer = null;
                pump(true);
            }, Math.max(0, delay), TimeUnit.NANOSECONDS);
        }
    }

    private void write(int n, boolean flush) {
        outstanding += n;
        stats.sent(n);
        ByteBuf requests = run.requests(n);
        if (flush) {
            channel.writeAndFlush(requests, channel.voidPromise());
        } else {
            channel.write(requests, channel.voidPromise());
        }
    }

    private void closeOnPurpose(ErrorKind lostAs) {
        if (lostAs != null) {
            stats.error(lostAs, outstanding);
        }
        outstanding = 0;
        closingOnPurpose = true;
        if (channel != null) {
            channel.close();
        }
    }
}
