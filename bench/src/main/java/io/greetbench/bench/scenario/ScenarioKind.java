package io.greetbench.bench.scenario;

/** What a scenario measures, and so which part of the orchestrator measures it. */
public enum ScenarioKind {
    /** Cells: runtime × connections × rate × trial, one window each (the orchestrator's plan). */
    CELLS,
    /**
     * The smallest memory limit (a memory cgroup, as a container's) at which each runtime still serves the
     * scenario's largest connection count as it does unlimited, found by bisection in rounds
     * ({@code run.MemoryLimitSearch}); and where the memory goes at each connection count.
     */
    MEMORY_LIMIT,
    /** Fresh starts: time from process start to the first correct answer, and resident memory then ({@code run.StartupMeasurement}). */
    STARTUP
}
