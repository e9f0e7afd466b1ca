package io.greetbench.bench.load;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * What one event loop records while a run goes on. Only that loop writes here (plain fields, and an
 * HdrHistogram {@link SingleWriterRecorder} that the main thread reads by interval), so the hot path
 * has no shared counters. Only the measured window records; the warm-up is not counted.
 */
final class LoadStats {
    private final SingleWriterRecorder latencyMicros = new SingleWriterRecorder(3);
    private final long[] errors = new long[ErrorKind.values().length];
    private final LoadRun run;
    private long completed;
    private long answered;
    private long sent;
    private long reconnects;
    private long unansweredAtEnd;

    LoadStats(LoadRun run) {
        this.run = run;
    }

    SingleWriterRecorder recorder() {
        return latencyMicros;
    }

    /** A correct answer, {@code latencyNanos} after its (intended) send time. */
    void success(long latencyNanos) {
        answered++;
        if (run.recording()) {
            latencyMicros.recordValue(Math.max(0, latencyNanos / 1000));
            completed++;
        }
    }

    /**
     * A request still unanswered (or, in the open loop, not yet sent though due) when the window
     * closes: its latency is at least {@code ageNanos}, and is recorded as that. Leaving it out would
     * hide exactly the requests a stalled server makes wait longest.
     */
    void unansweredAtEnd(long ageNanos) {
        latencyMicros.recordValue(Math.max(0, ageNanos / 1000));
        unansweredAtEnd++;
    }

    /** An answer that came after the timeout (an error already): its latency goes into the histogram. */
    void lateAnswer(long latencyNanos) {
        if (run.recording()) {
            latencyMicros.recordValue(Math.max(0, latencyNanos / 1000));
        }
    }

    void error(ErrorKind kind, long count) {
        if (run.recording() && count > 0) {
            errors[kind.ordinal()] += count;
        }
    }

    /** Every request written, warm-up included (to compare with what a server saw). */
    void sent(int count) {
        sent += count;
    }

    void reconnected() {
        if (run.recording()) {
            reconnects++;
        }
    }

    /** The counters, read on the owning loop (so the caller sees them through the task hand-off). */
    Snapshot snapshot() {
        EnumMap<ErrorKind, Long> e = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            e.put(kind, errors[kind.ordinal()]);
        }
        return new Snapshot(completed, answered, sent, reconnects, unansweredAtEnd, e);
    }

    /** Counters of one loop, or summed: completed in the window; answered and sent over the whole run. */
    record Snapshot(long completed, long answered, long sent, long reconnects, long unansweredAtEnd,
            Map<ErrorKind, Long> errors) {
        Snapshot plus(Snapshot o) {
            EnumMap<ErrorKind, Long> e = new EnumMap<>(ErrorKind.class);
            for (ErrorKind kind : ErrorKind.values()) {
                e.put(kind, errors.getOrDefault(kind, 0L) + o.errors.getOrDefault(kind, 0L));
            }
            return new Snapshot(completed + o.completed, answered + o.answered, sent + o.sent, reconnects + o.reconnects,
                    unansweredAtEnd + o.unansweredAtEnd, e);
        }

        static Snapshot empty() {
            return new Snapshot(0, 0, 0, 0, 0, new EnumMap<>(ErrorKind.class));
        }
    }
}
