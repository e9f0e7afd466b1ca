package io.greetbench.bench.report;

import io.greetbench.bench.results.RunEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The README's headline block: the {@link Headline} as a Markdown table, with the throughput chart. */
final class HeadlineMarkdown {
    private HeadlineMarkdown() {
    }

    static String render(Headline h, ResultsIndex index, Path link) {
        RunEnvironment env = index.env();
        Duration wait = index.recordedWait(io.greetbench.bench.scenario.Scenarios.IO_WAIT);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "From [%s](%s/README.md) (%s, %s trial(s) per cell; median). "
                + "Plaintext at %,d connections, io-wait (%d ms per request) at %,d; memory and threads in io-wait; "
                + "† driver-bound, ! with errors (timeouts, resets).%n%n",
                link.getFileName(), link, env.cpuModel() + ", " + env.onlineCpus() + " CPUs",
                env.optionsOrNone().trials(), h.plaintextConnections(), wait.toMillis(), h.waitConnections()));
        md.append("| runtime | plaintext req/s | server CPU µs/req | plaintext p99 | io-wait req/s | io-wait p99 | io-wait peak RSS | io-wait threads |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Headline.Row r : h.rows()) {
            md.append("| `").append(r.runtime()).append("` | ").append(r.plainRps()).append(" | ").append(r.cpuPerRequest())
                    .append(" | ").append(r.plainP99()).append(" | ").append(r.waitRps()).append(" | ").append(r.waitP99())
                    .append(" | ").append(r.rss()).append(" | ").append(r.threads()).append(" |\n");
        }
        md.append("\n![plaintext throughput](").append(link).append("/plaintext-throughput.png)\n");
        return md.toString();
    }
}
