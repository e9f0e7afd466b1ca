package io.greetbench.bench.run;

import io.greetbench.bench.server.ServerSite;
import java.io.IOException;

/** The reference servers run on this machine only: greetbench copies itself to other hosts, not nginx or aiohttp. */
final class LocalOnly {
    static final String REASON = "the reference servers run only on this machine (greetbench copies itself to other "
            + "hosts, not nginx or aiohttp); leave them out with --runtimes";

    private LocalOnly() {
    }

    static void check(String name, ServerSite site) throws IOException {
        if (!site.local()) {
            throw new IOException(name + ": " + REASON);
        }
    }
}
