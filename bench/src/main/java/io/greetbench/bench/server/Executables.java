package io.greetbench.bench.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding a tool on this machine's PATH (and in /usr/sbin, where Debian puts nginx). */
public final class Executables {
    private Executables() {
    }

    public static Optional<Path> find(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Optional.of(Path.of(dir, tool));
            }
        }
        return Optional.empty();
    }

    public static boolean onPath(String tool) {
        return find(tool).isPresent();
    }
}
