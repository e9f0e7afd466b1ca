package io.greetbench.bench.remote;

import io.greetbench.bench.server.CommandRun;
import io.greetbench.bench.server.HostShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How greetbench reaches other hosts: OpenSSH's {@code ssh} and {@code scp}, with the user's keys,
 * agent and {@code ~/.ssh/config} (or the file given with {@code --ssh-config} or
 * {@code GREETBENCH_SSH_CONFIG}, as {@code ssh -F}). With {@code BatchMode=yes} a host that would ask
 * for a password fails at once, in one line naming it; keep-alives notice a host that went silent
 * within 15 s.
 *
 * <p>Nothing a host or a name on the command line says is read by ssh as an option: {@code --} comes
 * before the host in every call, host names are checked ({@link HostName}), and every word of a remote
 * command that starts with {@code -} is quoted. Not final: tests stand a host in for ssh by overriding
 * {@link #process} and {@link #copy}.
 */
public class Ssh {
    /** The environment variable naming an ssh configuration file, when {@code --ssh-config} is not given. */
    public static final String CONFIG_VARIABLE = "GREETBENCH_SSH_CONFIG";
    /** ssh's exit code when the connection itself failed (not the remote command). */
    static final int CONNECTION_FAILED = 255;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final List<String> OPTIONS = List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
            "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3");

    private final Path config;

    /** @param config an ssh configuration file (ssh -F), or null for ssh's own */
    public Ssh(Path config) {
        this.config = config;
    }

    /** The file of {@code --ssh-config} if given, else of {@code GREETBENCH_SSH_CONFIG}, else none. */
    public static Ssh configured(Path option) {
        if (option != null) {
            return new Ssh(option.toAbsolutePath());
        }
        String fromEnv = System.getenv(CONFIG_VARIABLE);
        return new Ssh(fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv).toAbsolutePath());
    }

    /** Why {@code host} cannot be a host name for ssh, or null. */
    public static String problem(String host) {
        return HostName.problem(host);
    }

    /** {@code host}, checked: an IllegalArgumentException for a name that is not a host's (callers check first). */
    private static String checked(String host) {
        String problem = HostName.problem(host);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return host;
    }

    /**
     * A word quoted for a POSIX shell: as is when plain, else in single quotes; a word that starts
     * with {@code -} always quoted, so that no command line starts with an option.
     */
    static String quote(String word) {
        return PLAIN.matcher(word).matches() && !word.startsWith("-") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** {@code argv} as one command line for the remote login shell, every word quoted. */
    static String commandLine(List<String> argv) {
        List<String> words = new ArrayList<>();
        argv.forEach(w -> words.add(quote(w)));
        return String.join(" ", words);
    }

    /** {@code ssh [-F config] OPTIONS -T -- host command}: after {@code --} ssh reads no option, not even after the host. */
    List<String> argv(String host, List<String> remoteArgv) {
        List<String> argv = new ArrayList<>(List.of("ssh"));
        argv.addAll(configOption());
        argv.addAll(OPTIONS);
        argv.addAll(List.of("-T", "--", checked(host), commandLine(remoteArgv)));
        return argv;
    }

    /** The process that runs {@code remoteArgv} on {@code host}: ssh (a test's stand-in host overrides this). */
    ProcessBuilder process(String host, List<String> remoteArgv) {
        return new ProcessBuilder(argv(host, remoteArgv));
    }

    private List<String> configOption() {
        return config == null ? List.of() : List.of("-F", config.toString());
    }

    /** {@code argv} on {@code host}, at most {@code bound}; an IOException naming the host when ssh cannot connect. */
    HostShell.Result run(String host, List<String> remoteArgv, Duration bound) throws IOException {
        return run(host, remoteArgv, new byte[0], bound);
    }

    /** {@link #run}, with {@code stdin} for the remote command. */
    HostShell.Result run(String host, List<String> remoteArgv, byte[] stdin, Duration bound) throws IOException {
        HostShell.Result r = CommandRun.run(process(host, remoteArgv), stdin, bound, "ssh " + host);
        if (r.exit() == CONNECTION_FAILED) {
            throw new Unreachable(unreachable(host, r.lastLine()), r.lastLine());
        }
        return r;
    }

    /** Starts a long-running {@code argv} on {@code host}; its stdin, stdout and stderr are the ssh process's. */
    Process start(String host, List<String> remoteArgv, boolean mergeStderr) throws IOException {
        return process(host, remoteArgv).redirectErrorStream(mergeStderr).start();
    }

    /** The address ssh connects to for {@code host}: its {@code HostName} in the configuration, else the name itself. */
    String hostName(String host) throws IOException {
        HostShell.Result r = CommandRun.run(new ProcessBuilder(configArgv(host)), Duration.ofSeconds(10), "ssh -G " + host);
        if (!r.ok()) {
            throw new IOException("ssh cannot read its configuration for " + host + ": " + r.lastLine());
        }
        for (String line : r.out().split("\n")) {
            if (line.startsWith("hostname ")) {
                return line.substring("hostname ".length()).trim();
            }
        }
        return host;
    }

    /** {@code ssh [-F config] -G -- host}: the configuration ssh would use for {@code host}. */
    List<String> configArgv(String host) {
        List<String> argv = new ArrayList<>(List.of("ssh"));
        argv.addAll(configOption());
        argv.addAll(List.of("-G", "--", checked(host)));
        return argv;
    }

    /** {@code scp -q -p [-F config] OPTIONS -- files host:dir/}, an IPv6 host in brackets. */
    List<String> copyArgv(String host, List<Path> files, String dir) {
        List<String> argv = new ArrayList<>(List.of("scp", "-q", "-p"));
        argv.addAll(configOption());
        argv.addAll(OPTIONS);
        argv.add("--");
        files.forEach(f -> argv.add(f.toString()));
        argv.add(HostName.forScp(checked(host)) + ":" + dir + "/");
        return argv;
    }

    /** Copies {@code files} into the existing folder {@code dir} of {@code host}, in one scp. */
    void copy(String host, List<Path> files, String dir, Duration bound) throws IOException {
        HostShell.Result r = CommandRun.run(new ProcessBuilder(copyArgv(host, files, dir)), bound, "scp to " + host);
        if (!r.ok()) {
            throw new IOException("could not copy greetbench to " + host + ":" + dir + " with scp (" + r.lastLine()
                    + "); scp needs the sftp subsystem on " + host + " (Subsystem sftp in its sshd_config, the default)");
        }
    }

    /** The one-line error for a host ssh cannot reach. */
    String unreachable(String host, String sshSaid) {
        return "cannot reach " + host + " over ssh (" + sshSaid + "): check that 'ssh "
                + (config == null ? "" : "-F " + config + " ") + host + " true' works without a prompt; greetbench runs "
                + "ssh with BatchMode=yes, so it needs a key or an agent, not a password";
    }

    /** Bytes of a text, for stdin. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** ssh could not connect; {@link #sshSaid} is its own last line. */
    static final class Unreachable extends IOException {
        final String sshSaid;

        Unreachable(String message, String sshSaid) {
            super(message);
            this.sshSaid = sshSaid;
        }
    }
}
