package io.greetbench.bench.server;

import java.util.Locale;

/**
 * A CPU budget for a server, as a container CPU limit is given: {@code 0.5} is half a CPU,
 * {@code 2} two CPUs. Enforced by the CFS bandwidth controller as a quota per period: by default the
 * 100 ms period Docker and Kubernetes set, where a server that spends its quota early in a period
 * waits out the rest of it; {@code --cpu-period 10ms} makes those stalls shorter.
 *
 * @param cpus         CPUs of quota per period
 * @param periodMicros the CFS period, µs (1 ms to 1 s, the kernel's bounds)
 */
public record CpuLimit(double cpus, long periodMicros) {
    /** 100 ms: the kernel's default, and what Docker ({@code --cpus}) and Kubernetes (CPU limits) set. */
    public static final long DEFAULT_PERIOD_MICROS = 100_000;
    /** The kernel refuses quotas under 1 ms. */
    private static final long MIN_QUOTA_MICROS = 1_000;
    private static final long MIN_PERIOD_MICROS = 1_000;
    private static final long MAX_PERIOD_MICROS = 1_000_000;

    /** {@code cpus} per the default 100 ms period. */
    public CpuLimit(double cpus) {
        this(cpus, DEFAULT_PERIOD_MICROS);
    }

    public CpuLimit {
        if (!(cpus > 0) || Double.isInfinite(cpus)) {
            throw new IllegalArgumentException("--server-cpu-limit takes a positive number of CPUs, e.g. 0.5 or 2 (got " + cpus + ")");
        }
        if (periodMicros < MIN_PERIOD_MICROS || periodMicros > MAX_PERIOD_MICROS) {
            throw new IllegalArgumentException("--cpu-period must be between 1 ms and 1 s, the kernel's bounds (got "
                    + periodMicros + " µs)");
        }
        if (Math.round(cpus * periodMicros) < MIN_QUOTA_MICROS) {
            throw new IllegalArgumentException("--server-cpu-limit " + cpus + " is below the kernel's smallest quota (1 ms per "
                    + periodMicros / 1000 + " ms period)");
        }
    }

    public static CpuLimit parse(String text) {
        try {
            return new CpuLimit(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--server-cpu-limit takes a number of CPUs, e.g. 0.5 or 2 (got '" + text + "')");
        }
    }

    /**
     * The capacity scenario's limit when none is given: half the driver's CPUs (so the driver has
     * twice the server's CPU), at most the server's CPUs.
     */
    public static CpuLimit halfTheDriver(int serverCpus, int driverCpus) {
        return new CpuLimit(Math.max(0.1, Math.min(serverCpus, driverCpus / 2.0)));
    }

    /** The same CPUs per another period. */
    public CpuLimit withPeriod(long micros) {
        return micros == periodMicros ? this : new CpuLimit(cpus, micros);
    }

    /** The quota per {@link #periodMicros}, µs. */
    public long quotaMicros() {
        return Math.round(cpus * periodMicros);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s CPU", cpus == Math.rint(cpus) ? String.valueOf((long) cpus) : String.valueOf(cpus));
    }
}
