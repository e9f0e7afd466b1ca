package io.greetbench.bench.run;

import io.greetbench.bench.results.Measurement;
import io.greetbench.bench.results.ServerUse;
import java.util.List;
import java.util.Locale;

/**
 * Judges a server's windows by its JIT compiler: a window in which the compiler threads took more than
 * {@link ServerUse#JIT_SHARE_LIMIT} of the server's CPU measured a server still warming up, not the runtime at work. Under a
 * CPU limit the compiler's time comes out of the server's quota (netty at half a CPU gave C2 half of it for
 * five seconds after the load moved from 256 to 10,000 connections, 2026-12-02); without one it is counted
 * in the CPU per request. Such a server's windows are discarded and measured again on a fresh server, as
 * the {@link WindowGate} does for a window the host slowed. The adaptive warm-up waits for the compiler
 * to go quiet ({@link io.greetbench.bench.load.WarmupSettler}); this catches what starts again after it.
 *
 * <p>Only a window whose warm-up settled is judged. One that ran to the warm-up's most without settling is
 * kept, and the report lists it as such: its runtime compiles for longer than the warm-up allows (`tomcat`
 * at half a CPU still gave its compiler 12–13% of its CPU after 20 s, 2026-12-02), which a fresh server
 * would show again every time, so measuring it again would only drop the runtime from the cell.
 */
final class CompilingWindow {
    private CompilingWindow() {
    }

    /** Why these windows of one server are discarded, for a person: the first that compiled too much; null when none did. */
    static String judge(List<Measurement> windows) {
        for (Measurement m : windows) {
            boolean settled = m.load() != null && Boolean.TRUE.equals(m.load().warmupSettled());
            Double share = m.ok() && settled && m.server() != null ? m.server().jitShare() : null;
            if (share != null && share > ServerUse.JIT_SHARE_LIMIT) {
                return String.format(Locale.ROOT, "the server's JIT compiler took %.1f%% of its CPU in the window at %s "
                        + "(over %.0f%%): the server was still compiling, not yet warm", share * 100, where(m),
                        ServerUse.JIT_SHARE_LIMIT * 100);
            }
        }
        return null;
    }

    private static String where(Measurement m) {
        return m.offeredRate() != null && m.offeredRate() > 0
                ? String.format(Locale.ROOT, "%,.0f req/s", m.offeredRate())
                : String.format(Locale.ROOT, "%,d connections", m.connections());
    }
}
