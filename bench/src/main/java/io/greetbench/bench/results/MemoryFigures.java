package io.greetbench.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One window of the memory scenario: the server in a memory cgroup, without a limit (a baseline, at
 * each connection count) or with one (a step of the search).
 *
 * @param phase           {@code baseline} (no limit) or {@code step} (a limit tried by the search)
 * @param limitBytes      the memory limit of a step; absent for a baseline
 * @param step            a step's number in its search, from 1
 * @param held            a step: whether the server served as it does unlimited (no OOM kill, no
 *                        OutOfMemoryError, no errors but timeouts (at most 3× its unlimited ones, if it had
 *                        any), at least half its throughput, and 95% of its throughput or of its throughput per CPU)
 * @param failure         a step that did not hold: why, as a key ({@link #OOM_KILL}, {@link #OUT_OF_MEMORY_ERROR},
 *                        {@link #COLLAPSE}, {@link #COSTLIER}, {@link #ERRORS}, {@link #DIED}, {@link #NOT_READY})
 * @param detail          that reason for a person
 * @param throughputShare requests/s as a share of the same round's unlimited window
 * @param perCpuShare     requests per CPU-second of the server as a share of the same round's unlimited window's
 *                        (a step holds when this or the throughput share reaches 95%)
 * @param heapMaxBytes    the largest heap the JVM allowed itself (from its GC log): sized from the limit
 * @param cgroupPeakBytes the most memory the group was charged ({@code memory.max_usage_in_bytes} or
 *                        {@code memory.peak}): what a limit is compared with
 * @param oomKills        processes of the group the kernel's OOM killer killed
 * @param liveHeapBytes   a baseline: the heap in use after a full collection at the window's end
 * @param nmtCommittedKb  a baseline: Native Memory Tracking's committed memory per category at the window's
 *                        end ({@code Total}, {@code Java Heap}, {@code Thread}, {@code Class}, {@code Metaspace},
 *                        {@code Code}, {@code GC}, {@code Other} (NIO direct buffers) ...)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemoryFigures(String phase, Long limitBytes, Integer step, Boolean held, String failure, String detail,
        Double throughputShare, Double perCpuShare, Long heapMaxBytes, Long cgroupPeakBytes, Long oomKills, Long liveHeapBytes,
        Map<String, Long> nmtCommittedKb) {
    public static final String BASELINE = "baseline";
    public static final String STEP = "step";

    public static final String OOM_KILL = "oom-kill";
    public static final String OUT_OF_MEMORY_ERROR = "out-of-memory-error";
    public static final String COLLAPSE = "collapse";
    /** Below 95% of both its unlimited requests/s and its unlimited requests per CPU-second. */
    public static final String COSTLIER = "costlier";
    public static final String ERRORS = "errors";
    public static final String DIED = "died";
    public static final String NOT_READY = "not-ready";

    public boolean baseline() {
        return BASELINE.equals(phase);
    }

    /** These figures with a step's verdict. */
    public MemoryFigures judged(boolean held, String failure, String detail, Double throughputShare, Double perCpuShare) {
        return new MemoryFigures(phase, limitBytes, step, held, failure, detail, throughputShare, perCpuShare, heapMaxBytes,
                cgroupPeakBytes, oomKills, liveHeapBytes, nmtCommittedKb);
    }
}
