package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Another host's files, through its shell: one short POSIX command per operation (the retries of a
 * removal run there, in one command, not one connection each).
 */
final class ShellFiles implements HostFiles {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final HostShell shell;

    ShellFiles(HostShell shell) {
        this.shell = shell;
    }

    @Override
    public String where() {
        return " on " + shell.host();
    }

    @Override
    public boolean isFile(Path file) {
        try {
            return shell.run(List.of("test", "-f", file.toString()), BOUND).ok();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String read(Path file) throws IOException {
        return checked(shell.run(List.of("cat", file.toString()), BOUND), "read " + file);
    }

    @Override
    public void write(Path file, String value) throws IOException {
        checked(shell.run(List.of("sh", "-c", "printf '%s' \"$1\" > \"$0\"", file.toString(), value), BOUND),
                "write " + file);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        checked(shell.run(List.of("mkdir", dir.toString()), BOUND), "create " + dir);
    }

    @Override
    public boolean removeDirectory(Path dir) {
        String script = "i=0; while [ -d \"$0\" ]; do rmdir \"$0\" 2>/dev/null && exit 0; i=$((i+1)); "
                + "[ $i -ge 50 ] && exit 1; sleep 0.02; done";
        try {
            return shell.run(List.of("sh", "-c", script, dir.toString()), BOUND).ok();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public List<Path> list(Path dir, String prefix) throws IOException {
        String script = "for f in \"$0\"/\"$1\"*; do [ -e \"$f\" ] && echo \"$f\"; done; true";
        String out = checked(shell.run(List.of("sh", "-c", script, dir.toString(), prefix), BOUND), "list " + dir);
        List<Path> found = new ArrayList<>();
        out.lines().filter(l -> !l.isBlank()).forEach(l -> found.add(Path.of(l)));
        return found;
    }

    @Override
    public boolean ownerMayRun(long pid) {
        return true;
    }

    private String checked(HostShell.Result result, String what) throws IOException {
        if (!result.ok()) {
            throw new IOException("could not " + what + where() + ": " + result.lastLine());
        }
        return result.out();
    }
}
