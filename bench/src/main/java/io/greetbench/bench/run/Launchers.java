package io.greetbench.bench.run;

import io.greetbench.bench.server.HostShell;
import io.greetbench.bench.server.ServerSite;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The launcher for each runtime name of a run: the two references by name, greetbench's runtimes in a JVM. */
final class Launchers {
    private Launchers() {
    }

    /** The launchers of a run whose servers run on this machine. */
    static List<ServerLauncher> forRuntimes(RunOptions options, Path root, PrintStream log) {
        return forRuntimes(options, ServerSite.local(options.serverJava(), options.serverJvmFlags()), HostShell.LOCAL,
                root, log);
    }

    /** The launchers of a run whose servers run on {@code site}; its JVM is asked through {@code shell}. */
    static List<ServerLauncher> forRuntimes(RunOptions options, ServerSite site, HostShell shell, Path root, PrintStream log) {
        boolean anyJvm = options.runtimes().stream()
                .anyMatch(n -> !n.equals(AiohttpLauncher.NAME) && !n.equals(NginxLauncher.NAME));
        ServerJvmCatalog catalog = anyJvm ? ServerJvmCatalog.ask(site, shell) : null;
        if (catalog != null && catalog.failure() != null) {
            log.println("greetbench: could not ask " + site.java() + (site.local() ? "" : " on " + site.host())
                    + " which runtimes it can run (" + catalog.failure() + "); going by this JVM");
        }
        List<ServerLauncher> servers = new ArrayList<>();
        for (String name : options.runtimes()) {
            servers.add(switch (name) {
                case AiohttpLauncher.NAME -> new AiohttpLauncher(root);
                case NginxLauncher.NAME -> new NginxLauncher();
                default -> new JvmRuntimeLauncher(name, catalog, options.jvmFlags());
            });
        }
        return servers;
    }

    /** The reference rows' names, in the order reports list them. */
    static List<String> references() {
        return List.of(AiohttpLauncher.NAME, NginxLauncher.NAME);
    }
}
