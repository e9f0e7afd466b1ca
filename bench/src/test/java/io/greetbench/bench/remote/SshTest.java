package io.greetbench.bench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.load.LoadSpec;
import io.greetbench.bench.load.Target;
import io.greetbench.bench.server.CommandRun;
import io.greetbench.bench.server.Executables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What greetbench hands ssh: words quoted so the remote shell gets them back exactly, and nothing ssh
 * reads as an option; host names checked; a cell shared out among drivers.
 */
class SshTest {
    @Test
    void everyWordReachesTheRemoteShellUnchanged() throws Exception {
        List<String> words = List.of("plain", "two words", "it's", "", "$HOME", "a\"b", "new\nline", "Hello, world!\n",
                "-Xlog:gc:file=/tmp/x y.log:time", "*", "back\\slash", "-oProxyCommand=/bin/sh", "-c");
        // What ssh does with its command: hands the line to the remote login shell, which splits it again.
        String line = "printf '%s\\0' " + Ssh.commandLine(words);
        var r = CommandRun.run(new ProcessBuilder("sh", "-c", line), Duration.ofSeconds(10), "sh");
        assertEquals(0, r.exit(), r.err());
        List<String> back = new ArrayList<>(List.of(r.out().split("\0", -1)));
        back.remove(back.size() - 1);
        assertEquals(words, back);
        assertEquals("plain", Ssh.quote("plain"), "plain words are left as they are");
        assertEquals("'-c'", Ssh.quote("-c"), "a word that starts with '-' is quoted");
        assertTrue(Ssh.commandLine(List.of("-oProxyCommand=/bin/sh", "-c", "id")).startsWith("'-o"));
    }

    @Test
    void noHostNorRemoteCommandIsReadAsAnOptionOfSshOrScp() {
        Ssh ssh = new Ssh(Path.of("/tmp/cfg"));
        List<String> argv = ssh.argv("gb-server", List.of("-oProxyCommand=/bin/sh", "-c", "id"));
        assertEquals(List.of("-T", "--", "gb-server"), argv.subList(argv.size() - 4, argv.size() - 1), argv.toString());
        assertTrue(argv.get(argv.size() - 1).startsWith("'-oProxyCommand=/bin/sh'"), argv.toString());
        List<String> config = ssh.configArgv("gb-server");
        assertEquals(List.of("-G", "--", "gb-server"), config.subList(config.size() - 3, config.size()), config.toString());
        List<String> scp = ssh.copyArgv("root@::1", List.of(Path.of("/tmp/a.jar")), "/root/.cache/greetbench/x");
        assertEquals(List.of("--", "/tmp/a.jar", "root@[::1]:/root/.cache/greetbench/x/"), scp.subList(scp.size() - 3, scp.size()),
                "an IPv6 address in brackets, or scp takes it for a local path: " + scp);
        assertThrows(IllegalArgumentException.class, () -> ssh.argv("-oProxyCommand=x", List.of("true")));
    }

    @Test
    void aRemoteCommandThatStartsWithAnSshOptionRunsNothingHere(@TempDir Path dir) throws Exception {
        assumeTrue(Executables.onPath("ssh"), "no ssh here");
        // What a hostile host's probe answer would have made the first words of a command there.
        Path marker = dir.resolve("owned");
        Path config = Files.writeString(dir.resolve("ssh_config"), "Host nowhere\n  HostName 127.0.0.1\n  Port 1\n");
        Ssh ssh = new Ssh(config);
        assertThrows(Ssh.Unreachable.class, () -> ssh.run("nowhere", List.of("-oProxyCommand=/bin/sh", "-c",
                "touch " + marker + "; exit 1"), Duration.ofSeconds(20)), "ssh tried the host, and only the host");
        assertFalse(Files.exists(marker), "ssh ran the 'command' as a ProxyCommand here");
    }

    @Test
    void hostsAreNamesOrAddressesAndNothingElse() {
        for (String good : List.of("gb-server", "root@10.0.0.2", "bench_1.example.com", "::1", "root@fe80::1%eth0", "h1")) {
            assertNull(Ssh.problem(good), good);
        }
        for (String bad : List.of("-oProxyCommand=x", "two words", "a;id", "$(id)", "a|b", "`id`", "h&", "[::1]", "", "@h",
                "-h@x", "h\nx")) {
            assertNotNull(Ssh.problem(bad), bad);
        }
        assertNotNull(Ssh.problem(null));
        assertEquals("[::1]", HostName.forScp("::1"));
        assertEquals("gb-server", HostName.forScp("gb-server"));
    }

    @Test
    void sshIsRunInBatchModeWithTheGivenConfigAndHostsAreChecked() {
        List<String> argv = new Ssh(Path.of("/tmp/cfg")).argv("gb-server", List.of("true"));
        assertEquals(List.of("ssh", "-F", "/tmp/cfg"), argv.subList(0, 3));
        assertTrue(argv.contains("BatchMode=yes"), argv.toString());
        assertEquals("gb-server", argv.get(argv.size() - 2));
        String message = new Ssh(null).unreachable("h1", "Connection refused");
        assertTrue(message.startsWith("cannot reach h1 over ssh (Connection refused)"), message);
        assertTrue(message.contains("BatchMode"), message);
    }

    @Test
    void aCellIsSharedOutEvenlyAndEachDriverGetsItsPartOfTheRate() {
        assertEquals(List.of(5, 4), List.of(SshLoadSource.share(9, 2, 0), SshLoadSource.share(9, 2, 1)));
        assertEquals(List.of(334, 333, 333), List.of(SshLoadSource.share(1000, 3, 0), SshLoadSource.share(1000, 3, 1),
                SshLoadSource.share(1000, 3, 2)));
        LoadSpec spec = LoadSpec.builder(Target.parse("http://10.0.0.2:8080/world", true)).connections(9).rate(900)
                .duration(Duration.ofSeconds(5)).timeout(Duration.ofMillis(1500)).pipeline(4)
                .expectedBody("Hello, world!\n".getBytes(StandardCharsets.UTF_8)).build();
        List<String> args = SshLoadSource.loadArgs(spec, 5, 500);
        assertEquals("http://10.0.0.2:8080/world", args.get(args.indexOf("--url") + 1));
        assertTrue(args.contains("--allow-remote"), "the target is the server host named on the command line");
        assertEquals("5", args.get(args.indexOf("--connections") + 1));
        assertEquals("500.000", args.get(args.indexOf("--rate") + 1));
        assertEquals("5000ms", args.get(args.indexOf("--duration") + 1));
        assertEquals("1500ms", args.get(args.indexOf("--timeout") + 1));
        assertEquals("4", args.get(args.indexOf("--pipeline") + 1));
        assertEquals("Hello, world!\n", args.get(args.indexOf("--expect-body") + 1));
    }
}
