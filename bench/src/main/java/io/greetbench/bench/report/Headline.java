package io.greetbench.bench.report;

import io.greetbench.bench.scenario.Scenarios;
import io.greetbench.bench.text.Units;
import java.util.List;

/**
 * The few figures a reader looks at first, one row per runtime, chosen once for the README headline
 * and the terminal summary alike: plaintext at 1,024 connections (else the most measured), io-wait
 * at its most connections, and memory and threads there, where connections cost the most.
 *
 * @param plaintextConnections the plaintext column's connections; -1 when plaintext was not measured
 * @param waitConnections      the io-wait columns' connections; -1 when io-wait was not measured
 */
record Headline(int plaintextConnections, int waitConnections, List<Row> rows) {
    static final int PREFERRED_PLAINTEXT = 1024;

    /** One runtime's figures: each text already formatted, "–" when not measured, "failed" when every trial failed. */
    record Row(String runtime, String plainRps, String cpuPerRequest, String plainP99, String waitRps, String waitP99,
            String rss, String threads) {
    }

    static Headline of(ResultsIndex index) {
        List<Integer> plain = index.connectionsOf(Scenarios.PLAINTEXT.key());
        List<Integer> wait = index.connectionsOf(Scenarios.IO_WAIT.key());
        int pc = plain.contains(PREFERRED_PLAINTEXT) ? PREFERRED_PLAINTEXT : plain.isEmpty() ? -1 : plain.get(plain.size() - 1);
        int wc = wait.isEmpty() ? -1 : wait.get(wait.size() - 1);
        List<Row> rows = index.runtimes().stream().map(runtime -> {
            CellTrials p = pc < 0 ? null : index.cell(runtime, Scenarios.PLAINTEXT.key(), pc, 0.0);
            CellTrials w = wc < 0 ? null : index.cell(runtime, Scenarios.IO_WAIT.key(), wc, 0.0);
            return new Row(runtime, rate(p), figure(p, Units.oneDecimal(p == null ? null : p.cpuPerRequest().median())),
                    figure(p, Units.micros(p == null ? null : p.p99().median())), rate(w),
                    figure(w, Units.micros(w == null ? null : w.p99().median())),
                    figure(w, Units.mibFromKb(w == null ? null : w.rssPeakKb().median())),
                    figure(w, Units.count(w == null ? null : w.threadsPeak().median())));
        }).toList();
        return new Headline(pc, wc, rows);
    }

    private static String figure(CellTrials c, String text) {
        return c == null ? Units.NONE : c.measured() ? text : "failed";
    }

    private static String rate(CellTrials c) {
        return figure(c, c == null ? "" : Units.rate(c.rps().median()) + marks(c));
    }

    /** † driver-bound, ! with errors. */
    static String marks(CellTrials c) {
        return (c.driverBound() ? " †" : "") + (c.errors() > 0 ? " !" : "");
    }
}
