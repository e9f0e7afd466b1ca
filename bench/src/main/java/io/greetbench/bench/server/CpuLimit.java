package io.greetbench.bench.server;

import java.util.Locale;

/**
 * A CPU budget for a server, as a container CPU limit is given: {@code 0.5} is half a CPU,
 * {@code 2} two CPUs. Enforced by the CFS bandwidth controller as a quota per short period, so that
 * a throttled server waits at most a period's worth at a time.
 */
public record CpuLimit(double cpus) {
    /** 10 ms: short, as the issue of long throttling stalls with the 100 ms default is well known. */
    public static final long PERIOD_MICROS = 10_000;
    /** The kernel refuses quotas under 1 ms. */
    private static final long MIN_QUOTA_MICROS = 1_000;

    public CpuLimit {
        if (!(cpus > 0) || Double.isInfinite(cpus)) {
            throw new IllegalArgumentException("--server-cpu-limit takes a positive number of CPUs, e.g. 0.5 or 2 (got " + cpus + ")");
        }
        if (Math.round(cpus * PERIOD_MICROS) < MIN_QUOTA_MICROS) {
            throw new IllegalArgumentException("--server-cpu-limit " + cpus + " is below the kernel's smallest quota (0.1 CPU)");
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

    /** The quota per {@link #PERIOD_MICROS}, µs. */
    public long quotaMicros() {
        return Math.round(cpus * PERIOD_MICROS);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s CPU", cpus == Math.rint(cpus) ? String.valueOf((long) cpus) : String.valueOf(cpus));
    }
}
