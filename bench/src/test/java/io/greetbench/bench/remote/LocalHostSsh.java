package io.greetbench.bench.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * This machine standing in for another host, without sshd: a remote command line goes to
 * {@code sh -c}, as sshd hands it to the login shell, with the variables its session would have; a
 * copy is a file copy. Every remote command is recorded, so a test can say what was (not) run there.
 */
class LocalHostSsh extends Ssh {
    private final Map<String, String> environment;
    final List<List<String>> commands = new ArrayList<>();

    LocalHostSsh(Map<String, String> environment) {
        super(null);
        this.environment = environment;
    }

    @Override
    synchronized ProcessBuilder process(String host, List<String> remoteArgv) {
        commands.add(List.copyOf(remoteArgv));
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", commandLine(remoteArgv));
        pb.environment().putAll(environment);
        return pb;
    }

    @Override
    String hostName(String host) {
        return "127.0.0.1";
    }

    @Override
    void copy(String host, List<Path> files, String dir, Duration bound) throws IOException {
        for (Path f : files) {
            Files.copy(f, Path.of(dir).resolve(f.getFileName()));
        }
    }

    /** The remote commands run so far whose first word is {@code program}. */
    synchronized List<List<String>> commandsOf(String program) {
        return commands.stream().filter(c -> c.get(0).equals(program)).toList();
    }
}
