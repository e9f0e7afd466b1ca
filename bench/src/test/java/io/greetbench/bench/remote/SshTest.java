package io.greetbench.bench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.greetbench.bench.load.LoadSpec;
import io.greetbench.bench.load.Target;
import io.greetbench.bench.server.CommandRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What greetbench hands ssh: words quoted so the remote shell gets them back exactly; a cell shared out among drivers. */
class SshTest {
    @Test
    void everyWordReachesTheRemoteShellUnchanged() throws Exception {
        List<String> words = List.of("plain", "two words", "it's", "", "$HOME", "a\"b", "new\nline", "Hello, world!\n",
                "-Xlog:gc:file=/tmp/x y.log:time", "*", "back\\slash");
        // What ssh does with its command: hands the line to the remote login shell, which splits it again.
        String line = "printf '%s\\0' " + Ssh.commandLine(words);
        var r = CommandRun.run(new ProcessBuilder("sh", "-c", line), Duration.ofSeconds(10), "sh");
        assertEquals(0, r.exit(), r.err());
        List<String> back = new ArrayList<>(List.of(r.out().split("\0", -1)));
        back.remove(back.size() - 1);
        assertEquals(words, back);
        assertEquals("plain", Ssh.quote("plain"), "plain words are left as they are");
    }

    @Test
    void sshIsRunInBatchModeWithTheGivenConfigAndHostsAreChecked() {
        List<String> argv = new Ssh(Path.of("/tmp/cfg")).argv("gb-server", List.of("true"));
        assertEquals(List.of("ssh", "-F", "/tmp/cfg"), argv.subList(0, 3));
        assertTrue(argv.contains("BatchMode=yes"), argv.toString());
        assertEquals("gb-server", argv.get(argv.size() - 2));
        assertNull(Ssh.problem("gb-server"));
        assertNull(Ssh.problem("root@10.0.0.2"));
        assertNotNull(Ssh.problem("-oProxyCommand=x"), "an option is not a host");
        assertNotNull(Ssh.problem("two words"));
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
