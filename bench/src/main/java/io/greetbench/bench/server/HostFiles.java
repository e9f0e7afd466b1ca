package io.greetbench.bench.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The few file operations a CPU limit needs (cgroups are files), on this machine ({@link #LOCAL})
 * or on another host through its shell ({@link #through}).
 */
public interface HostFiles {
    HostFiles LOCAL = new LocalFiles();

    /** The files of the host {@code shell} runs on: this machine's directly, another's by commands. */
    static HostFiles through(HostShell shell) {
        return shell.local() ? LOCAL : new ShellFiles(shell);
    }

    /** For messages: empty for this machine, " on HOST" for another. */
    String where();

    boolean isFile(Path file);

    String read(Path file) throws IOException;

    void write(Path file, String value) throws IOException;

    /** Creates the directory; fails if it exists. */
    void createDirectory(Path dir) throws IOException;

    /**
     * Removes an empty directory, retrying for up to a second (the kernel moves a cgroup's exiting
     * tasks out a moment after they are reaped); true when it is gone.
     */
    boolean removeDirectory(Path dir);

    /** The entries of {@code dir} whose names start with {@code prefix}. */
    List<Path> list(Path dir, String prefix) throws IOException;

    /**
     * Whether the greetbench process {@code pid} that made a group may still run. Here: whether it
     * does. On another host the group's maker is an orchestrator elsewhere that cannot be asked: true.
     */
    boolean ownerMayRun(long pid);
}
