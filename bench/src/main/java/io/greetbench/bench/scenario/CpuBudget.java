package io.greetbench.bench.scenario;

/** Whether a scenario's servers run under a CPU limit (a cgroup quota, as a container's). */
public enum CpuBudget {
    /** Under {@code --server-cpu-limit} when the user gives one; else the server's CPUs are its own. */
    AS_GIVEN,
    /** Always under a limit: {@code --server-cpu-limit}, or by default half the driver's CPUs. */
    ALWAYS,
    /** Never limited: the same work for every runtime, costed in CPU time. */
    NEVER
}
